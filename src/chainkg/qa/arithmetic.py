"""Arithmetic over facts: the figures of the question's entities, their difference, which is
larger, and their sum (每秒处理的交易比比特币多几笔, 五个城市的专利数加起来)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from chainkg.qa.analysis import Question
from chainkg.qa.answer import AnswerItem
from chainkg.qa.linker import Link
from chainkg.qa.render import chinese_amount, format_number, number, number_in_text, unit_from_quote
from chainkg.qa.scoring import Scored, is_date

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

_SMALLER = re.compile(r"更(少|低|小|早)|少于|fewer|lower|less|smaller|earlier", re.I)
#: a figure of the question's entities: which entity, the fact, its number
Figure = tuple[Link, Scored, Decimal]


def numeric_for(a: Answerer, link: Link, scored: list[Scored], *, limit: int = 4
                 ) -> list[tuple[Scored, Decimal]]:
    """The best numeric facts about the linked entity or about something tied to it."""
    related = set(link.iris)
    for iri in link.iris:
        for i in a.facts.about(iri):
            r = a.facts.rows[i]
            related.add(r.subject)
            if r.obj:
                related.add(r.obj)
    found: list[tuple[Scored, Decimal]] = []
    for s in scored[:400]:
        r = a.facts.rows[s.index]
        if s.answer_is_subject or is_date(r) or r.predicate == "rank" or r.obj is not None:
            continue
        n = number(r.value or "") if r.is_numeric else number_in_text(r.value or "")
        if n is not None and r.subject in related:
            found.append((s, n))
            if len(found) == limit:
                break
    return found


def figure_pair(a: Answerer, links: list[Link], scored: list[Scored]) -> list[Figure] | None:
    seen: set[tuple[str, ...]] = set()
    found: list[Figure] = []
    for link in links:
        if link.iris in seen:
            continue
        seen.add(link.iris)
        found.extend((link, *numeric) for numeric in numeric_for(a, link, scored))
    best: list[Figure] | None = None
    for i, first in enumerate(found):
        for other in found[i + 1:]:
            r1, r2 = a.facts.rows[first[1].index], a.facts.rows[other[1].index]
            if first[0] == other[0] or r1.predicate != r2.predicate or r1.subject == r2.subject:
                continue
            if best is None or first[1].score + other[1].score > best[0][1].score + best[1][1].score:
                best = [first, other]
    return best


def total(a: Answerer, links: list[Link], scored: list[Scored]) -> list[Figure] | None:
    """One figure of the same kind for each of the question's entities (at least two), to add
    up: the kind that most of them have, best scored first."""
    by_measure: dict[tuple[str, str], dict[tuple[str, ...], tuple[Link, Scored, Decimal]]] = defaultdict(dict)
    for link in a.specific(links):
        for s, n in numeric_for(a, link, scored):
            r = a.facts.rows[s.index]
            # figures of one kind: the same property in the same unit (件, %, 亿美元)
            key = (r.predicate, _unit(a, r.subject, n, r.quote))
            by_measure[key].setdefault(link.iris, (link, s, n))
    if not by_measure:
        return None
    best = max(by_measure.values(), key=lambda d: (len(d), sum(t[1].score for t in d.values())))
    return list(best.values()) if len(best) >= 2 else None


def _unit(a: Answerer, subject: str, n: Decimal, quote: str) -> str:
    """The unit of a figure: as the report writes it after the number, else as the graph states it."""
    return unit_from_quote(format_number(n), quote) or a.sibling_value(subject, "unit") or ""


def sum_item(a: Answerer, parts: list[Figure]) -> AnswerItem:
    total = sum((n for _, _, n in parts), Decimal(0))
    row = a.facts.rows[parts[0][1].index]
    unit = _unit(a, row.subject, parts[0][2], row.quote)
    return AnswerItem(format_number(total) + unit, float(total), None)


def sum_sentence(a: Answerer, q: Question, parts: list[Figure], total: AnswerItem) -> str:
    names = [a.name(link.iris[0], q.lang) for link, _, _ in parts]
    if q.lang == "zh":
        return f"{'、'.join(names)}合计：{total.label}。"
    return f"{', '.join(names)} together: {total.label}."


def difference(a: Answerer, q: Question, pair: list[Figure]) -> list[AnswerItem]:
    (_, s1, v1), (_, _, v2) = pair
    diff = abs(v1 - v2)
    unit = unit_from_quote(format_number(v1), a.facts.rows[s1.index].quote)
    if unit in ("%", "％"):
        return [AnswerItem(f"{format_number(diff)}个百分点", f"{format_number(diff)}%", None)]
    if unit.endswith("元") or diff >= 10_000:
        return [AnswerItem(chinese_amount(diff) + (unit[-1:] if unit.endswith("元") else ""), float(diff), None)]
    return [AnswerItem(format_number(diff) + unit, float(diff), None)]


def winner(a: Answerer, q: Question, pair: list[Figure]) -> AnswerItem:
    """The entity whose figure is larger (or smaller, when the question asks which is less)."""
    pick = min if _SMALLER.search(q.text) else max
    iri = pick(pair, key=lambda t: t[2])[0].iris[0]
    return AnswerItem(a.name(iri), a.name(iri, "en"), iri)


_LEAST = re.compile(r"最(少|低|小)|\b(fewest|lowest|least|smallest)\b", re.I)


def extreme(a: Answerer, q: Question, scored: list[Scored]) -> tuple[str | None, Scored, Decimal] | None:
    """"哪个城市的专利数最多": among the figures of one kind that one passage states for several
    entities (the best-scored figure's kind), the largest (or smallest), and the entity it is
    about — of the class asked for, or the one its quote names."""
    figures = [(s, n) for s in scored[:300] for n in (_figure(a, s),) if n is not None]
    if not figures:
        return None
    top = a.facts.rows[figures[0][0].index]
    unit = a.sibling_value(top.subject, "unit") or ""
    group = [(s, n) for s, n in figures
             if a.facts.rows[s.index].predicate == top.predicate
             and (a.sibling_value(a.facts.rows[s.index].subject, "unit") or "") == unit
             and not set(a.facts.rows[s.index].passages).isdisjoint(top.passages)]
    if len({a.facts.rows[s.index].subject for s, _ in group}) < 2:
        return None
    s, n = (min if _LEAST.search(q.text) else max)(group, key=lambda t: t[1])
    return _about(a, q, a.facts.rows[s.index].subject, a.facts.rows[s.index].quote), s, n


def _figure(a: Answerer, s: Scored) -> Decimal | None:
    r = a.facts.rows[s.index]
    if s.answer_is_subject or r.obj is not None or is_date(r) or r.predicate == "rank":
        return None
    return number(r.value or "") if r.is_numeric else number_in_text(r.value or "")


def _about(a: Answerer, q: Question, subject: str, quote: str) -> str | None:
    """The entity a figure is about: of the class asked for, else the one its quote names."""
    if q.wanted_type:
        return a.stands_for(subject, q.wanted_type)
    for i in a.facts.by_subject.get(subject, []):
        obj = a.facts.rows[i].obj
        if obj and a.name(obj) and a.name(obj) in quote:
            return obj
    return subject
