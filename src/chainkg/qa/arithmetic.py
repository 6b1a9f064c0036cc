"""Arithmetic over facts: the figures of the question's entities, their difference, which is
larger, and their sum (每秒处理的交易比比特币多几笔, 五个城市的专利数加起来)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from chainkg.qa.analysis import EXPLICIT_SUM, Question
from chainkg.qa.answer import AnswerItem
from chainkg.qa.facttext import stated_figures
from chainkg.qa.linker import Link
from chainkg.qa.render import chinese_amount, format_number, number, number_in_text, unit_from_quote
from chainkg.qa.scoring import Scored, is_date
from chainkg.qa.span import squeeze
from chainkg.qa.units import alike_units, is_measure_word, shown_figure

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

_SMALLER = re.compile(r"更(少|低|小|早)|少于|fewer|lower|less|smaller|earlier", re.I)
#: a figure of the question's entities: which entity, the fact, its number
Figure = tuple[Link, Scored, Decimal]


def numeric_for(a: Answerer, link: Link, scored: list[Scored], *, limit: int = 4
                 ) -> list[tuple[Scored, Decimal]]:
    """The best numeric facts about the linked entity or about something tied to it."""
    related = _related(a, link)
    found: list[tuple[Scored, Decimal]] = []
    per_subject: dict[str, int] = defaultdict(int)
    for s in scored[:400]:
        r = a.facts.rows[s.index]
        if s.answer_is_subject or is_date(r) or r.predicate == "rank" or r.obj is not None:
            continue
        n = number(r.value or "") if r.is_numeric else number_in_text(r.value or "")
        if n is not None and r.subject in related and per_subject[r.subject] < 2:
            per_subject[r.subject] += 1  # (one statistic's four forms of one figure are one figure)
            found.append((s, n))
            if len(found) == limit:
                break
    return found


#: what joins two names the question compares ("上海和广东", "Beijing or Shenzhen")
_JOINED = re.compile(r"[^\s，,]{0,2}?\s*(和|与|及|跟|同|、|还是|或|\band\b|\bor\b|\bvs\.?)\s*$", re.I)


#: what separates the names of a list ("、", ", ", " and ", "和")
_LISTED = re.compile(r"\s*(?:、|，|,|和|与|及|以及|\band\b|,\s*and\b)\s*", re.I)


def coordinated(text: str, links: list[Link]) -> list[Link]:
    """The first two linked names the question joins with 和/与/、/and/or ("上海和广东"), or
    none: when a question compares two named things, those are the sides."""
    spans = sorted((lk for lk in links if lk.start >= 0), key=lambda lk: lk.start)
    for first, second in itertools.pairwise(spans):
        if first.iris != second.iris and _JOINED.match(text[first.end:second.start]):
            return [first, second]
    return []


def figure_pair(a: Answerer, links: list[Link], scored: list[Scored], text: str = "") -> list[Figure] | None:
    joined = coordinated(text, links)
    links = joined or links
    seen: set[tuple[str, ...]] = set()
    found: list[Figure] = []
    for link in links:
        if link.iris in seen:
            continue
        seen.add(link.iris)
        found.extend((link, *numeric) for numeric in numeric_for(a, link, scored, limit=8))
    if joined:  # a figure about both sides ("北上深杭四城…76.5%") is neither side's
        sides_of: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for link, s, _ in found:
            sides_of[a.facts.rows[s.index].subject].add(link.iris)
        found = [f for f in found if len(sides_of[a.facts.rows[f[1].index].subject]) == 1]
    best: list[Figure] | None = None
    for i, first in enumerate(found):
        for other in found[i + 1:]:
            r1, r2 = a.facts.rows[first[1].index], a.facts.rows[other[1].index]
            if first[0] == other[0] or r1.predicate != r2.predicate or r1.subject == r2.subject:
                continue
            if not alike_units(figure_unit(a, r1.subject, first[2], r1.quote),
                             figure_unit(a, r2.subject, other[2], r2.quote)):
                continue  # 40.5% and 35.7亿美元 do not compare
            if best is None or first[1].score + other[1].score > best[0][1].score + best[1][1].score:
                best = [first, other]
    return best


_LATER = re.compile(r"晚|后|迟|\blater\b|\blast\b", re.I)


def date_pair(a: Answerer, q: Question, links: list[Link], scored: list[Scored]
              ) -> tuple[str, list[Scored]] | None:
    """"剑桥和牛津哪所先开课": the best date of each of the two names the question joins, and
    the side whose date is earlier (later, when the question asks which is later)."""
    joined = coordinated(q.text, links)
    best = _dates_of(a, joined, scored)
    if best is None:
        return None
    first, second = (a.facts.rows[s.index].value or "" for s in best)
    if first == second:
        return None
    later = _LATER.search(q.text) is not None
    side = 0 if (first < second) != later else 1
    return joined[side].iris[0], best


def _dates_of(a: Answerer, joined: list[Link], scored: list[Scored]) -> list[Scored] | None:
    """The best date of each of the two names joined, or None when one has none."""
    if not joined:
        return None
    best: list[Scored] = []
    for link in joined:
        related = _related(a, link)
        dated = [s for s in scored[:400] if not s.answer_is_subject and is_date(a.facts.rows[s.index])
                 and a.facts.rows[s.index].subject in related]
        if not dated:
            return None
        best.append(dated[0])
    return best


#: "是不是在同一个月/同一年/同一天": how many characters of an ISO date that compares
_SAME_TIME = re.compile(r"同一(?:个)?(年|月|天|日)|\bsame (year|month|day)\b", re.I)
_PRECISION = {"年": 4, "year": 4, "月": 7, "month": 7, "天": 10, "日": 10, "day": 10}


def same_time(a: Answerer, q: Question, links: list[Link], scored: list[Scored]) -> tuple[bool, list[Scored]] | None:
    """"德雷伯大学和伦敦帝国理工是不是同一个月开课": whether the dates of the two names the question
    joins agree to the year, month or day it asks, with the two dates; None when it does not ask
    so, or a date lacks that precision."""
    m = _SAME_TIME.search(q.text)
    best = _dates_of(a, coordinated(q.text, links), scored) if m else None
    if m is None or best is None:
        return None
    n = _PRECISION[(m.group(1) or m.group(2)).lower()]
    first, second = (a.facts.rows[s.index].value or "" for s in best)
    if len(first) < n or len(second) < n:
        return None
    return first[:n] == second[:n], best


def _related(a: Answerer, link: Link) -> set[str]:
    related = set(link.iris)
    for iri in link.iris:
        for i in a.facts.about(iri):
            r = a.facts.rows[i]
            related.add(r.subject)
            if r.obj:
                related.add(r.obj)
    return related


def enumerated(text: str, links: list[Link]) -> list[Link]:
    """The longest run of linked names the question lists with 、/，/和/and ("Beijing, Shanghai,
    Guangdong and Zhejiang"), when it has two or more; else none.

    >>> names = [Link("中国", 0, 2, ("cn",)), Link("北京", 5, 7, ("bj",)), Link("上海", 8, 10, ("sh",))]
    >>> [lk.name for lk in enumerated("中国企业在北京、上海的占比", names)]
    ['北京', '上海']
    """
    spans = sorted((lk for lk in links if lk.start >= 0), key=lambda lk: lk.start)
    best: list[Link] = []
    run: list[Link] = []
    for lk in spans:
        if run and lk.iris != run[-1].iris and _LISTED.fullmatch(text[run[-1].end:lk.start]):
            run.append(lk)
        else:
            run = [lk]
        best = run if len(run) > len(best) else best
    return list(best) if len(best) >= 2 else []


def total(a: Answerer, links: list[Link], scored: list[Scored], text: str) -> list[Figure] | None:
    """One figure of the same kind for each of the question's entities (at least two; those it
    lists, when it lists some), to add up: the kind that most of them have, best scored first."""
    by_measure: dict[tuple[str, str], dict[tuple[str, ...], tuple[Link, Scored, Decimal]]] = defaultdict(dict)
    # (the names it lists, even generic ones, or, when it says 加起来 or 合计, all it names:
    # "一共多少台" sums nothing)
    summed = enumerated(text, links) or (a.specific(links) if EXPLICIT_SUM.search(text) else [])
    found = [(link, s, n) for link in summed for s, n in numeric_for(a, link, scored, limit=8)]
    # a figure about several of them ("北上深杭四城…76.5%") is no one's part of the sum, unless
    # it is about the two it joins as one ("媒体和文化娱乐" — the statistic of 媒体和文化娱乐行业)
    sides: dict[str, dict[tuple[str, ...], Link]] = defaultdict(dict)
    for link, s, _ in found:
        sides[a.facts.rows[s.index].subject][link.iris] = link
    for _, s, n in found:
        r = a.facts.rows[s.index]
        of = sorted(sides[r.subject].values(), key=lambda lk: lk.start)
        if len(of) == 1 or (len(of) == 2 and _one_part(a, r.subject, of, text)):
            # figures of one kind: the same property in the same unit (件, %, 亿美元)
            key = (r.predicate, figure_unit(a, r.subject, n, r.quote))
            by_measure[key].setdefault(of[0].iris, (of[0], s, n))
    if not by_measure:
        return None
    best = max(by_measure.values(), key=lambda d: (len(d), sum(t[1].score for t in d.values())))
    return list(best.values()) if len(best) >= 2 else None


def _one_part(a: Answerer, subject: str, pair: list[Link], text: str) -> bool:
    """Whether two names the question joins with 和 are one part of a sum: the entity the figure
    is about names them joined so too."""
    first, second = pair
    joined = text[first.end:second.start].strip()
    named = squeeze(f"{first.name}{joined}{second.name}").lower()
    return joined in ("和", "与", "及") and named in squeeze(a.name(subject)).lower()


def figure_unit(a: Answerer, subject: str, n: Decimal, quote: str) -> str:
    """The unit of a figure: as the report writes it after the number, else as the graph states it."""
    return unit_from_quote(format_number(n), quote) or a.facts.sibling_value(subject, "unit") or ""


def sum_item(a: Answerer, parts: list[Figure]) -> AnswerItem:
    total = sum((n for _, _, n in parts), Decimal(0))
    row = a.facts.rows[parts[0][1].index]
    unit = figure_unit(a, row.subject, parts[0][2], row.quote)
    return AnswerItem(format_number(total) + unit, float(total), None)


def sum_sentence(a: Answerer, q: Question, parts: list[Figure], total: AnswerItem) -> str:
    names = [a.name(link.iris[0], q.lang) for link, _, _ in parts]
    if q.lang == "zh":
        return f"{'、'.join(names)}合计：{total.label}。"
    return f"{', '.join(names)} together: {total.label}."


def difference(a: Answerer, q: Question, pair: list[Figure]) -> list[AnswerItem]:
    (_, s1, v1), (_, _, v2) = pair
    diff = abs(v1 - v2)
    row = a.facts.rows[s1.index]
    unit = unit_from_quote(format_number(v1), row.quote)
    stated_unit = a.facts.sibling_value(row.subject, "unit") or ""
    unit = unit or (stated_unit if is_measure_word(stated_unit) else "")  # "（38）", counted in 家
    if unit in ("%", "％"):
        return [AnswerItem(f"{format_number(diff)}个百分点", f"{format_number(diff)}%", None)]
    if unit.endswith("元") or diff >= 10_000:
        if not unit:  # "25.6 万笔": the measure word after the amount as the report writes it
            digits = re.match(r"[\d.]+", chinese_amount(v1))
            after = unit_from_quote(digits.group(0), re.sub(r"\s+", "", a.facts.rows[s1.index].quote)) if digits else ""
            unit = re.sub(r"^(?:万亿|亿|万)", "", after)
        return [AnswerItem(chinese_amount(diff) + (unit[-1:] if unit.endswith("元") else unit), float(diff), None)]
    return [AnswerItem(format_number(diff) + unit, float(diff), None)]


def difference_sentence(a: Answerer, q: Question, pair: list[Figure], gap: AnswerItem) -> str:
    """The two figures and how far apart they are ("…数量（109）与…数量（75）相差34。")."""
    shown = [(a.name(a.facts.rows[s.index].subject, q.lang), shown_figure(a, a.facts.rows[s.index], None))
             for _, s, _ in pair]
    if q.lang == "zh":
        return f"{shown[0][0]}（{shown[0][1]}）与{shown[1][0]}（{shown[1][1]}）相差{gap.label}。"
    return f"{shown[0][0]} ({shown[0][1]}) and {shown[1][0]} ({shown[1][1]}) differ by {gap.label}."


def winner(a: Answerer, q: Question, pair: list[Figure]) -> AnswerItem:
    """The entity whose figure is larger (or smaller, when the question asks which is less);
    neither when the two figures are equal."""
    if pair[0][2] == pair[-1][2]:
        return AnswerItem("一样" if q.lang == "zh" else "the same", None, None)
    pick = min if _SMALLER.search(q.text) else max
    iri = pick(pair, key=lambda t: t[2])[0].iris[0]
    return a.entity_item(iri, q.lang)


_LEAST = re.compile(r"最(少|低|小)|\b(fewest|lowest|least|smallest)\b", re.I)


def extreme(a: Answerer, q: Question, scored: list[Scored]) -> tuple[str | None, Scored, Decimal] | None:
    """"哪个城市的专利数最多": among the figures of one kind that one passage states for several
    entities (the best-scored figure's kind), the largest (or smallest), and the entity it is
    about — of the class asked for, or the one its quote names."""
    figures = [(s, n) for s in scored[:300] for n in (_figure(a, s),) if n is not None]
    if not figures:
        return None
    top = a.facts.rows[figures[0][0].index]
    unit = a.facts.sibling_value(top.subject, "unit") or ""
    group = [(s, n) for s, n in figures
             if a.facts.rows[s.index].predicate == top.predicate
             and (a.facts.sibling_value(a.facts.rows[s.index].subject, "unit") or "") == unit
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


def sides(sentence: str, figures: list[str], words: list[str]) -> list[str]:
    """For each figure in turn, the question's words that only the stretch of the sentence
    before it has (from the previous figure or clause break): what the figure is of. Empty
    when a figure has none.

    >>> sides("①国外专利最高每件20万，国内最高每件5万", ["20万", "5万"], ["国外", "专利", "国内", "最高"])
    ['国外专利', '国内']
    """
    before = _before_each(sentence, figures)
    if len(before) < len(figures):
        return []
    stretches = [re.split(r"[，,；;]", stretch)[-1] or stretch for stretch in before]  # its own clause
    out = []
    for k, stretch in enumerate(stretches):
        others = "".join(s for j, s in enumerate(stretches) if j != k)
        own = sorted((w for w in words if w in stretch and w not in others), key=stretch.find)
        if not own:
            return []
        out.append("".join(own))
    return out


def _before_each(sentence: str, figures: list[str]) -> list[str]:
    """For each figure in turn, the stretch of ``sentence`` between the previous one and it; it
    stops at the first figure the sentence does not have where expected.

    >>> _before_each("国外20万，国内5万", ["20万", "5万"])
    ['国外', '，国内']
    """
    out, at = [], 0
    for f in figures:
        end = sentence.find(f, at)
        if end < 0:
            break
        out.append(sentence[at:end])
        at = end + len(f)
    return out


def larger_side(q: Question, sentence: str, figures: list[str], words: list[str]) -> str | None:
    """Of two figures a sentence states side by side, what the larger one (the smaller one when
    the question asks which is less) is of, in the question's words ("2017" in "在2017年82%…，
    而在2018年…46%")."""
    of = sides(sentence, figures, words)
    values = [number_in_text(f) for f in figures]
    if len(of) != 2 or len(values) != 2 or values[0] is None or values[1] is None or values[0] == values[1]:
        return None
    first_larger = values[0] > values[1]
    return of[0] if first_larger != bool(_SMALLER.search(q.text)) else of[1]


def figures_side_by_side(a: Answerer, scored: list[Scored]) -> tuple[Scored, list[str]] | None:
    """"国外专利和国内专利各最高多少": the two (or more) figures of one kind that the sentence
    of the best figure states side by side, when the question's sides are not entities of
    their own. The best figure's own unit picks the kind."""
    if not scored:
        return None
    for s in scored[:5]:
        if s.score < 0.85 * scored[0].score:
            break
        row = a.facts.rows[s.index]
        subject_figure = a.has_figure(row.subject)
        n = _figure(a, s)
        if n is None and not subject_figure:
            continue
        figures = stated_figures(a.texts.sentence(row))
        own = next((unit for text, unit in figures if n is not None and number(text.rstrip(unit)) == n), None)
        units = [unit for _, unit in figures]
        unit = own or (max(set(units), key=units.count) if units else None)
        same = list(dict.fromkeys(text for text, u in figures if u == unit))
        if 2 <= len(same) <= 4:
            return s, same
    return None


def same_unit(unit: str) -> str:
    """A unit as compared with others: 万元 is 万 (amounts of money go without 元 as often as with).

    >>> same_unit("万元"), same_unit("万"), same_unit("元"), same_unit("万笔")
    ('万', '万', '元', '万笔')
    """
    return re.sub(r"(?<=[万亿千百])元$", "", unit)


def gap_between(figures: list[str]) -> str | None:
    """How far apart two figures of one unit are, in that unit.

    >>> gap_between(["25.6万笔", "1.4万笔"])
    '24.2万笔'
    >>> gap_between(["20万", "5件"]) is None
    True
    >>> gap_between(["500万", "200万元"])
    '300万'
    """
    stated = [stated_figures(f) for f in figures]
    if len(stated) != 2 or not all(len(f) == 1 for f in stated):
        return None
    (first, unit), (second, other) = stated[0][0], stated[1][0]
    values = [number(t[:len(t) - len(u)]) for t, u in ((first, unit), (second, other))]
    if same_unit(unit) != same_unit(other) or values[0] is None or values[1] is None:
        return None
    return f"{format_number(abs(values[0] - values[1]))}{same_unit(unit)}"


def sum_side_by_side(a: Answerer, scored: list[Scored], words: list[str]) -> tuple[Scored, str, Decimal] | None:
    """"国家级、省级、市级技术中心的奖励加起来": the figures of one unit that the best figure's
    quotes (else their sentences) state, each in a clause naming one of the question's words,
    added up; with the unit and the total. (A quote first: a sentence of a table runs on into
    the next rows.)"""
    best = [s for s in scored[:5] if s.score >= 0.85 * scored[0].score
            and (_figure(a, s) is not None or a.has_figure(a.facts.rows[s.index].subject))]
    for whole in (False, True):
        for s in best:
            row = a.facts.rows[s.index]
            kept = _named_figures(a.texts.sentence(row) if whole else re.sub(r"[\s,]", "", row.quote), words)
            units = {same_unit(u) for _, u in kept}
            if len(kept) >= 2 and len(units) == 1:
                return s, units.pop(), sum((v for v, _ in kept), Decimal(0))
    return None


def _named_figures(text: str, words: list[str]) -> list[tuple[Decimal, str]]:
    """The figures of ``text`` whose clause names one of ``words``: before the figure ("国外20万")
    or right after it ("10万财政补助、20万税收")."""
    figures = stated_figures(text)
    befores = _before_each(text, [f for f, _ in figures])
    # (the stretches between figures are consecutive: what follows one precedes the next)
    tail = text[sum(map(len, befores)) + sum(len(f) for f, _ in figures[:len(befores)]):]
    afters = [*befores[1:], tail]
    kept: list[tuple[Decimal, str]] = []
    for (figure, unit), before, after in zip(figures, befores, afters, strict=False):
        named = re.split(r"[，,；;、]", before)[-1] + "|" + re.split(r"[，,；;、和及]", after)[0]
        value = number(figure[:len(figure) - len(unit)])
        if value is not None and any(w in named for w in words):
            kept.append((value, unit))
    return kept


#: a question asking about those that have not done something
_NOT_DONE = re.compile(r"还没|没有|尚未|未曾|从未|都没|并未|未能|\bnot\b|\bnever\b|\bwithout\b", re.I)
_STATED_TOTAL = re.compile(r"(\d+)\s*(家|个|所|项|位|人|国|款|部)")


def complement(q: Question, figure: str, quote: str) -> str | None:
    """"那55家企业里，还没融过资的有多少家": the total the question states less the count the
    fact's quote gives of those that have, out of that total ("55 家企业中有 29 家企业至少进行了
    一轮融资"), when the question asks about those that have not.

    >>> from chainkg.qa.analysis import analyse
    >>> complement(analyse("那55家企业里，还没融过资的有几家？"), "29家", "55 家企业中有 29 家企业融了资")
    '26家'
    >>> complement(analyse("那55家企业里，融过资的有几家？"), "29家", "55 家企业中有 29 家企业融了资") is None
    True
    """
    total = _STATED_TOTAL.search(q.text)
    part = _STATED_TOTAL.search(figure.replace(" ", ""))
    if not (q.wants_any("count") and total and part and _NOT_DONE.search(q.text)):
        return None
    whole, some = int(total.group(1)), int(part.group(1))
    if some >= whole or total.group(2) != part.group(2) or total.group(1) not in re.sub(r"\s", "", quote):
        return None
    return f"{whole - some}{total.group(2)}"
