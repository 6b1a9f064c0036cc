"""Reading an answer off the report's sentences when the question leaves a gap one of them fills.

The graph answers first. A stretch that fills the question's gap in the sentence that best
matches the question (see ``span``) either confirms a fact among the candidates, which then
answers, or, when no candidate says it and the best fact does not come from that sentence,
answers itself, with the sentence's passage as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from chainkg.ingest.factrows import FactRow
from chainkg.model import Hit
from chainkg.qa.analysis import Question
from chainkg.qa.answer import Answer, AnswerItem
from chainkg.qa.listed import listed_before
from chainkg.qa.scoring import Scored, grams, question_grams
from chainkg.qa.span import Gap, bracketed, enclosed, fill, fill_before, gap, items, squeeze

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: how much of the question's content a sentence must repeat for its stretch to count
MIN_COVERAGE = 0.5
#: … and when no fact of the graph would answer
MIN_COVERAGE_ALONE = 0.7
#: … and when the question's words line up on both sides of the stretch
MIN_COVERAGE_BRACKETED = 0.3
#: the longest stretch taken (a list of three clauses)
_LONGEST = 60
#: the candidates looked at for one that states the stretch, and how close to the best it must score
_CONFIRMING, _CONFIRMING_RATIO = 30, 0.6
#: how far ahead of the best candidate a fact stating the stretch is put
_LIFT = 1.1
#: a fact this many times longer than a list's stretch states the sentence, not an item
_WHOLE = 2
#: how much of its sentence a fact's value states to be the sentence itself, no answer read off it
_SENTENCE_SHARE = 0.8
#: how many of the question's words after its question word a sentence must repeat when what
#: fills the gap comes before them and no kind of entity is asked for
_RUN_AFTER = 5
_SENTENCE = re.compile(r"(?<=[。；！？])")
_NOT_ASKED = ("number", "date", "count", "yesno", "compare", "diff", "sum", "most", "rank")


def _sentences(a: Answerer, q: Question, hits: list[Hit], section: str = "") -> Iterator[tuple[float, str, str]]:
    """Each sentence of the passages found (of ``section`` only, when given), with how much of
    the question's content it repeats and its passage."""
    qg = question_grams(q, [])
    for h in hits:
        doc = a.passages.get(h.iri)
        if doc is None or (section and not a.in_part(h.iri, section)):
            continue
        for sentence in _SENTENCE.split(doc.text):
            yield len(qg & grams(sentence)) / max(1, len(qg)), sentence, h.iri


def _best_stretch(a: Answerer, q: Question, g: Gap, hits: list[Hit], least: float
                  ) -> tuple[float, str, str, str, bool] | None:
    """How much of the question the sentence repeats, the stretch, its sentence and passage, from
    the sentence most like the question (at least ``least`` of the question's content in it; in
    the part of the report the question names), and whether the question's words line up on both
    sides of it."""
    best: tuple[float, str, str, str, bool] | None = None
    for cover, sentence, passage in _sentences(a, q, hits, q.section):
        if best is not None and cover <= best[0]:
            continue
        if cover < least:
            # (the question's words on both sides of the gap: a weaker match is enough)
            stretch = _kind_named(a, g, bracketed(g, sentence)) if cover >= MIN_COVERAGE_BRACKETED else ""
            if 2 <= len(stretch) <= _LONGEST:
                best = (cover, stretch, sentence, passage, True)
            continue
        # (the words of a stretch and the question's words before it are on one line: a
        # heading or a table cell above only adds to how well the sentence matches)
        for line in sentence.split("\n"):
            # (a stretch before the question's words names an entity of the kind asked for, or
            # what a longer run of the question's words is said of)
            both = _kind_named(a, g, bracketed(g, line))
            stretch = both or enclosed(g, line) or fill(g, line) or fill_before(
                g, line, 4 if q.wanted_type else _RUN_AFTER) or (listed_before(g, line) if q.wants_any("list") else "")
            # (the question's own words are no answer: a table's column head "主要业务")
            if 2 <= len(stretch) <= _LONGEST and stretch.lstrip("的") not in g.raw_left + g.right:
                best = (cover, stretch, sentence, passage, bool(both))
                break
    return best


def _kind_named(a: Answerer, g: Gap, stretch: str) -> str:
    """``stretch``, unless the question asks for a kind of thing ("哪些领域的应用…") and the
    stretch is neither one of that kind by its words, nor a list of them, nor a name."""
    if not stretch or not g.noun or not g.right.startswith("的") or g.noun in stretch or "、" in stretch:
        return stretch
    return stretch if a.linker.iris(stretch.lower()) else ""


def closest_sentence(a: Answerer, q: Question, hits: list[Hit], least: float = MIN_COVERAGE_ALONE) -> str:
    """The first sentence of the passages found that repeats most of the question's content (at
    least ``least`` of it), or ""."""
    best, found = least, ""
    for cover, sentence, _ in _sentences(a, q, hits):
        if cover >= least and (not found or cover > best):
            best, found = cover, sentence
    return found


#: how much of the question a sentence stating its event must repeat for its lack of a date to
#: count, and how much less of it the sentence of the date found may repeat
MIN_COVERAGE_UNDATED, _UNDATED_RATIO = 0.6, 0.6
#: words that date a sentence: a year, a day, a month, a quarter… (not a version's figures: "1.0 版本")
_DATED = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?!\d)|\d{1,2}\s*[日号]|[一二三四五六七八九十〇零]+年|年代|[上中下]旬|"
                    r"月|季度|今年|去年|明年|同年|当年|次年")


def undated(a: Answerer, q: Question, dated: list[FactRow], hits: list[Hit], names: list[str]) -> bool:
    """Whether the sentence that states what a date question asks about (most of its words) says no
    date, and the date found comes from a sentence about something else: the report is silent on it
    ("混币是由 X 提出的" — "X 是在哪一年提出的").

    >>> bool(_DATED.search("混币最初是由GregoryMaxwell提出的BTC隐私协议。")), bool(_DATED.search("已发布平台 1.0 版本"))
    (False, False)
    >>> bool(_DATED.search("2016 年加入超级账本")), bool(_DATED.search("于 7 月发布"))
    (True, True)
    """
    if not dated or q.lang != "zh" or not q.wants_any("date") or q.wants_any(*(k for k in _NOT_ASKED if k != "date")):
        return False
    row = dated[0]
    best = max(_sentences(a, q, hits), default=None)
    if best is None or best[0] < MIN_COVERAGE_UNDATED or _DATED.search(squeeze(best[1])):
        return False
    cover, found, _ = best
    own = a.texts.sentence(row)
    flat = squeeze(own)
    if any(name and name in flat.lower() for name in names):
        return False  # (a date of what the question names, stated elsewhere: a table of the appendix)
    qg = question_grams(q, [])
    return flat not in squeeze(found) and len(qg & grams(own)) / max(1, len(qg)) < _UNDATED_RATIO * cover


def _shown(a: Answerer, s: Scored) -> str:
    """A candidate's answer as the report writes it: the entity's name or the worded value."""
    iri = a.answer_iri(s)
    return squeeze(a.name(iri) if iri else a.display(a.facts.rows[s.index]))


def _answers(a: Answerer, scored: list[Scored]) -> dict[str, Scored]:
    """The best fact for each distinct answer (an entity or a worded value)."""
    out: dict[str, Scored] = {}
    for s in scored:
        out.setdefault(a.answer_iri(s) or a.display(a.facts.rows[s.index]), s)
    return out


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading the sentences adds: the candidates reordered, those stating the stretch
    first; or an answer made of the stretch; or the facts that state exactly its items."""

    scored: list[Scored]
    answer: Answer | None = None
    exact: list[Scored] = field(default_factory=list)


def read_off(a: Answerer, q: Question, scored: list[Scored], hits: list[Hit], *, alone: bool = False) -> Reading:
    """Line the question up with the sentences of the passages found (see the module docstring).
    ``alone``: no candidate fact is good enough to answer, so the sentence must match more."""
    # ("哪几座城市…最多": a list a sentence states is read off like any other)
    not_asked = [k for k in _NOT_ASKED if k != "most" or not q.wants_any("list")]
    if q.lang != "zh" or not q.wants_any("entity", "list", "text") or q.wants_any(*not_asked):
        return Reading(scored)
    g = gap(q.text)
    found = _best_stretch(a, q, g, hits, MIN_COVERAGE_ALONE if alone else MIN_COVERAGE) if g is not None else None
    if g is None or found is None:
        return Reading(scored)
    cover, stretch, sentence, passage, both_sides = found
    parts = items(stretch, q.wants_any("list") or "、" in stretch)
    top = scored[0].score if scored else 0.0

    def says(s: Scored) -> bool:
        if a.facts.rows[s.index].predicate == "description":
            return False  # a whole sentence says everything in it
        shown = _shown(a, s)
        # (a fact that states the whole sentence is no item of the list in it)
        # (nor is one that repeats the question's words before the stretch as well)
        whole = len(shown) >= _WHOLE * len(stretch) and (len(parts) >= 2 or g.raw_left[-3:] in shown)
        # (nor does a name that only modifies the stretch's head: 比特币 of "比特币的POW算法")
        modifier = f"{shown}的" in stretch
        return len(shown) >= 2 and not modifier and (
            shown in stretch or (not whole and any(len(p) >= 2 and p in shown for p in parts)))

    confirming = [s for s in scored[:_CONFIRMING] if s.score >= _CONFIRMING_RATIO * top and says(s)]
    confirmed = _answers(a, confirming)
    if len(parts) >= 2 and len(confirmed) >= len(parts):
        # the items the sentence lists, each a fact of the graph: exactly those answer
        return Reading(scored, None, list(confirmed.values()))
    if confirming and len(parts) < 2:
        # the facts that state what the sentence says go first, ahead of the best by a margin
        lifted = [replace(s, score=_LIFT * top) for s in confirming]
        return Reading([*lifted, *(s for s in scored if s not in confirming)])
    flat = squeeze(sentence)
    # (a list the graph knows only part of is read; so is what the question's words enclose)
    if scored and not (len(parts) >= 2 and confirming) and not both_sides:
        shown = _shown(a, scored[0])
        # (unless it states the stretch and much more: the sentence itself, "…成为重塑世界格局的主导力量")
        whole = not g.right and squeeze(stretch) in shown and len(shown) >= _SENTENCE_SHARE * len(flat)
        if shown and shown in flat and not whole:
            return Reading(scored)  # the best fact comes from that sentence: it knows better
    answer_items = []
    for part in parts:
        # "哪个学派" read off as 量子 names 量子学派
        named = [iri for whole in (part + g.noun, part) for lk in a.linker.link(whole)
                 if lk.name and squeeze(lk.name) == whole for iri in lk.iris]
        if not named and q.wanted_type:  # "澳大利亚监管沙箱…" names 澳大利亚
            named = [iri for lk in a.linker.link(part) for iri in lk.iris if q.wanted_type in a.types(iri)][:1]
        iri = named[0] if named else None
        # "谁写的" asks for a person or an organisation, not for a phrase; a list the sentence
        # states in the question's own words names its items as it pleases ("成立了产业联盟和研究院")
        if q.wanted_type and q.wanted_type not in a.types(iri) and (
                len(parts) < 2 or cover < MIN_COVERAGE_ALONE):
            return Reading(scored)
        item = a.entity_item(iri, q.lang) if iri else AnswerItem(part, part, None)
        if iri and q.lang == "zh" and squeeze(item.label) != part:
            item = AnswerItem(part, item.label, iri)  # (the report's word for it, "行业培训", first)
        answer_items.append(item)
    text = f"报告原文：{'、'.join(i.label for i in answer_items)}。"
    evidence = a.evidence_for([], [Hit("passage", passage, "", "", 1.0), *hits])
    return Reading(scored, Answer(q.raw, "answered", answer_items, text, None, evidence, round(min(1.0, top), 3)))
