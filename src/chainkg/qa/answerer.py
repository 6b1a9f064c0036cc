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
from dataclasses import replace

from chainkg.ingest.factrows import FactRow
from chainkg.model import Hit
from chainkg.qa.agreement import agreement
from chainkg.qa.amounts import compare_amounts, ratio_of
from chainkg.qa.analysis import (
    Question,
    analyse,
    quoted_phrases,
    referent_class,
    split_question,
    without_section,
)
from chainkg.qa.answer import Answer, AnswerItem, EvidenceItem
from chainkg.qa.constraints import Constraints
from chainkg.qa.dated import dated_members
from chainkg.qa.events import compare_events
from chainkg.qa.facts import FactTable
from chainkg.qa.facttext import FactTexts, stretches
from chainkg.qa.linker import EntityLinker, Link
from chainkg.qa.parts import ReportParts
from chainkg.qa.properties import PredicateInfo, named_properties
from chainkg.qa.scoring import ASKED_PROPERTY, DATE_TYPES, Scored, grams, question_grams, type_bonus
from chainkg.qa.sides import anchor_focus, answer_sides
from chainkg.qa.span import squeeze
from chainkg.qa.units import asked_unit, fits, shown_figure
from chainkg.qa.unknown import UnknownNames, echoes
from chainkg.search.documents import EntityDoc, PassageDoc
from chainkg.search.index import SearchIndex
from chainkg.store.base import GraphStore
from chainkg.text import normalise
from chainkg.vocab import PASSAGE_BASE

_PASSAGES_CONSIDERED = 8
_NEAREST_ENTITIES = 3
#: how much a fact whose value the question quotes favours its subject as the answer
_QUOTED = 0.3
#: how much an answer named by the noun the question asks for ("哪个学派" → 量子学派) is favoured
_ASKED_NOUN = 0.15
#: how much a figure in another unit than the question asks for is disfavoured ("多少台" — "2693个")
_UNIT_CLASH = 0.2


#: a stretch of the question repeated word for word in a fact counts for this much per character
#: beyond two, up to _VERBATIM_CAP ("…增速自2018年5月开始放缓" for "增速是从什么时候开始放缓的")
_VERBATIM, _VERBATIM_CAP = 0.05, 0.3


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
        self.texts = FactTexts(facts, self.passages)
        self.linker = EntityLinker(index.entities, skip_types=frozenset({"Passage"}))
        # bigram sets are pure functions of the build: computed once, on first use
        self._text_cache: dict[int, set[str]] = {}
        self._entity_cache: dict[str, set[str]] = {}
        self._name_cache: dict[str, set[str]] = {}
        self._shown_cache: dict[int, set[str]] = {}
        self._label_cache: dict[str, set[str]] = {}
        self.parts = ReportParts(index.passages)
        texts = [p.text.lower() for p in index.passages]
        self.unknown_names = UnknownNames(normalise(" ".join(texts)).replace(" ", ""), self.linker.iris,
                                          normalise(" ".join(n for e in index.entities for n in e.names)).lower())
        #: names found in more than a fifth of the passages say nothing about which fact is meant,
        #: nor does any other name of the entities they name ("blockchain" is 区块链)
        generic_names = {lk_name for lk_name in self.linker.names()
                         if sum(lk_name in t for t in texts) > len(texts) // 5}
        self.generic_iris = {iri for n in generic_names for iri in self.linker.iris(n)}
        self.constraints = Constraints(facts, texts)
        self._pred_names = sorted(predicates)
        self._pred_vectors = index.encoder.encode_passages(
            [f"{predicates[n].label_zh} / {predicates[n].label_en}" for n in self._pred_names])

    # ------------------------------------------------------------------ candidates
    def _fact_grams(self, i: int) -> set[str]:
        cached = self._text_cache.get(i)
        if cached is None:
            row = self.facts.rows[i]
            pred = self.predicates.get(row.predicate)
            parts = [row.quote, row.note or "", pred.label_zh if pred else row.predicate, pred.label_en if pred else "",
                     self.name(row.subject), self.name(row.obj) if row.obj else (row.value or ""),
                     self.name(row.subject, "en"), self.name(row.obj, "en"),
                     *(self.passages[PASSAGE_BASE + p].section.split(" / ")[0]
                       for p in row.passages[:1]
                       if PASSAGE_BASE + p in self.passages)]
            cached = grams(" ".join(parts))
            self._text_cache[i] = cached
        return cached

    def has_figure(self, iri: str | None) -> bool:
        """Whether a statistic has a numeric value."""
        value = self.facts.sibling_value(iri or "", "value")
        return value is not None and any(c.isdigit() for c in value)

    def name(self, iri: str | None, lang: str = "zh") -> str:
        if iri is None:
            return ""
        e = self.entities.get(iri)
        if e is None:
            return iri.rsplit("/", 1)[-1]
        return (e.label_en or e.label) if lang == "en" else e.label

    def entity_item(self, iri: str, lang: str) -> AnswerItem:
        """An entity as an answer item: its name in the question's language, the other as value."""
        return AnswerItem(self.name(iri, lang), self.name(iri, "en" if lang == "zh" else "zh"), iri)

    def specific(self, links: list[Link]) -> list[Link]:
        """The links whose names are specific enough to anchor an answer."""
        return [lk for lk in links if not all(iri in self.generic_iris for iri in lk.iris)]

    def _candidates(self, links: list[Link], top_passages: dict[str, float],
                    context: tuple[str, ...] = ()) -> tuple[dict[int, float], set[str]]:
        """Fact index → link strength (1 direct, 0.5 one hop away, 0.25 two hops from the
        entity an earlier part of the question resolved to, 0 found by passage), and the
        entities one hop from the question's (the bridges of multi-hop questions)."""
        linked = {iri for lk in self.specific(links) for iri in lk.iris}
        cands: dict[int, float] = {}
        reached: set[str] = set()
        for iri in context:
            for i in self.facts.about(iri)[:200]:
                row = self.facts.rows[i]
                for other in (row.subject, row.obj):
                    if other and other != iri:
                        for j in self.facts.about(other)[:60]:
                            for third in (self.facts.rows[j].subject, self.facts.rows[j].obj):
                                if third and third not in (iri, other):
                                    for k in self.facts.about(third)[:40]:
                                        cands.setdefault(k, 0.25)
        for iri in linked:
            for i in self.facts.about(iri):
                cands[i] = 1.0
        for iri in linked:
            for i in self.facts.about(iri)[:200]:
                row = self.facts.rows[i]
                other = row.obj if row.subject == iri else row.subject
                if other is None or other in linked:
                    continue
                reached.add(other)
                for j in self.facts.about(other)[:80]:
                    cands.setdefault(j, 0.5)
        wanted = {iri.rsplit("/", 1)[-1] for iri in top_passages}
        for i, row in enumerate(self.facts.rows):
            if wanted.intersection(row.passages):
                cands.setdefault(i, 0.0)
        return cands, reached

    def entity_grams(self, iri: str) -> set[str]:
        """Everything the graph says about an entity, as bigrams (its own names included)."""
        cached = self._entity_cache.get(iri)
        if cached is None:
            cached = set(self.name_grams(iri))
            for i in self.facts.about(iri)[:150]:
                cached |= self._fact_grams(i)
            self._entity_cache[iri] = cached
        return cached

    def name_grams(self, iri: str) -> set[str]:
        """Bigrams of an entity's names."""
        cached = self._name_cache.get(iri)
        if cached is None:
            e = self.entities.get(iri)
            cached = self._name_cache[iri] = grams(" ".join(e.names)) if e else set()
        return cached

    def _score(self, question: Question, links: list[Link], cands: dict[int, float],
               top_passages: dict[str, float], mentioned: frozenset[str] = frozenset(),
               reached: frozenset[str] = frozenset(), used: frozenset[int] = frozenset()) -> list[Scored]:
        excluded = {iri for lk in links if question.excluded and lk.name in question.excluded.lower()
                    for iri in lk.iris}
        linked = {iri for lk in self.specific(links) for iri in lk.iris} - excluded
        # in a later part ("…？在哪个城市？") the noun asked for only says what kind the answer is
        in_context = any(lk.name == "" for lk in links)
        qg = question_grams(question, [lk.name for lk in links] + ([question.asked_noun] if in_context else []))
        named_properties = self.named_properties(question)
        pred_sim = self._predicate_similarity(question)
        # (a property the question names and asks for is as close in meaning as any)
        pred_sim.update({n: 1.0 for n, w in named_properties.items() if w == ASKED_PROPERTY})
        # an answer tied to several of the question's entities is the intersection they ask for
        ties: dict[str, set[str]] = defaultdict(set)
        for i in cands:
            row = self.facts.rows[i]
            if row.obj in linked:
                ties[row.subject].add(row.obj)
            if row.subject in linked and row.obj:
                ties[row.obj].add(row.subject)
        keep_linked_answers = question.wants_any("compare", "yesno")
        wants_figure = question.wants_any("number")
        unit_asked = asked_unit(question.text)
        q_said = without_section(question.text).lower()  # ("附录5" states no figure 5)
        q_all = grams(q_said)
        q_text = question.text.lower()
        q_core = q_text
        for lk in links:
            if lk.name:
                q_core = q_core.replace(lk.name.lower(), "|")
        pieces = stretches(q_core)
        quoted = quoted_phrases(question.text)
        generic = {iri for lk in links if lk.name for iri in lk.iris} - linked - excluded
        sides = answer_sides(self, cands, linked, linked | reached, generic, q_all, q_said)
        anchors = {(self.facts.rows[i].obj if side else self.facts.rows[i].subject) or "" for i, side in sides.items()}
        focus = anchor_focus(self, qg, anchors - {""}, linked, ties)
        involved = anchors | {self.facts.rows[i].subject for i in cands}
        clash = self.constraints.clash(question.text, question.dates, involved)
        fitting = self.constraints.matches(question.text, involved)
        scored: list[Scored] = []
        for i, link in cands.items():
            row = self.facts.rows[i]
            answer_is_subject = sides[i]
            lex = len(qg & self._fact_grams(i)) / max(1, len(qg))
            prel = max((top_passages.get(PASSAGE_BASE + p, 0.0) for p in row.passages), default=0.0)
            both = 0.15 if row.subject in linked and row.obj in linked else 0.0
            answer = row.subject if answer_is_subject else row.obj
            anchor = (row.obj or row.value) if answer_is_subject else row.subject
            echo = -0.2 if (answer in linked or answer in mentioned) and not keep_linked_answers else 0.0
            echo -= 0.3 if excluded & {row.subject, row.obj} else 0.0
            echo -= 0.3 if i in used else 0.0
            # a value the question already states is not what it asks for
            shown = self._label_grams(answer) if answer else self.shown(i)
            # (a statistic's name restates what is asked; its figure is the answer, not its name)
            figure = wants_figure and "Statistic" in self.types(answer) and self.has_figure(answer)
            if shown and len(shown & q_all) >= 0.8 * len(shown) and not keep_linked_answers and not figure:
                echo -= 0.2
            # "那55家企业里，融过资的有几家": the figure the question states is not the one it asks for
            stated = (self.facts.sibling_value(answer or "", "value") if figure
                      else (row.value if row.is_numeric else None))
            if stated and wants_figure and stated.split(".")[0] in question.numbers:
                echo -= 0.3
            if unit_asked and wants_figure and fits(unit_asked, shown_figure(self, row, answer)) is False:
                echo -= _UNIT_CLASH
            if wants_figure and not answer_is_subject and self.texts.figures_in_quote(i) == 1:
                echo += 0.05  # a quote that states one figure is about that figure only
            tie = 0.1 * max(len(ties.get(answer or "", ())) - 1, len(ties.get(anchor or "", ())) - 1, 0)
            # an entity dated otherwise than the question says is not the one it asks about
            echo -= 0.3 if (anchor in clash or answer in clash) else 0.0
            echo += 0.2 if (anchor in fitting or answer in fitting) else 0.0  # the round the question names
            if question.asked_noun and answer and question.asked_noun in self.name(answer):
                echo += _ASKED_NOUN  # "哪个学派" answered by 量子学派
            if quoted and answer_is_subject and self._quoted_side(row, quoted):
                echo += _QUOTED  # "被注明为“国内首个自律规范”的是哪份文件": what the quoted words describe
            w_lex, w_pred = (0.35, 0.15) if question.lang == "zh" else (0.1, 0.4)
            relevance = lex + 0.3 * pred_sim.get(row.predicate, 0.0)
            inside = False
            if question.section:
                # the question points at a part of the report: its facts first
                inside = self.inside(row, question.section)
                echo += 0.25 if inside else -0.15
            if not question.section or inside:  # (words of another part of the report say nothing)
                echo += min(_VERBATIM_CAP, _VERBATIM * (self.texts.verbatim_run(pieces, i) - 2))
            named = named_properties.get(row.predicate, 0.0)
            stands_for = self.stands_for(answer, question.wanted_type)
            # "the stance whose country is X" answers "which country" with X itself: no information
            echo -= 0.3 if stands_for is not None and stands_for == anchor and answer != anchor else 0.0
            # (or what a table's column headed with the noun asked for holds: "哪个部门" — 部门)
            headed = self.headed(row, question.asked_noun)
            answer_types = self.types(answer) | ({question.wanted_type} if stands_for or headed else set())
            if "Statistic" in answer_types and not self.has_figure(answer):
                answer_types -= {"Statistic"}  # a statistic stated in words only ("增加了三倍") is no figure
            score = (w_lex * lex + 0.15 * prel + 0.2 * link + w_pred * pred_sim.get(row.predicate, 0.0)
                     + 0.35 * focus.get(anchor or "", 0.0) + both + echo + tie + named
                     + type_bonus(question, row, answer_is_subject, frozenset(answer_types)))
            scored.append(Scored(i, answer_is_subject, score, link, relevance))
        return sorted(scored, key=lambda s: (-s.score, s.index))

    def inside(self, row: FactRow, section: str) -> bool:
        """Whether a passage of the fact is in the part of the report ``section`` names."""
        return any(self.in_part(PASSAGE_BASE + p, section) for p in row.passages)

    def headed(self, row: FactRow, noun: str) -> bool:
        """Whether the fact's table heads a column with ``noun`` (see ``ReportParts.column``)."""
        return bool(noun) and any(self.parts.column(PASSAGE_BASE + p, noun) for p in row.passages[:1])

    def in_part(self, passage: str, section: str) -> bool:
        """Whether the passage (IRI) is in the part of the report ``section`` names."""
        return self.parts.contains(passage, section)

    def named_properties(self, question: Question) -> dict[str, float]:
        """Properties whose label the question spells out (see ``properties.named_properties``)."""
        return named_properties(self.predicates, question)

    def stands_for(self, iri: str | None, wanted: str) -> str | None:
        """The entity an answer counts as for a question asking for class ``wanted``: itself,
        or its one neighbour of that class (a country's regulatory stance counts as the country)."""
        if not wanted or iri is None or wanted in self.types(iri):
            return iri
        neighbours = {self.facts.rows[i].obj for i in self.facts.by_subject.get(iri, [])
                      if wanted in self.types(self.facts.rows[i].obj)}
        return neighbours.pop() if len(neighbours) == 1 else None

    def _quoted_side(self, row: FactRow, quoted: frozenset[str]) -> bool:
        """The fact's value (or object's name) is a phrase the question quotes."""
        shown = self.name(row.obj) if row.obj else self.display(row)
        return squeeze(shown).lower() in quoted

    def _label_grams(self, iri: str) -> set[str]:
        cached = self._label_cache.get(iri)
        if cached is None:
            cached = self._label_cache[iri] = grams(self.name(iri))
        return cached

    def shown(self, i: int) -> set[str]:
        """Bigrams of fact ``i``'s literal as people read it."""
        cached = self._shown_cache.get(i)
        if cached is None:
            cached = self._shown_cache[i] = grams(self.display(self.facts.rows[i]))
        return cached

    def types(self, iri: str | None) -> frozenset[str]:
        """The entity's classes (inferred ones included)."""
        e = self.entities.get(iri or "")
        if e is None:
            return frozenset()
        # who is asked for: a person or an organisation ("谁投的")
        return frozenset(e.types) | ({"Agent"} if {"Person", "Organization"} & set(e.types) else set())

    def display(self, row: FactRow) -> str:
        """A literal as people read it (dates in Chinese), for comparing with the question."""
        from chainkg.qa.render import render_date

        value = row.value or ""
        return render_date(value, "zh") if row.datatype in DATE_TYPES else value

    def _predicate_similarity(self, question: Question) -> dict[str, float]:
        """Each property's closeness in meaning to the question, scaled to 0–1 over all properties."""
        sims = self._pred_vectors @ self.index.query_vector(question.text)
        low, high = float(sims.min()), float(sims.max())
        span = max(high - low, 1e-6)
        return {n: (float(v) - low) / span for n, v in zip(self._pred_names, sims, strict=True)}

    # ------------------------------------------------------------------ public
    def ask(self, raw: str) -> Answer:
        """Answer a question; a question in parts ("…的那家公司，它的…？…？") is answered part by
        part, each part about the entity the previous one resolved to. An answer names each
        item once (a university and its course may both be labelled by the university's name)."""
        answer = self._ask(raw)
        first = {i.label: i for i in reversed(answer.answers)}  # (the first item of each label)
        items = [i for i in answer.answers if first[i.label] is i]
        return answer if len(items) == len(answer.answers) else replace(answer, answers=items)

    def _ask(self, raw: str) -> Answer:
        from chainkg.qa.compose import merge

        question = analyse(raw)
        if self.names_unknown_to_report(question):
            return self._unknown(question)
        # "A 事件和 B 事件，哪件事更早", "A 融资和 B 融资，哪笔更大": each side asked apart
        apart = compare_events(self, question) or compare_amounts(self, question) or ratio_of(self, question)
        if apart is not None:
            return apart
        parts = split_question(question.text)
        dated = dated_members(self, question) if len(parts) == 1 else None
        if dated is not None:  # "第六章里哪些公司是2016年成立的"
            return dated
        if len(parts) <= 1 and not (parts and parts[0][1]):
            return self._ask_one(question)
        context: tuple[str, ...] = ()
        answers: list[Answer] = []
        mentioned = frozenset(iri for lk in self.linker.link(question.text) for iri in lk.iris)
        described: Answer | None = None
        used: frozenset[int] = frozenset()
        earlier: tuple[str, ...] = ()  # what the previous part found and what it was about
        prior = ""
        for text, describes in parts:
            agreed = agreement(self, answers[-1], prior, text, question.lang) if answers else None
            if agreed is not None:  # "…有几个？两处说法一致吗？"
                answers.append(agreed)
                continue
            sub = analyse(text)
            if describes:
                sub = replace(sub, wants=frozenset({"entity"}))
            # "…的是哪家机构？这个平台…": the platform the previous part asked about, not its answer
            named = referent_class(sub.text)
            of_class = [iri for iri in earlier if named and named in self.types(iri)]
            context = tuple(of_class) or context
            answer = self._ask_one(sub, context, mentioned=mentioned, entity_only=describes, used=used,
                                   prior=prior)
            if answer.status != "answered":
                return self._ask_one(question)
            used |= set(answer.used) | self._same_figure(answer.used)
            # the next part is about the entity found, or else about the one this part asked
            # about, or else about the entity whose fact answered it (the round whose date it was)
            entities = tuple(i.iri for i in answer.answers if i.iri)
            subjects = tuple(iri for lk in self.specific(self.linker.link(sub.text)) for iri in lk.iris)
            stated = tuple(dict.fromkeys(self.facts.rows[i].subject for i in answer.used))
            context = entities or subjects or stated or context
            earlier = (*entities, *subjects)
            prior = sub.text  # "…多少家企业？另外发问卷的又有几家": found where the last part was
            if describes:
                described = answer
            else:
                answers.append(answer)
        if not answers:
            return merge(question, [described]) if described else self._ask_one(question)
        # the entity a description resolved to is part of the answer ("那个联盟叫什么？它…"), last
        return merge(question, [*answers, described] if described else answers)

    def _same_figure(self, used: tuple[int, ...]) -> set[int]:
        """The facts that state the same figure as those used (a statistic's value and its
        stated form): a later part that asks "又有几家" asks for another figure."""
        figure = ("value", "statedValue")
        return {i for u in used if self.facts.rows[u].predicate in figure
                for i in self.facts.by_subject.get(self.facts.rows[u].subject, [])
                if self.facts.rows[i].predicate in figure}

    def names_unknown_to_report(self, question: Question) -> list[str]:
        """Names in the question that the report never mentions: it cannot say."""
        return self.unknown_names.find(self.index.segmenter.proper_nouns(question.text), question.lang, question.raw)

    def _unknown(self, question: Question, evidence: list[EvidenceItem] | None = None) -> Answer:
        """No answer, with ``evidence`` (else the passages closest to the question) to read."""
        if evidence is None:
            evidence = self.evidence_for([], self.index.search(question.text, kind="passage", limit=5))
        text = "报告中没有找到可以回答这个问题的内容。" if question.lang == "zh" else "The report does not say."
        return Answer(question.raw, "no_answer", [], text, None, evidence, 0.0)

    def _ask_one(self, question: Question, context: tuple[str, ...] = (), *,
                 mentioned: frozenset[str] = frozenset(), entity_only: bool = False,
                 used: frozenset[int] = frozenset(), prior: str = "") -> Answer:
        """One question (or part): ``context`` is what earlier parts resolved to, ``mentioned``
        what the whole question names (not an answer), ``entity_only`` for a description,
        ``used`` the facts earlier parts answered with (a later part asks something new),
        ``prior`` the previous part's words (which help find the passages this part is about)."""
        from chainkg.qa.compose import compose

        links = self.linker.link(question.text)
        if context:
            links.append(Link("", -1, -1, context))
        nearest = self._nearest_entities(question)
        query = " ".join([prior, question.text, *(self.name(iri) for iri in nearest)]).strip()
        hits = self.index.search(query, kind="passage", limit=_PASSAGES_CONSIDERED)
        top_passages = {h.iri: 1.0 - k / _PASSAGES_CONSIDERED for k, h in enumerate(hits)}
        cands, reached = self._candidates(links, top_passages, context)
        for iri in nearest:  # found by meaning, not by name: weaker than a link
            for i in self.facts.about(iri):
                cands.setdefault(i, 0.25)
        names = {lk.name.replace(" ", "") for lk in links}
        if self.specific(links) and self.constraints.unsupported(question.text, cands, names):
            return self._unknown(question)
        scored = self._score(question, links, cands, top_passages, mentioned, frozenset(reached), used)
        if entity_only:
            entities = [s for s in scored if self.answer_iri(s)]
            typed = [s for s in entities if question.wanted_type in self.types(self.answer_iri(s))]
            scored = typed or entities
        answer = compose(self, question, links, scored, hits)
        if answer.status == "answered" and echoes(question, answer.answers, links):
            return self._unknown(question, answer.evidence)  # (the passages it found stay as evidence)
        return answer

    def _nearest_entities(self, question: Question) -> list[str]:
        """For an English question, the entities closest in meaning (the model reads English
        against English names and descriptions): their Chinese names then find the passages
        an English query alone misses. None for Chinese questions, whose names link directly."""
        if question.lang == "zh":
            return []
        return [h.iri for h in self.index.search(question.text, kind="entity", limit=_NEAREST_ENTITIES)]

    def answer_iri(self, s: Scored) -> str | None:
        row = self.facts.rows[s.index]
        return row.subject if s.answer_is_subject else row.obj

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
