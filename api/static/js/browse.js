// Browse: the list of classes (/api/browse), and one class as a table (/api/browse/{key}) that
// sorts by a column heading, filters as you type, pages, and exports what it shows as CSV.
import { LANG, debounce, el, errorBox, fetchJSON, fill, localLink, passageId, pick, setQuery, sourceLinks, t } from "./common.js";

const PAGE = 50;
const status = document.getElementById("status");

async function listTables() {
  const list = document.getElementById("tables");
  try {
    const body = await fetchJSON("/api/browse");
    fill(list, body.tables.map((table) => el("li", {},
      el("a", { href: `/browse/${encodeURIComponent(table.key)}`, "data-key": table.key },
        el("span", { class: "count" }, table.count), pick(table)))));
  } catch (error) {
    fill(status, errorBox(error));
  }
}

function value(v, column) {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "object" && !Array.isArray(v)) {
    const label = pick(v) || v.label || v.iri || "";
    return v.iri ? el("a", { href: localLink(v.iri) }, label) : label;
  }
  if (column.type === "iri" && typeof v === "string") return el("a", { href: localLink(v) }, v);
  return String(v);
}

function cellOf(row, column, first) {
  const raw = row[column.key];
  const values = Array.isArray(raw) ? raw : [raw];
  const links = row.links && row.links[column.key];
  const parts = [];
  // a value is linked when the row names one entity per value (a count of rounds is not a round)
  const targets = Array.isArray(links) && links.length === values.length ? links : [];
  values.forEach((v, i) => {
    if (i > 0) parts.push("、");
    const target = targets[i];
    const shown = value(v, column);
    parts.push(target && typeof shown === "string" && shown ? el("a", { href: localLink(target) }, shown) : shown);
  });
  if (first) {
    const label = parts.length && typeof parts[0] === "string" && parts[0] ? parts[0] : passageId(row.iri);
    return el("td", { class: column.type === "number" ? "number" : null },
      el("a", { href: localLink(row.iri) }, label),
      sourceLinks(row.passages, 2));
  }
  return el("td", { class: column.type === "number" ? "number" : null }, parts);
}

function tableView(key) {
  const url = new URL(window.location.href);
  const state = { q: url.searchParams.get("q") || "", sort: url.searchParams.get("sort") || "",
    order: url.searchParams.get("order") || "asc", offset: Number(url.searchParams.get("offset") || 0) };
  const filter = document.getElementById("filter");
  const table = document.getElementById("table");
  const csv = document.getElementById("csv");
  const prev = document.getElementById("prev");
  const next = document.getElementById("next");
  const range = document.getElementById("range");
  filter.value = state.q;
  let columns = [];

  function params(extra = {}) {
    const p = new URLSearchParams({ lang: LANG, ...extra });
    if (state.q) p.set("q", state.q);
    if (state.sort) { p.set("sort", state.sort); p.set("order", state.order); }
    return p;
  }

  function heading(column) {
    const sorted = state.sort === column.key;
    return el("th", { scope: "col", "aria-sort": sorted ? (state.order === "asc" ? "ascending" : "descending") : "none" },
      el("button", { type: "button", class: "sort", title: t("browse.sort"), "data-column": column.key, onclick: () => {
        state.order = sorted && state.order === "asc" ? "desc" : "asc";
        state.sort = column.key;
        state.offset = 0;
        load(column.key);
      } }, pick(column)));
  }

  async function load(focusColumn = null) {
    setQuery({ q: state.q, sort: state.sort, order: state.sort ? state.order : "", offset: state.offset || "" });
    csv.href = `/api/browse/${encodeURIComponent(key)}?${params({ format: "csv" })}`;
    status.textContent = t("common.loading");
    try {
      const body = await fetchJSON(`/api/browse/${encodeURIComponent(key)}?${params({ limit: PAGE, offset: state.offset })}`);
      columns = body.columns;
      document.getElementById("table-title").textContent = pick(body);
      document.title = `${pick(body)} · ChainKG`;
      fill(table, el("div", { class: "table-wrap" }, el("table", { class: "browse" },
        el("caption", { class: "meta" }, t("browse.rows", { n: body.total })),
        el("thead", {}, el("tr", {}, columns.map(heading))),
        el("tbody", {}, body.rows.map((row) => el("tr", {}, columns.map((c, i) => cellOf(row, c, i === 0))))))));
      const end = Math.min(state.offset + body.rows.length, body.total);
      range.textContent = body.total ? t("common.showing", { from: state.offset + 1, to: end, total: body.total }) : "";
      prev.disabled = state.offset === 0;
      next.disabled = end >= body.total;
      status.textContent = "";
      if (focusColumn) table.querySelector(`button[data-column="${CSS.escape(focusColumn)}"]`)?.focus();
    } catch (error) {
      fill(status, error.message.startsWith("404") ? el("p", { class: "error", role: "alert" }, t("browse.unknown")) : errorBox(error));
    }
  }

  const refilter = debounce(() => { state.q = filter.value.trim(); state.offset = 0; load(); }, 250);
  filter.addEventListener("input", refilter);
  document.getElementById("filter-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = filter.value.trim(); state.offset = 0; load();
  });
  prev.addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); load(); });
  next.addEventListener("click", () => { state.offset += PAGE; load(); });
  load();
}

const browse = document.getElementById("browse");
if (browse) tableView(browse.dataset.key);
else listTables();
