// The charts page: every chart of /api/charts drawn as SVG, each with its data table and sources.
import { LANG, el, errorBox, fetchJSON, fill, localLink, pick, sourceLinks, t } from "./common.js";
import { drawChart } from "./chart_svg.js";

const status = document.getElementById("status");
const container = document.getElementById("charts");

export const xText = (p) => String((LANG === "en" && p.x_en) || p.x);
export const seriesName = (s) => pick(s, "name");

function dataTable(chart) {
  return el("details", {}, el("summary", {}, t("common.table")),
    el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {},
        el("th", { scope: "col" }, pick(chart, "x_label")), el("th", { scope: "col" }, pick(chart, "y_label")),
        chart.series.length > 1 ? el("th", { scope: "col" }, "") : null, el("th", { scope: "col" }, t("common.source")))),
      el("tbody", {}, chart.series.flatMap((s) => s.points.map((p) => el("tr", {},
        el("td", {}, p.iri ? el("a", { href: localLink(p.iri) }, xText(p)) : xText(p)),
        el("td", { class: "number" }, p.label && p.label !== String(p.y) ? `${p.y} (${p.label})` : String(p.y)),
        chart.series.length > 1 ? el("td", {}, seriesName(s)) : null,
        el("td", {}, sourceLinks(p.passages)))))))));
}

async function drawOne(entry) {
  const figure = el("figure", { class: "chart", id: `chart-${entry.key}`, "data-key": entry.key },
    el("h2", {}, pick(entry, "title")), el("p", { class: "status" }, t("common.loading")));
  container.append(figure);
  try {
    const chart = await fetchJSON(`/api/charts/${encodeURIComponent(entry.key)}`);
    const drawn = drawChart({ ...chart, xLabel: pick(chart, "x_label"), yLabel: pick(chart, "y_label") },
      { xText, name: seriesName });
    drawn[0].setAttribute("aria-label", pick(chart, "title"));
    fill(figure, el("h2", {}, pick(chart, "title")), drawn, dataTable(chart));
  } catch (error) {
    fill(figure, el("h2", {}, pick(entry, "title")), errorBox(error));
  }
}

async function main() {
  try {
    const charts = await fetchJSON("/api/charts");
    await Promise.all(charts.map(drawOne));
  } catch (error) {
    fill(status, errorBox(error));
  }
}

main();
