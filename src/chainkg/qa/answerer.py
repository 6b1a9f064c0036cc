"""Question → linked entities → candidate facts → a generated SPARQL query → Answer with evidence.

The answerer is general: it knows the ontology's kinds of values (dates, numbers, entities,
booleans), not particular questions. Candidate facts are those about the entities the question
names, their neighbours (for multi-hop questions) and the facts stated in the passages that
hybrid search ranks highest; each is scored by how much of the question its quote, property
and value cover, by the relevance of its passage, by its links to the question's entities and
by the kind of answer the question wants.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from chainkg.ingest.factrows import FactRow
from chainkg.model import Hit
from chainkg.qa.analysis import Question, analyse
from chainkg.qa.answer import Answer, EvidenceItem
from chainkg.qa.facts import FactTable
from chainkg.qa.linker import EntityLinker, Link
from chainkg.qa.scoring import Scored, grams, question_grams, type_bonus
from chainkg.search.documents import EntityDoc, PassageDoc
from chainkg.search.index import SearchIndex
from chainkg.store.base import GraphStore
from chainkg.vocab import ID_BASE

_PASSAGES_CONSIDERED = 8
PASSAGE_BASE = ID_BASE + "passage/"


@dataclass(frozen=True, slots=True)
class PredicateInfo:
    label_zh: str
    label_en: str


class Answerer:
    """Answers questions from the fact table, the search index and the store."""

    def __init__(self, facts: FactTable, index: SearchIndex, predicates: dict[str, PredicateInfo],
                 store: GraphStore) -> None:
        self.facts = facts
        self.store = store
        self.index = index
        self.predicates = predicates
        self.entities: dict[str, EntityDoc] = {e.iri: e for e in index.entities}
        self.passages: dict[str, PassageDoc] = {p.iri: p for p in index.passages}
        self.linker = EntityLinker(index.entities, skip_types=frozenset({"Passage"}))
        self._text_cache: dict[int, set[str]] = {}

    # ------------------------------------------------------------------ candidates
    def _fact_grams(self, i: int) -> set[str]:
        cached = self._text_cache.get(i)
        if cached is None:
            row = self.facts.rows[i]
            pred = self.predicates.get(row.predicate)
            parts = [row.quote, pred.label_zh if pred else row.predicate, pred.label_en if pred else "",
                     self.name(row.subject), self.name(row.obj) if row.obj else (row.value or ""),
                     *(self.passages[PASSAGE_BASE + p].section.split(" / ")[0]
                       for p in row.passages[:1]
                       if PASSAGE_BASE + p in self.passages)]
            cached = grams(" ".join(parts))
            self._text_cache[i] = cached
        return cached

    def sibling_value(self, subject: str, predicate: str) -> str | None:
        """Another literal the same subject has for ``predicate`` (e.g. the stated form of a value)."""
        for i in self.facts.by_subject.get(subject, []):
            row = self.facts.rows[i]
            if row.predicate == predicate and row.value:
                return row.value
        return None

    def name(self, iri: str | None, lang: str = "zh") -> str:
        if iri is None:
            return ""
        e = self.entities.get(iri)
        if e is None:
            return iri.rsplit("/", 1)[-1]
        return (e.label_en or e.label) if lang == "en" else e.label

    def _candidates(self, links: list[Link], top_passages: dict[str, float]) -> dict[int, float]:
        """Fact index → link strength (1 direct, 0.5 one hop away, 0 found by passage)."""
        linked = {iri for lk in links for iri in lk.iris}
        cands: dict[int, float] = {}
        for iri in linked:
            for i in self.facts.about(iri):
                cands[i] = 1.0
        for iri in linked:
            for i in self.facts.about(iri)[:200]:
                row = self.facts.rows[i]
                other = row.obj if row.subject == iri else row.subject
                if other is None or other in linked:
                    continue
                for j in self.facts.about(other)[:80]:
                    cands.setdefault(j, 0.5)
        wanted = {iri.rsplit("/", 1)[-1] for iri in top_passages}
        for i, row in enumerate(self.facts.rows):
            if wanted.intersection(row.passages):
                cands.setdefault(i, 0.0)
        return cands

    def _score(self, question: Question, links: list[Link], cands: dict[int, float],
               top_passages: dict[str, float]) -> list[Scored]:
        linked = {iri for lk in links for iri in lk.iris}
        qg = question_grams(question, [lk.name for lk in links])
        scored: list[Scored] = []
        for i, link in cands.items():
            row = self.facts.rows[i]
            lex = len(qg & self._fact_grams(i)) / max(1, len(qg))
            prel = max((top_passages.get(PASSAGE_BASE + p, 0.0) for p in row.passages),
                       default=0.0)
            subject_linked, object_linked = row.subject in linked, bool(row.obj and row.obj in linked)
            answer_is_subject = object_linked and not subject_linked
            both = 0.15 if subject_linked and object_linked else 0.0
            score = 0.5 * lex + 0.2 * prel + 0.25 * link + both + type_bonus(question, row, answer_is_subject)
            scored.append(Scored(i, answer_is_subject, score, link))
        return sorted(scored, key=lambda s: (-s.score, s.index))

    # ------------------------------------------------------------------ public
    def ask(self, raw: str) -> Answer:
        from chainkg.qa.compose import compose

        question = analyse(raw)
        links = self.linker.link(question.text)
        hits = self.index.search(question.text, kind="passage", limit=_PASSAGES_CONSIDERED)
        top_passages = {h.iri: 1.0 - k / _PASSAGES_CONSIDERED for k, h in enumerate(hits)}
        scored = self._score(question, links, self._candidates(links, top_passages), top_passages)
        return compose(self, question, links, scored, hits)

    def evidence_for(self, rows: list[FactRow], hits: list[Hit]) -> list[EvidenceItem]:
        """Passages stating the facts used, then the best retrieved passages, at most five."""
        seen: dict[str, float] = {}
        for rank, row in enumerate(rows):
            for pid in row.passages:
                seen.setdefault(PASSAGE_BASE + pid, round(1.0 - rank * 0.01, 3))
        for h in hits:
            seen.setdefault(h.iri, round(h.score, 4))
        items: list[EvidenceItem] = []
        for iri, score in list(seen.items())[:5]:
            doc = self.passages.get(iri)
            if doc is not None:
                items.append(EvidenceItem(iri, doc.text, doc.section, doc.page, score))
        return items

    def group(self, scored: list[Scored], top: Scored) -> list[Scored]:
        """Facts sharing the top fact's anchor entity and property: the items of a list."""
        row = self.facts.rows[top.index]
        anchor = row.obj if top.answer_is_subject else row.subject
        by_key: dict[tuple[str | None, str, bool], list[Scored]] = defaultdict(list)
        for s in scored:
            r = self.facts.rows[s.index]
            key = (r.obj if s.answer_is_subject else r.subject, r.predicate, s.answer_is_subject)
            by_key[key].append(s)
        return by_key[(anchor, row.predicate, top.answer_is_subject)]
