// Small SVG charts (bar, line, pie) drawn from the /api/charts shape, with no library: every label
// is a text node, every bar or slice has a <title> and links to the graph resource it stands for.
import { el, localLink } from "./common.js";

const NS = "http://www.w3.org/2000/svg";
const COLOURS = ["#1f5fbf", "#e07b00", "#2a9d5b", "#b3261e", "#7b4fbf", "#00838f", "#8d6e63", "#c2185b"];

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const title = (text) => svg("title", {}, text);

function linked(point, shape) {
  // links only to this server's own pages (graph IRIs under /id/)
  const href = point.iri ? localLink(point.iri) : null;
  return href && href.startsWith("/") ? svg("a", { href }, shape) : shape;
}

/** Round tick values covering 0..max. */
function ticks(max, count = 5) {
  if (max <= 0) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let v = 0; v <= max + step * 0.001; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

const fmt = (v) => (Math.abs(v) >= 1000 ? v.toLocaleString() : String(Number(v.toPrecision(6))));

function axes(width, height, pad, top, xLabel, yLabel) {
  return [
    svg("line", { class: "axis", x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom }),
    svg("line", { class: "axis", x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom }),
    ...ticks(top).map((v) => {
      const y = height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
      return svg("g", {}, svg("line", { class: "grid", x1: pad.left, y1: y, x2: width - pad.right, y2: y }),
        svg("text", { x: pad.left - 6, y: y + 4, "text-anchor": "end" }, fmt(v)));
    }),
    xLabel ? svg("text", { x: (pad.left + width - pad.right) / 2, y: height - 4, "text-anchor": "middle" }, xLabel) : null,
    yLabel ? svg("text", { x: 12, y: pad.top - 10, "text-anchor": "start" }, yLabel) : null,
  ];
}

function categories(series, xText) {
  const seen = [];
  for (const s of series) for (const p of s.points) if (!seen.includes(xText(p))) seen.push(xText(p));
  return seen;
}

function legend(series, name) {
  if (series.length < 2) return null;
  return el("p", { class: "legend" }, series.map((s, i) =>
    el("span", { style: `--c:${COLOURS[i % COLOURS.length]}`, class: "series" }, name(s))));
}

/** A bar (grouped when several series) or line chart. */
function xyChart(chart, { xText, name, line }) {
  const width = 560;
  const xs = categories(chart.series, xText);
  const textWidth = (text) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.5), 0);
  const rotate = xs.some((x) => textWidth(x) > (width - 72) / Math.max(xs.length, 1) - 4);
  const height = rotate ? 320 : 300;
  const pad = { left: 56, right: 16, top: 28, bottom: rotate ? 84 : 52 };
  const top = Math.max(...ticks(Math.max(0, ...chart.series.flatMap((s) => s.points.map((p) => Number(p.y) || 0)))));
  const plotW = width - pad.left - pad.right; const plotH = height - pad.top - pad.bottom;
  const band = plotW / Math.max(xs.length, 1);
  const y = (v) => height - pad.bottom - ((Number(v) || 0) / (top || 1)) * plotH;
  const shapes = [];
  chart.series.forEach((s, si) => {
    const colour = COLOURS[si % COLOURS.length];
    const barW = (band * 0.7) / chart.series.length;
    const points = s.points.map((p) => ({ p, cx: pad.left + band * xs.indexOf(xText(p)) + band / 2 }));
    if (line) {
      shapes.push(svg("polyline", { fill: "none", stroke: colour, "stroke-width": 2,
        points: points.map(({ p, cx }) => `${cx},${y(p.y)}`).join(" ") }));
    }
    for (const { p, cx } of points) {
      const tip = `${name(s)} · ${xText(p)}: ${p.label && p.label !== String(p.y) ? `${fmt(p.y)} (${p.label})` : fmt(p.y)}`;
      const shape = line
        ? svg("circle", { cx, cy: y(p.y), r: 4, fill: colour, class: "point" }, title(tip))
        : svg("rect", { class: "bar", x: cx - (band * 0.35) + si * barW, y: y(p.y), width: Math.max(barW - 2, 1),
          height: Math.max(height - pad.bottom - y(p.y), 0), style: `fill:${colour}` }, title(tip));
      shapes.push(linked(p, shape));
      shapes.push(svg("text", { x: line ? cx : cx - (band * 0.35) + si * barW + barW / 2, y: y(p.y) - 4, "text-anchor": "middle" }, fmt(p.y)));
    }
  });
  const labels = xs.map((x, i) => {
    const cx = pad.left + band * i + band / 2; const ly = height - pad.bottom + 14;
    return svg("text", rotate ? { x: cx, y: ly, "text-anchor": "end", transform: `rotate(-30 ${cx} ${ly})` }
      : { x: cx, y: ly, "text-anchor": "middle" }, x);
  });
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" },
    axes(width, height, pad, top, chart.xLabel, chart.yLabel), shapes, labels);
}

function pieChart(chart, { xText }) {
  const size = 300; const r = 110; const c = size / 2;
  const points = chart.series[0]?.points || [];
  const total = points.reduce((sum, p) => sum + (Number(p.y) || 0), 0) || 1;
  let angle = -Math.PI / 2;
  const slices = points.map((p, i) => {
    const share = (Number(p.y) || 0) / total;
    const end = angle + share * 2 * Math.PI;
    const large = share > 0.5 ? 1 : 0;
    const [x1, y1, x2, y2] = [c + r * Math.cos(angle), c + r * Math.sin(angle), c + r * Math.cos(end), c + r * Math.sin(end)];
    const path = share >= 0.9999 ? `M ${c - r} ${c} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`
      : `M ${c} ${c} L ${x1} ${y1} A ${r} ${r} 0 ${large} 1 ${x2} ${y2} Z`;
    angle = end;
    return linked(p, svg("path", { d: path, fill: COLOURS[i % COLOURS.length], stroke: "#fff", "stroke-width": 1.5 },
      title(`${xText(p)}: ${p.label || fmt(p.y)}`)));
  });
  const keys = points.map((p, i) => svg("g", {},
    svg("rect", { x: size + 10, y: 30 + i * 22, width: 12, height: 12, fill: COLOURS[i % COLOURS.length] }),
    svg("text", { x: size + 28, y: 40 + i * 22 }, `${xText(p)} ${p.label || fmt(p.y)}`)));
  return svg("svg", { viewBox: `0 0 ${size + 220} ${size}`, role: "img" }, slices, keys);
}

/** An SVG element for `chart` ({kind, series:[{points:[{x,y,label,iri}]}]}); `xText` and
 *  `name` give the shown text of a point's x and of a series in the page's language. */
export function drawChart(chart, { xText = (p) => String(p.x), name = (s) => s.name || "" } = {}) {
  const figure = chart.kind === "pie" ? pieChart(chart, { xText }) : xyChart(chart, { xText, name, line: chart.kind === "line" });
  return [figure, legend(chart.series, name)];
}
