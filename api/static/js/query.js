// The SPARQL page: an editor (CodeMirror's SPARQL mode when npm installed it, else the plain text
// area), the documented example queries, a results table, downloads in every result format.
import { LANG, el, errorBox, fetchJSON, fill, localLink, t } from "./common.js";

const form = document.getElementById("query-form");
const textarea = document.getElementById("query");
const examples = document.getElementById("examples");
const description = document.getElementById("example-description");
const status = document.getElementById("status");
const results = document.getElementById("results");
const table = document.getElementById("table");
const downloads = document.getElementById("downloads");

const RESULT_FORMATS = [["JSON", "application/sparql-results+json", "json"], ["XML", "application/sparql-results+xml", "xml"],
  ["CSV", "text/csv", "csv"], ["TSV", "text/tab-separated-values", "tsv"]];
const GRAPH_FORMATS = [["Turtle", "text/turtle", "ttl"], ["N-Triples", "application/n-triples", "nt"],
  ["JSON-LD", "application/ld+json", "jsonld"], ["RDF/XML", "application/rdf+xml", "rdf"]];

const editor = window.CodeMirror ? window.CodeMirror.fromTextArea(textarea, {
  mode: "application/sparql-query", lineNumbers: true, matchBrackets: true, indentUnit: 2,
  // Tab leaves the editor (keyboard users must not be trapped); Ctrl/Cmd+Enter runs the query
  extraKeys: { Tab: false, "Shift-Tab": false, "Ctrl-Enter": () => run(), "Cmd-Enter": () => run() },
}) : null;
if (editor) editor.getWrapperElement().setAttribute("aria-label", t("query.editor"));
const getQuery = () => (editor ? editor.getValue() : textarea.value);
const setQueryText = (text) => (editor ? editor.setValue(text) : (textarea.value = text));

async function post(query, accept) {
  return fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
    body: new URLSearchParams({ query }),
  });
}

function cell(term) {
  if (!term) return el("td", {});
  if (term.type === "uri") return el("td", {}, el("a", { href: localLink(term.value) }, term.value));
  if (term.type === "bnode") return el("td", {}, `_:${term.value}`);
  return el("td", {}, term.value, term["xml:lang"] ? el("span", { class: "lit-lang" }, `@${term["xml:lang"]}`) : null);
}

function renderSelect(body, truncated) {
  const vars = body.head.vars || [];
  const rows = body.results.bindings;
  fill(table,
    el("p", {}, t("query.rows", { n: rows.length })),
    truncated ? el("p", { class: "notice" }, t("query.truncated", { n: truncated })) : null,
    el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, vars.map((v) => el("th", { scope: "col" }, `?${v}`)))),
      el("tbody", {}, rows.map((row) => el("tr", {}, vars.map((v) => cell(row[v]))))))));
}

function showDownloads(formats) {
  fill(downloads, el("span", {}, t("query.download")), formats.map(([name, media, extension]) =>
    el("button", { type: "button", class: "secondary", "data-format": extension, onclick: () => download(media, extension) }, name)));
}

async function download(media, extension) {
  try {
    const response = await post(getQuery(), media);
    if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: "#", download: `chainkg-results.${extension}` });
    link.href = url;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    fill(status, errorBox(error));
  }
}

async function run() {
  const query = getQuery();
  if (!query.trim()) return;
  status.textContent = t("query.running");
  try {
    const response = await post(query, "application/sparql-results+json, text/turtle;q=0.9");
    if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
    const type = response.headers.get("content-type") || "";
    const truncated = response.headers.get("x-result-truncated") === "true" ? response.headers.get("x-result-row-limit") : null;
    if (type.includes("json")) {
      const body = await response.json();
      if ("boolean" in body) fill(table, el("p", { class: "answer-text" }, t("query.boolean", { value: String(body.boolean) })));
      else renderSelect(body, truncated);
      showDownloads(RESULT_FORMATS);
    } else {
      fill(table, el("pre", { class: "turtle" }, await response.text()));
      showDownloads(GRAPH_FORMATS);
    }
    results.hidden = false;
    status.textContent = "";
  } catch (error) {
    fill(status, errorBox(error));
  }
}

async function loadExamples() {
  try {
    const body = await fetchJSON("/api/queries");
    for (const example of body.queries) {
      examples.append(el("option", { value: example.name }, example.title[LANG] || example.title.zh));
    }
    examples.addEventListener("change", () => {
      const example = body.queries.find((e) => e.name === examples.value);
      if (!example) return;
      setQueryText(example.query);
      description.textContent = example.description[LANG] || example.description.zh;
    });
  } catch (error) {
    fill(description, errorBox(error));
  }
}

form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
textarea.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
});
loadExamples();
if (new URL(window.location.href).searchParams.get("q")) run();
