// The ask page: a question → /api/ask → the answer card (items, one-line answer, confidence,
// evidence with the supporting span marked, the SPARQL that fetched it) or "the report does not say".
import { el, errorBox, fetchJSON, fill, highlighted, localLink, passageMeta, setQuery, t } from "./common.js";

const form = document.getElementById("ask-form");
const input = document.getElementById("q");
const status = document.getElementById("status");
const card = document.getElementById("answer");

function answerItems(answers) {
  return el("ul", { class: "answer-items" }, answers.map((a) => el("li", {},
    a.iri ? el("a", { href: localLink(a.iri), class: "entity" }, a.label) : el("span", {}, a.label))));
}

function confidence(value) {
  const percent = Math.round(value * 100);
  return el("p", { class: "confidence" }, `${t("ask.confidence")}: `,
    el("meter", { min: 0, max: 1, low: 0.5, high: 0.8, optimum: 1, value, "aria-hidden": "true" }),
    ` ${percent}%`);
}

function evidenceList(evidence, needles) {
  return el("ol", { class: "evidence" }, evidence.map((e) => el("li", {},
    el("blockquote", { lang: "zh" }, highlighted(e.text, needles)),
    passageMeta(e.passage, e.section, e.page))));
}

function render(answer) {
  if (answer.status === "answered") {
    const needles = answer.answers.flatMap((a) => [a.label, typeof a.value === "string" ? a.value : null]);
    fill(card,
      el("h2", { id: "answer-heading" }, t("ask.answer")),
      answerItems(answer.answers),
      el("p", { class: "answer-text" }, answer.answer_text),
      confidence(answer.confidence),
      answer.sparql ? el("p", {}, el("a", { class: "show-sparql", href: `/query?q=${encodeURIComponent(answer.sparql)}` },
        t("ask.show_sparql"))) : null,
      el("h3", {}, t("ask.evidence")),
      evidenceList(answer.evidence, needles));
    card.classList.remove("no-answer");
  } else {
    fill(card,
      el("h2", { id: "answer-heading" }, t("ask.answer")),
      el("p", { class: "no-answer-text" }, t("ask.no_answer")),
      el("h3", {}, t("ask.closest")),
      evidenceList(answer.evidence, []));
    card.classList.add("no-answer");
  }
  card.hidden = false;
}

async function ask(question, { push = true } = {}) {
  question = question.trim();
  if (!question) return;
  input.value = question;
  setQuery({ q: question }, { push });
  status.textContent = t("ask.asking");
  card.setAttribute("aria-busy", "true");
  try {
    render(await fetchJSON(`/api/ask?q=${encodeURIComponent(question)}`));
    status.textContent = "";
  } catch (error) {
    fill(status, errorBox(error));
    card.hidden = true;
  } finally {
    card.removeAttribute("aria-busy");
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask(input.value);
});
for (const link of document.querySelectorAll("a.example")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    ask(link.dataset.question);
  });
}
window.addEventListener("popstate", () => {
  const question = new URL(window.location.href).searchParams.get("q");
  if (question) ask(question, { push: false });
});
if (input.value.trim()) ask(input.value, { push: false });
