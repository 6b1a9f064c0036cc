// The search page: hybrid search over entities and passages (/api/search) with a type filter,
// and type-ahead on entity names and aliases in the search box.
import { el, errorBox, fetchJSON, fill, highlighted, localLink, passageMeta, setQuery, t } from "./common.js";
import { attachTypeahead } from "./typeahead.js";

const form = document.getElementById("search-form");
const input = document.getElementById("q");
const type = document.getElementById("type");
const status = document.getElementById("status");
const results = document.getElementById("results");
const CLASS_LABELS = JSON.parse(document.getElementById("class-labels").textContent);
const typeLabel = (name) => CLASS_LABELS[name] || name;

function hitItem(hit, words) {
  if (hit.kind === "passage") {
    return el("li", { class: "hit passage" },
      el("span", { class: "badge" }, t("search.passage")),
      el("blockquote", { lang: "zh" }, highlighted(hit.snippet, words)),
      passageMeta(hit.iri, hit.section, hit.page));
  }
  return el("li", { class: "hit entity" },
    el("a", { class: "hit-title", href: localLink(hit.iri) }, hit.label),
    [...new Set((hit.types || []).map(typeLabel))].slice(0, 3).map((label) => el("span", { class: "badge" }, label)),
    hit.snippet ? el("p", { class: "meta" }, highlighted(hit.snippet, words)) : null);
}

async function search(push = true) {
  const q = input.value.trim();
  if (!q) return;
  setQuery({ q, type: type.value }, { push });
  status.textContent = t("common.loading");
  try {
    const params = new URLSearchParams({ q, limit: "30" });
    if (type.value) params.set("type", type.value);
    const body = await fetchJSON(`/api/search?${params}`);
    const words = q.split(/\s+/);
    fill(results, el("h2", {}, t("search.results")),
      body.hits.length ? el("ul", { class: "hits" }, body.hits.map((hit) => hitItem(hit, words)))
        : el("p", {}, t("search.none")));
    status.textContent = t("common.count", { n: body.hits.length });
  } catch (error) {
    fill(status, errorBox(error));
  }
}

attachTypeahead(input, { typeLabel });
form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
type.addEventListener("change", () => search());
window.addEventListener("popstate", () => {
  const url = new URL(window.location.href);
  input.value = url.searchParams.get("q") || "";
  type.value = url.searchParams.get("type") || "";
  search(false);
});
if (input.value.trim()) search(false);
