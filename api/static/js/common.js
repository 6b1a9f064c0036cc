// Shared by every page: UI strings, DOM building from text only (report text never becomes
// markup: no innerHTML anywhere), JSON fetching, local links for graph IRIs, evidence highlighting.

const STRINGS = JSON.parse(document.getElementById("ui-strings").textContent);
export const LANG = document.documentElement.lang || "zh";
export const ID_BASE = "https://w3id.org/chainkg/id/";
const SAFE_URL = /^(https?:\/\/|\/(?!\/)|[?#])/i;

/** The UI string `key` with `{name}` placeholders filled. */
export function t(key, values = {}) {
  let text = STRINGS[key] ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** A label in the page's language from an object with `label_zh` / `label_en` (or `title_…`). */
export function pick(obj, stem = "label") {
  return obj[`${stem}_${LANG}`] || obj[`${stem}_zh`] || obj[`${stem}_en`] || obj[stem] || "";
}

/** An element with attributes and children; strings become text nodes, URLs must be http(s) or local. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = String(value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if ((name === "href" || name === "src") && !SAFE_URL.test(String(value))) continue;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Remove every child of `node` and append `children`. */
export function fill(node, ...children) {
  node.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Fetch JSON; a non-2xx answer throws with the server's message. */
export async function fetchJSON(url, options = {}) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, ...options });
  if (!response.ok) {
    const body = await response.text();
    let message = body;
    try { message = JSON.parse(body).detail ?? body; } catch { /* plain text */ }
    throw new Error(`${response.status}: ${typeof message === "string" ? message : JSON.stringify(message)}`);
  }
  return response.json();
}

/** Where this server answers for a graph IRI (entities are served under /id/). */
export function localLink(iri) {
  return iri && iri.startsWith(ID_BASE) ? `/id/${iri.slice(ID_BASE.length)}` : iri;
}

/** The page of a passage id or IRI ("p0123" or a full IRI). */
export function passageLink(passage) {
  return passage.startsWith("http") ? localLink(passage) : `/id/passage/${encodeURIComponent(passage)}`;
}

/** The short id of a passage IRI ("p0123"). */
export function passageId(passage) {
  return passage.split("/").pop();
}

/** Links to the passages stating something: the first `shown`, then "+n". */
export function sourceLinks(passages, shown = Infinity) {
  const links = (passages || []).slice(0, shown).map((p) =>
    el("a", { class: "src", href: passageLink(p), title: t("common.source") }, `[${passageId(p)}]`));
  if (passages && passages.length > shown) links.push(el("span", { class: "src muted" }, `+${passages.length - shown}`));
  return links;
}

/** An error message element. */
export function errorBox(error) {
  return el("p", { class: "error", role: "alert" }, t("common.error"), error.message || String(error));
}

/** Set the URL's query without reloading (state that a reload or a shared link restores). */
export function setQuery(params, { push = false } = {}) {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") url.searchParams.delete(name);
    else url.searchParams.set(name, String(value));
  }
  if (url.href !== window.location.href) window.history[push ? "pushState" : "replaceState"](null, "", url);
}

/** Run `fn` once input has paused for `ms`. */
export function debounce(fn, ms = 200) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// --- highlighting --------------------------------------------------------------------------

function compact(text) {
  // text without white space (the report's PDF text has spaces inside numbers and dates),
  // with the index of each kept character in the original
  const chars = [];
  const index = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i])) { chars.push(text[i].toLowerCase()); index.push(i); }
  }
  return { text: chars.join(""), index };
}

/** The longest common substring of `a` and `b`. */
export function longestCommon(a, b) {
  let best = 0;
  let end = 0;
  let previous = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > best) { best = current[j]; end = i; }
      }
    }
    previous = current;
  }
  return a.slice(end - best, end);
}

const numbers = (text) => (text.match(/\d+(?:\.\d+)?/g) || []).join(" ");

/** Whether `part` of `needle` supports it: two characters or more, a third of the needle or
 *  more, and the needle's numbers exactly ("15亿" supports "15亿元", "2015" not "2015年9月"). */
function supports(part, needle) {
  return part.length >= 2 && part.length * 3 >= needle.length && numbers(part) === numbers(needle);
}

/** Character ranges of `text` supporting `needles`: for each needle, every occurrence of the
 *  longest part of it found in the text, when that part supports it. */
export function supportRanges(text, needles) {
  const { text: hay, index } = compact(text);
  const ranges = [];
  for (const raw of needles) {
    const needle = compact(String(raw ?? "")).text;
    const part = needle.length >= 2 ? longestCommon(needle, hay) : "";
    if (!supports(part, needle)) continue;
    for (let at = hay.indexOf(part); at !== -1; at = hay.indexOf(part, at + part.length)) {
      ranges.push([index[at], index[at + part.length - 1] + 1]);
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** `text` as nodes, the parts supporting `needles` wrapped in <mark>. */
export function highlighted(text, needles) {
  const parts = [];
  let at = 0;
  for (const [start, end] of supportRanges(text, needles)) {
    if (start > at) parts.push(document.createTextNode(text.slice(at, start)));
    parts.push(el("mark", {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
  return parts;
}

/** "section · page n" for a passage, linked to its page. */
export function passageMeta(passage, section, page) {
  return el("p", { class: "meta" },
    el("a", { href: passageLink(passage) }, section || passageId(passage)),
    page ? ` · ${t("common.page", { page })}` : "");
}
