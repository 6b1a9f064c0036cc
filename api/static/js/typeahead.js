// Type-ahead on entity names and aliases (/api/suggest) for a text input: an ARIA combobox whose
// list is navigated with the arrow keys, chosen with Enter (or a click), closed with Escape.
import { debounce, el, fetchJSON, fill, localLink } from "./common.js";

export function attachTypeahead(input, {
  limit = 8, typeLabel = (name) => name, onChoose = (hit) => { window.location.href = localLink(hit.iri); },
} = {}) {
  const list = el("ul", { id: `${input.id}-suggestions`, role: "listbox", class: "suggestions", hidden: true });
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  let hits = [];
  let active = -1;
  let asked = "";

  function close() {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function mark(index) {
    active = index;
    list.querySelectorAll("li").forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${index}`);
    else input.removeAttribute("aria-activedescendant");
  }

  function show(found) {
    hits = found;
    fill(list, found.map((hit, i) => el("li", {
      id: `${list.id}-${i}`, role: "option", "aria-selected": "false",
      onmousedown: (event) => { event.preventDefault(); onChoose(hit); close(); },
    }, hit.label, hit.types && hit.types.length ? el("span", { class: "hint" }, typeLabel(hit.types[0])) : null,
      hit.snippet && hit.snippet !== hit.label ? el("span", { class: "hint" }, hit.snippet.slice(0, 40)) : null)));
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", String(found.length > 0));
    active = -1;
  }

  const suggest = debounce(async () => {
    const text = input.value.trim();
    asked = text;
    if (!text) { close(); return; }
    try {
      const body = await fetchJSON(`/api/suggest?q=${encodeURIComponent(text)}&limit=${limit}`);
      if (asked === text && document.activeElement === input) show(body.hits);
    } catch { close(); }
  }, 150);

  input.addEventListener("input", suggest);
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); mark((active + 1) % hits.length); }
    else if (event.key === "ArrowUp") { event.preventDefault(); mark((active - 1 + hits.length) % hits.length); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); onChoose(hits[active]); close(); }
  });
  return { close };
}
