// Compare: the seven cities' support policies side by side by kind (table + the amounts of one kind
// as bars), and the 30 countries' regulatory attitudes as a matrix (+ countries per attitude).
import { LANG, el, errorBox, fetchJSON, fill, localLink, pick, sourceLinks, t } from "./common.js";
import { drawChart } from "./chart_svg.js";

const VALUE_CLASS = { 允许: "v-yes", 是: "v-yes", 鼓励支持: "v-yes", 禁止: "v-no", 否: "v-no", 严禁: "v-no", 有条件: "v-partial", 严格监管: "v-partial" };

function valueText(value) {
  if (value === null || value === undefined || value === "") return "—";
  const key = `value.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}

function itemView(item) {
  const label = (LANG === "en" && item.label_en) || item.label;
  return el("li", {}, item.iri ? el("a", { href: localLink(item.iri) }, label) : label,
    item.amount_text ? el("div", { class: "amount" }, item.amount_text) : null, sourceLinks(item.passages));
}

function citiesTable(data, cellMap, kinds) {
  return el("table", { class: "compare" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("compare.kind")),
      data.cities.map((city) => el("th", { scope: "col" }, el("a", { href: localLink(city.iri) }, pick(city)))))),
    el("tbody", {}, kinds.map((kind) => el("tr", {}, el("th", { scope: "row" }, pick(kind)),
      data.cities.map((city) => {
        const items = cellMap.get(`${city.iri}|${kind.key}`) || [];
        return el("td", {}, items.length ? el("ul", { class: "cell-items" }, items.map(itemView)) : "");
      })))));
}

function amountChart(data, cellMap, kind) {
  const points = [];
  for (const city of data.cities) {
    const items = (cellMap.get(`${city.iri}|${kind.key}`) || []).filter((i) => typeof i.amount_value === "number");
    if (!items.length) continue;
    const best = items.reduce((a, b) => (b.amount_value > a.amount_value ? b : a));
    points.push({ x: pick(city), y: best.amount_value, label: best.amount_text, iri: best.iri, passages: best.passages });
  }
  if (!points.length) return [el("p", { class: "meta" }, t("compare.amount.none"))];
  const drawn = drawChart({ kind: "bar", yLabel: t("compare.amount"), series: [{ name: pick(kind), points }] });
  drawn[0].setAttribute("aria-label", `${pick(kind)} · ${t("compare.amount")}`);
  return drawn;
}

async function cities() {
  const target = document.getElementById("cities");
  const select = document.getElementById("kind");
  const chart = document.getElementById("cities-chart");
  try {
    const data = await fetchJSON("/api/compare/cities");
    const cellMap = new Map(data.cells.map((c) => [`${c.city}|${c.kind}`, c.items]));
    const kinds = data.kinds.filter((k) => data.cells.some((c) => c.kind === k.key && c.items.length));
    fill(target, citiesTable(data, cellMap, kinds));
    const withAmounts = kinds.filter((k) => data.cells.some((c) => c.kind === k.key && c.items.some((i) => typeof i.amount_value === "number")));
    fill(select, withAmounts.map((k) => el("option", { value: k.key }, pick(k))));
    const draw = () => fill(chart, amountChart(data, cellMap, withAmounts.find((k) => k.key === select.value) || withAmounts[0]));
    select.addEventListener("change", draw);
    if (withAmounts.length) draw();
  } catch (error) {
    fill(target, errorBox(error));
  }
}

async function countries() {
  const target = document.getElementById("countries");
  try {
    const data = await fetchJSON("/api/compare/countries");
    const rows = [...data.countries].sort((a, b) => (a.attitude || "").localeCompare(b.attitude || "", "zh") || pick(a).localeCompare(pick(b), LANG));
    fill(target, el("table", { class: "matrix" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("compare.country")), el("th", { scope: "col" }, t("compare.attitude")),
        data.dimensions.map((d) => el("th", { scope: "col" }, pick(d))))),
      el("tbody", {}, rows.map((c) => el("tr", {},
        el("th", { scope: "row" }, el("a", { href: localLink(c.iri) }, pick(c)), sourceLinks(c.passages)),
        el("td", { class: `attitude ${VALUE_CLASS[c.attitude] || ""}` }, c.stance ? el("a", { href: localLink(c.stance) }, valueText(c.attitude)) : valueText(c.attitude)),
        data.dimensions.map((d) => el("td", { class: VALUE_CLASS[c.values[d.key]] || null }, valueText(c.values[d.key]))))))));
    const counts = new Map();
    for (const c of data.countries) counts.set(c.attitude, (counts.get(c.attitude) || 0) + 1);
    const points = [...counts].map(([attitude, n]) => ({ x: valueText(attitude), y: n, label: String(n) }));
    const drawn = drawChart({ kind: "bar", yLabel: t("compare.countries.n"), series: [{ name: t("compare.attitudes"), points }] });
    drawn[0].setAttribute("aria-label", t("compare.attitudes"));
    fill(document.getElementById("attitudes-chart"), drawn);
  } catch (error) {
    fill(target, errorBox(error));
  }
}

cities();
countries();
