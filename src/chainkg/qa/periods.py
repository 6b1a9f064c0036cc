"""Figures of one measure at several times: the two years a question compares ("2018年一季度比
2017年一季度多出多少家") and every period it adds up ("2015到2018年…加起来", "第一、二季度合计"). A
statistic's name says its period; the rest of its name says what it measures."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from chainkg.qa.analysis import Question
from chainkg.qa.arithmetic import Figure, figure_unit
from chainkg.qa.constraints import quarters
from chainkg.qa.linker import Link
from chainkg.qa.render import number
from chainkg.qa.scoring import Scored, grams, is_date
from chainkg.qa.units import alike_units
from chainkg.qa.yesno import YEAR

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: how close to the best candidate the two figures of a comparison between years must score
_PERIOD_FLOOR = 0.7
#: how much of the shorter of two statistics' names (years aside) the other must share to be one measure
_PERIOD_OVERLAP = 0.75
#: how many of the best figures of each year are paired up
_PER_YEAR = 4
#: a range of years a question names ("2015到2018年"), and the most years it may span
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:到|至|-|–|~|～|\bto\b|\bthrough\b)\s*((?:19|20)\d{2})", re.I)
_LONGEST_RANGE = 10
#: a year with the half of it a statistic's name gives ("2018年上半年"): the period, not the
#: measure (a quarter stays: the question may name it, "第二季度")
_PERIOD = re.compile(YEAR.pattern + r"\s*年?(?:上半年|下半年|全年)?")


def period_pair(a: Answerer, q: Question, scored: list[Scored]) -> list[Figure] | None:
    """"2018年一季度比2017年一季度多出多少家": a figure for each of the two years the question
    names, of one measure (statistics whose names, years aside, share the most), in its order."""
    years = list(dict.fromkeys(m.group(0) for m in YEAR.finditer(q.text)))
    if len(years) != 2 or not scored:
        return None
    asked = grams(YEAR.sub("", q.text))
    per_year = _by_period(a, scored, _years_in(years))
    best: tuple[float, int, float, list[Figure]] | None = None
    for s1, n1, g1 in per_year[years[0]]:
        for s2, n2, g2 in per_year[years[1]]:
            r1, r2 = a.facts.rows[s1.index], a.facts.rows[s2.index]
            shared = len(g1 & g2)
            if shared < _PERIOD_OVERLAP * min(len(g1), len(g2)) or not alike_units(
                    figure_unit(a, r1.subject, n1, r1.quote), figure_unit(a, r2.subject, n2, r2.quote)):
                continue  # not one measure at two times
            # the same measure, then the periods the question names ("Q2"), then the better scores
            named = len(asked & (a.name_grams(r1.subject) | a.name_grams(r2.subject)))
            key = (round(shared / len(g1 | g2), 2), named, s1.score + s2.score)
            if best is None or key > best[:3]:
                best = (*key, [_figure(r1.subject, s1, n1), _figure(r2.subject, s2, n2)])
    return best[3] if best else None


def _figure(subject: str, s: Scored, n: Decimal) -> Figure:
    """A statistic's figure as a side of a comparison or a part of a sum."""
    return Link("", -1, -1, (subject,)), s, n


def _measure(name: str) -> set[str]:
    """The bigrams of a statistic's name, its period aside: what it measures."""
    return grams(_PERIOD.sub("", name))


def _years_in(years: list[str]) -> Callable[[str], list[str]]:
    """Which of ``years`` a statistic's name is of."""
    return lambda name: [y for y in years if y in name]


def _by_period(a: Answerer, scored: list[Scored], periods_of: Callable[[str], list[str]]
               ) -> dict[str, list[tuple[Scored, Decimal, set[str]]]]:
    """The best figures (scoring near the best candidate) of statistics whose names are of
    exactly one of the periods ``periods_of`` finds, for each period: the fact, its number and
    its name's bigrams, periods aside."""
    floor = _PERIOD_FLOOR * scored[0].score if scored else 0.0
    per_year: dict[str, list[tuple[Scored, Decimal, set[str]]]] = defaultdict(list)
    for s in scored[:60]:
        if s.score < floor:
            break
        r = a.facts.rows[s.index]
        if s.answer_is_subject or r.obj is not None or is_date(r) or not r.is_numeric:
            continue
        n = number(r.value or "")
        name = a.name(r.subject)
        own = periods_of(name)
        measure = _measure(name)
        if n is not None and len(own) == 1 and measure and len(per_year[own[0]]) < _PER_YEAR:
            per_year[own[0]].append((s, n, measure))
    return per_year


def _summed_periods(text: str) -> tuple[list[str], Callable[[str], list[str]]] | None:
    """The periods a sum runs over: every year of a range ("2015到2018年"), or the quarters of
    one year ("2018年第一、二季度"); and which of them a statistic's name is of.

    >>> periods, of = _summed_periods("2018 年第一、二季度新增的企业合计多少家")
    >>> periods, of("2018年第二季度新增区块链企业数量"), of("2017年第二季度新增区块链企业数量")
    (['2018Q1', '2018Q2'], ['2018Q2'], [])
    """
    m = _YEAR_RANGE.search(text)
    if m is not None and 2 <= int(m.group(2)) - int(m.group(1)) + 1 <= _LONGEST_RANGE:
        years = [str(y) for y in range(int(m.group(1)), int(m.group(2)) + 1)]
        return years, _years_in(years)
    years = list(dict.fromkeys(y.group(0) for y in YEAR.finditer(text)))
    asked = sorted(quarters(text))
    if len(years) != 1 or len(asked) < 2:
        return None
    year = years[0]

    def of(name: str) -> list[str]:
        said = quarters(name)
        return [f"{year}Q{n}" for n in said if n in asked] if year in name and len(said) == 1 else []
    return [f"{year}Q{n}" for n in asked], of


def period_total(a: Answerer, q: Question, scored: list[Scored]) -> list[Figure] | None:
    """"2015到2018年的融资事件加起来", "2018年第一、二季度…合计": the best figure of a period the
    question names, and the figure of the same measure (a statistic whose name, periods aside,
    shares most of its name, in the same unit) for each other period, to add up."""
    named = _summed_periods(q.text)
    if named is None:
        return None
    periods, periods_of = named
    seeds = sorted((t for found in _by_period(a, scored, periods_of).values() for t in found[:1]),
                   key=lambda t: -t[0].score)
    if not seeds:
        return None
    seed, n0, g0 = seeds[0]
    row0 = a.facts.rows[seed.index]
    unit = figure_unit(a, row0.subject, n0, row0.quote)
    # (one pass over the facts of that property: the best figure of each period)
    found: dict[str, tuple[float, int, Decimal]] = {}
    for i in a.facts.by_predicate.get(row0.predicate, []):
        r = a.facts.rows[i]
        name = a.name(r.subject)
        n = number(r.value or "") if r.is_numeric else None
        own = periods_of(name)
        if n is None or len(own) != 1:
            continue
        g = _measure(name)
        overlap = len(g0 & g) / max(1, min(len(g0), len(g)))
        if overlap >= _PERIOD_OVERLAP and alike_units(figure_unit(a, r.subject, n, r.quote), unit) and (
                own[0] not in found or overlap > found[own[0]][0]):
            found[own[0]] = (overlap, i, n)
    if len(found) < len(periods):
        return None  # a period the report gives no figure of that measure for
    return [_figure(a.facts.rows[i].subject, Scored(i, False, seed.score, 0.0, 0.0), n)
            for _, i, n in (found[period] for period in periods)]
