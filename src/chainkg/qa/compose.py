"""From scored facts to an Answer: lists, several asked-for values, counts, differences,
comparisons, yes/no, contradictions, and an honest no_answer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chainkg.ingest.factrows import FactRow
from chainkg.model import Hit
from chainkg.qa.analysis import Question, question_dates, quoted_phrases
from chainkg.qa.answer import Answer, AnswerItem, EvidenceItem
from chainkg.qa.arithmetic import (
    complement,
    coordinated,
    date_pair,
    difference,
    difference_sentence,
    extreme,
    figure_pair,
    figures_side_by_side,
    gap_between,
    larger_side,
    same_time,
    sum_item,
    sum_sentence,
    sum_side_by_side,
    total,
    winner,
)
from chainkg.qa.census import census, measure_word, most_counted
from chainkg.qa.constraints import quarters
from chainkg.qa.grouping import group_of
from chainkg.qa.kinds import wrong_kind
from chainkg.qa.linker import Link
from chainkg.qa.namecensus import named_with
from chainkg.qa.narrow import narrowed
from chainkg.qa.periods import period_pair, period_total
from chainkg.qa.reading import read_off, undated
from chainkg.qa.render import (
    chinese_ordinal,
    format_number,
    number,
    render_date,
)
from chainkg.qa.scoring import ASKED_PROPERTY, DATE_TYPES, Scored, is_date, is_number
from chainkg.qa.selection import Selection, select
from chainkg.qa.span import squeeze
from chainkg.qa.sparql_plan import confirm
from chainkg.qa.units import (
    asked_unit,
    fits,
    literal_figure,
    shown_figure,
    statistic_figure,
)
from chainkg.qa.yesno import DIGITS, YEAR, words_of, yes_or_no
from chainkg.text import flat
from chainkg.vocab import PASSAGE_BASE

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

MIN_SCORE = 0.42
#: how far down the candidates a count the report states is looked for (it beats counting entities)
_STATED_AMONG = 20
#: a later part of a question ("它在…排第几") is short: its facts hang on the entity already found
MIN_SCORE_IN_CONTEXT = 0.3
#: when facts about other entities match the question this much better than anything about the
#: entity it names, the report states that kind of fact, just not for that entity
ELSEWHERE_RELEVANCE, ELSEWHERE_RATIO = 0.6, 3.0
#: a count question that also asks for the items counted ("有几个？分别是哪些？")
_ITEMS_ASKED = re.compile(r"哪些|哪几|是哪|\bwhich (ones|are they)\b|\bname them\b", re.I)
#: an amount a question states as a given ("15亿的B轮", "100亿元的基金"), not one it asks about
_STATED_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:万|亿)(?:元|美元)?(?=的)")


def _answer_iri(row: FactRow, s: Scored) -> str | None:
    return row.subject if s.answer_is_subject else row.obj


def item_for(a: Answerer, q: Question, row: FactRow, s: Scored) -> AnswerItem:
    """How one fact's answer side is shown."""
    iri = _answer_iri(row, s)
    if iri is not None and "Statistic" in a.types(iri) and (q.wants_any("number") or a.has_figure(iri)):
        stated = statistic_figure(a, iri)
        if stated:  # a statistic stands for its figure (its name only restates what is asked)
            return AnswerItem(stated, a.name(iri), iri)
    if iri is not None:
        other = a.name(iri, "en" if q.lang == "zh" else "zh")
        return AnswerItem(a.name(iri, q.lang if q.lang == "en" and a.name(iri, "en") else "zh"), other, iri)
    value = row.value or ""
    in_words = question_dates(value) if q.wants_any("date") and not is_date(row) else ()
    if len(in_words) == 1:  # the date a worded value states ("自2018年5月开始放缓")
        return AnswerItem(render_date(in_words[0], "zh"), in_words[0], None)
    if row.datatype == "boolean":
        return AnswerItem("是" if value == "true" else "否", value, None)
    if is_date(row) and row.datatype in DATE_TYPES:
        return AnswerItem(render_date(value, "zh"), value, None)
    n = number(value) if row.is_numeric else None
    if n is not None and row.predicate == "rank":
        return AnswerItem(chinese_ordinal(int(n)), int(n), None)
    if n is not None:
        return AnswerItem(literal_figure(a, row, n), float(n), None)
    return AnswerItem(value[:120], None, None)


def _no_answer(a: Answerer, q: Question, hits: list[Hit]) -> Answer:
    text = "报告中没有找到可以回答这个问题的内容。" if q.lang == "zh" else "The report does not say."
    return Answer(q.raw, "no_answer", [], text, None, a.evidence_for([], hits), 0.0)


def _about_another(a: Answerer, q: Question, links: list[Link], chosen: list[Scored]) -> bool:
    """A figure asked of one named entity ("云象融资拿了多少钱") that the graph ties neither to
    it nor to anything of its own (its funding round): a statistic of its city is about another."""
    # (a name inside a quoted title is part of that title: "“中国各地方政策类别统计”那张图")
    titles = {t for t in quoted_phrases(q.text) if not t.isascii()}  # (not English apostrophes)
    named = [lk for lk in a.specific(links) if lk.name and not any(
        (name := lk.name.replace(" ", "").lower()) in t and name != t for t in titles)]
    # (or who did something to it: "趣链那笔融资是谁领投的" is not answered by its city's companies)
    who = q.wants == {"entity"} and q.wanted_type in ("Agent", "Person", "Organization")
    if (len(named) != 1 or not chosen or any(lk.name == "" for lk in links) or not (q.wants_any("number") or who)
            or q.wants_any("compare", "diff", "sum", "most", "list", "count", "date", "yesno")
            or (q.wants_any("entity") and not who)):
        return False
    own = set(named[0].iris)
    near = own | {other for iri in own for i in a.facts.about(iri)
                  for other in (a.facts.rows[i].subject, a.facts.rows[i].obj) if other}
    for s in chosen:
        row = a.facts.rows[s.index]
        answer = a.answer_iri(s)
        if row.subject in near or (answer is not None and answer in near) or row.obj in own:
            return False
    return True


def _violates_constraints(a: Answerer, q: Question, rows: list[FactRow]) -> bool:
    """A year the question names, and an amount it states ("那笔15亿的B轮"), must appear in what
    the graph says about the entities used or in the passages that state the facts used; a
    statistic of another quarter than the one the question names does not answer it."""
    asked_quarters = quarters(q.text)
    named_quarters = [named for r in rows if (named := quarters(a.name(r.subject)))]
    if asked_quarters and named_quarters and all(not named & asked_quarters for named in named_quarters):
        return True  # "2017年第三季度新增多少" is not answered by the first quarter's figure
    stated = {m.group(0) for m in YEAR.finditer(q.text)} | {m.group(1) for m in _STATED_AMOUNT.finditer(q.text)}
    if not stated:
        return False
    subjects = {r.subject for r in rows}
    related = [a.facts.rows[i] for s in subjects for i in a.facts.by_subject.get(s, [])]
    context = " ".join(f"{r.quote} {r.value or ''} {a.name(r.subject)} {a.name(r.obj)}" for r in [*rows, *related])
    passages = " ".join(a.passages[PASSAGE_BASE + p].text for r in rows for p in r.passages
                        if PASSAGE_BASE + p in a.passages)
    return not all(s in context or s in passages for s in stated)


def _of_wanted_type(a: Answerer, q: Question, item: AnswerItem) -> AnswerItem:
    """"哪些国家…" answered by entities of another kind (a country's sandbox): the neighbour of
    the asked-for kind that the graph ties to each one (its country), when there is exactly one."""
    if not q.wanted_type or item.iri is None or q.wanted_type in a.types(item.iri):
        return item
    neighbours = set()
    for i in a.facts.by_subject.get(item.iri, []):
        obj = a.facts.rows[i].obj
        if obj and q.wanted_type in a.types(obj):
            neighbours.add(obj)
    if len(neighbours) != 1:
        return item
    (iri,) = neighbours
    return a.entity_item(iri, q.lang)


def _fits(cue: str, row: FactRow, s: Scored) -> bool:
    """Whether the fact's answer side is the kind of value ``cue`` asks for."""
    if cue == "date":
        return (is_date(row) or bool(question_dates(row.value or ""))) and not s.answer_is_subject
    if cue == "entity":
        return _answer_iri(row, s) is not None
    return is_number(row) and not is_date(row) and not s.answer_is_subject


def _choose(a: Answerer, q: Question, scored: list[Scored]) -> list[Scored]:
    top = scored[0]
    selection = q.wants_any("list", "count")
    group = group_of(a, scored, top, selection=selection)
    if q.expected_items:
        # "哪三个": the best group of that size among the top candidates
        for s in scored[:30]:
            if s.score < 0.8 * top.score:
                break
            for by in ("quote", "passage"):
                g = group_of(a, scored, s, by=by)
                if len(g) == q.expected_items:
                    return g
    if q.wants_any("list") and len(group) == 1:
        # a list question: a list nearly as good as one lone fact (the items of a summary sentence)
        for s in scored[1:10]:
            if s.score < 0.9 * top.score:
                break
            other = group_of(a, scored, s, selection=selection)
            if len(other) > 1:
                top, group = s, other
                break
    if q.wants_any("list") and len(group) > 1:
        chosen = [s for s in group if s.score >= 0.55 * top.score][:12]
    else:
        # items as good as the best one (two authors of one book) belong together
        chosen = [s for s in group if s.score >= 0.95 * top.score][:8] or [top]
        row = a.facts.rows[top.index]
        group = group_of(a, scored, top, by="anchor")
        # the report contradicting itself: same subject and property, another value elsewhere
        for s in group[1:]:
            r = a.facts.rows[s.index]
            if (r.value is not None and r.value != row.value and set(r.passages).isdisjoint(row.passages)
                    and s.score >= 0.8 * top.score):
                chosen.append(s)
    rows = {a.facts.rows[s.index].subject for s in chosen} | {a.facts.rows[s.index].obj for s in chosen}
    if a.named_properties(q).get(a.facts.rows[top.index].predicate) == ASKED_PROPERTY:
        return chosen  # "…的整体态度是什么": the value of the property named is the whole answer
    for cue in ("date", "entity", "number"):
        if not q.wants_any(cue) or any(_fits(cue, a.facts.rows[s.index], s) for s in chosen):
            continue
        for s in scored[1:40]:
            r = a.facts.rows[s.index]
            if s.score >= 0.6 * top.score and _fits(cue, r, s) and (r.subject in rows or r.obj in rows):
                chosen.append(s)
                break
    return chosen


def compose(a: Answerer, q: Question, links: list[Link], scored: list[Scored], hits: list[Hit]) -> Answer:
    """The Answer for the scored candidates, or no_answer when nothing supports one."""
    # each name the question uses, in every form the graph knows for what it links to
    forms = [(flat(lk.name), *(flat(n) for iri in lk.iris
                               for n in (a.entities[iri].names if iri in a.entities else ())))
             for lk in a.specific(links) if lk.name]
    # a fact found by search whose quote uses the question's names is about them too ("各国政府…")
    named = {s.index for s in scored if s.link == 0 and forms and a.texts.quote_mentions(s.index, forms)}
    # and so are the other facts about the same subject ("…在全球范围内得到复制推广的三类经验": its examples)
    subjects = {a.facts.rows[i].subject for i in named}
    named |= {s.index for s in scored if s.link == 0 and a.facts.rows[s.index].subject in subjects}
    elsewhere = max((s.relevance for s in scored if s.link == 0 and s.index not in named), default=0.0)
    if a.specific(links) and scored:
        linked_first = [s for s in scored if s.link > 0 or s.index in named]
        scored = linked_first + [s for s in scored if s.link == 0 and s.score >= scored[0].score + 0.15]
        scored.sort(key=lambda s: -s.score)
    listed_most = _listed_most(a, q, scored, hits)
    if listed_most is not None:
        return listed_most
    picking = q.wants_any("list", "count", "entity") and not q.wants_any("yesno")
    picked = named_with(a, q) if picking else None
    if picked is not None:  # "名称中带“试行”字样的有几项"
        return _selected(a, q, picked, hits)
    selected = select(a, q) if picking else None
    if selected is not None and q.wants_any("entity") and not q.wants_any("list", "count"):
        selected = selected if selected.conditions >= 2 else None  # "整体态度是 X、却又有 Y 的是哪个国家"
    if selected is not None:
        return _selected(a, q, selected, hits)
    counted = _counted(a, q, links, hits)
    if counted is not None:
        return counted
    in_context = any(lk.name == "" for lk in links)
    # (a part of a question about an entity resolved earlier is judged by that entity, not here)
    weak = bool(scored) and scored[0].score < 0.8 and not in_context
    if (not scored or scored[0].score < (MIN_SCORE_IN_CONTEXT if in_context else MIN_SCORE)) or (
            weak and elsewhere >= ELSEWHERE_RELEVANCE
            and elsewhere >= ELSEWHERE_RATIO * max(scored[0].relevance, 0.01)):
        alone = read_off(a, q, [], hits, alone=True).answer  # a sentence that fills the gap well
        return alone if alone is not None else _no_answer(a, q, hits)
    reading = read_off(a, q, scored, hits)
    if reading.answer is not None:
        return reading.answer
    if reading.exact:
        items = [item_for(a, q, a.facts.rows[s.index], s) for s in reading.exact]
        return _found(a, q, items, _sentence(a, q, a.facts.rows[reading.exact[0].index], items),
                      [s.index for s in reading.exact], hits, round(min(1.0, reading.exact[0].score), 3))
    scored = reading.scored
    if q.wants_any("count") and not is_number(a.facts.rows[scored[0].index]) and not a.has_figure(
            a.answer_iri(scored[0])):
        # a count the report states (in the unit asked), nearly as good as the best fact, beats counting entities
        unit = asked_unit(q.text)
        stated = [s for s in scored[1:_STATED_AMONG] if s.score >= 0.9 * scored[0].score and not s.answer_is_subject
                  and is_number(a.facts.rows[s.index]) and not is_date(a.facts.rows[s.index])
                  and not set(DIGITS.findall(a.facts.rows[s.index].value or "")) & set(q.numbers)
                  and fits(unit, shown_figure(a, a.facts.rows[s.index], None)) is not False]
        if stated:
            scored = [stated[0], *[s for s in scored if s is not stated[0]]]
    stated_count = q.wants_any("count") and is_number(a.facts.rows[scored[0].index])
    if q.wanted_type and not stated_count and q.wanted_type not in a.types(a.answer_iri(scored[0])):
        # "哪些国家…": an answer of the kind asked for, if one scores close to the best
        typed = [s for s in scored[:60] if q.wanted_type in a.types(a.answer_iri(s))]
        if typed and typed[0].score >= 0.75 * scored[0].score:
            scored = [typed[0], *[s for s in scored if s is not typed[0]]]
    # (two years and no two names joined: "2017 年和 2018 年上半年，哪个时期…更大" compares periods)
    joined = bool(coordinated(q.text, links))
    periods = period_pair(a, q, scored) if q.wants_any("diff", "compare") and not joined else None
    pair = periods or (figure_pair(a, links, scored, q.text) if q.wants_any("diff", "compare") else None)
    pair = pair or (period_pair(a, q, scored) if q.wants_any("diff") and joined else None)
    parts = total(a, links, scored, q.text) if q.wants_any("sum") and pair is None else None
    parts = parts or (period_total(a, q, scored) if q.wants_any("sum") and pair is None else None)
    summed = _clause_sum(a, q, scored, hits) if q.wants_any("sum") and pair is None and parts is None else None
    if summed is not None:
        return summed
    same = same_time(a, q, links, scored) if q.wants_any("yesno") else None
    if same is not None:  # "是不是同一个月开的课": the two dates, compared as asked
        agree, both = same
        word = AnswerItem(("是" if agree else "否") if q.lang == "zh" else ("yes" if agree else "no"), agree, None)
        items = [word, *(item_for(a, q, a.facts.rows[s.index], s) for s in both)]
        text = f"{word.label}：{'、'.join(i.label for i in items[1:])}。"
        return _found(a, q, items, text, [s.index for s in both], hits, round(min(1.0, scored[0].score), 3))
    dates = date_pair(a, q, links, scored) if q.wants_any("date") and pair is None else None
    side_by_side = figures_side_by_side(a, scored) if (
        q.wants_any("compare", "diff") and pair is None and parts is None and dates is None) else None
    # "哪个城市…最多" (not "补贴最高是多少": a cap, asked of one entity)
    superlative = q.wants_any("most") and q.wants_any("entity", "list") and pair is None and parts is None
    most = extreme(a, q, scored) if superlative and side_by_side is None and dates is None else None
    if dates is not None:  # which of two came first, and when each
        first, chosen = dates
        items = [a.entity_item(first, q.lang), *(item_for(a, q, a.facts.rows[s.index], s) for s in chosen)]
    elif side_by_side is not None:
        best, figures = side_by_side
        chosen = [best]
        lead = item_for(a, q, a.facts.rows[scored[0].index], scored[0])
        wanted = lead.iri is not None and q.wanted_type and a.stands_for(lead.iri, q.wanted_type)
        items = [*([lead] if wanted else []), *(AnswerItem(f, None, None) for f in figures)]
        if q.wants_any("compare") and not wanted:  # which side is larger
            side = larger_side(q, a.texts.sentence(a.facts.rows[best.index]), figures, words_of(a, q.text))
            items = [AnswerItem(side, None, None), *items] if side else items
        apart = gap_between(figures) if q.wants_any("diff") else None
        items = [*items, AnswerItem(apart, None, None)] if apart else items  # "高出多少"
    elif most is not None:
        iri, best, _ = most
        chosen = [best]
        figure = item_for(a, q, a.facts.rows[best.index], best)
        items = [a.entity_item(iri, q.lang), figure] if iri else [figure]
    elif parts is not None:
        items = [sum_item(a, parts)]
        chosen = [s for _, s, _ in parts]
    elif pair is not None:
        items = [winner(a, q, pair), *(item_for(a, q, a.facts.rows[s.index], s) for _, s, _ in pair)]
        if q.wants_any("diff"):  # how far apart; and which is larger, when asked too ("谁更高？高出多少")
            items = [*([items[0]] if q.wants_any("compare") else []), *difference(a, q, pair)]
        chosen = [s for _, s, _ in pair]
    else:
        chosen = _choose(a, q, scored)
        items = [_of_wanted_type(a, q, item_for(a, q, a.facts.rows[s.index], s)) for s in chosen]
        cut = narrowed(q, chosen, items)
        if cut is not None:  # worded values that are clauses: what fills the question's gap
            chosen, items = cut
        # (a statistic with a figure answers "几家" itself: its figure is shown, nothing is counted)
        if q.wants_any("count") and not any(is_number(a.facts.rows[s.index]) or a.has_figure(a.answer_iri(s))
                                            for s in chosen):
            members = group_of(a, scored, chosen[0], by="anchor", selection=True)
            if q.section:  # "第三章列出的…有几所": what that part of the report lists
                members = [s for s in members if a.inside(a.facts.rows[s.index], q.section)] or members
            n = len(members)
            how_many = AnswerItem(f"{n}{measure_word(q)}", n, None)
            # "有几个？分别是哪些？": the count, then the items counted
            items = [how_many, *(_of_wanted_type(a, q, item_for(a, q, a.facts.rows[s.index], s))
                                for s in members)] if _ITEMS_ASKED.search(q.text) else [how_many]
    rows = [a.facts.rows[s.index] for s in chosen]
    rest = complement(q, items[0].label, rows[0].quote) if items and rows else None
    if rest:  # "还没融过资的有几家": the total the question states less those the report counts
        quote = rows[0].quote.strip()
        text = (f"报告原文：{squeeze(quote)}；其余为{rest}。" if q.lang == "zh"
                else f"The report says: {quote}; the rest: {rest}.")
        return _found(a, q, [AnswerItem(rest, None, None)], text, [s.index for s in chosen], hits,
                      round(min(1.0, scored[0].score), 3))
    if _violates_constraints(a, q, rows) or wrong_kind(a, q, items, rows) or _about_another(a, q, links, chosen) or (
            undated(a, q, [r for r in rows if is_date(r)][:1], hits, [n for f in forms for n in f])):
        return _no_answer(a, q, hits)
    sparql, confirmed = confirm(a, rows)
    if not confirmed:
        return _no_answer(a, q, hits)
    if q.wants_any("yesno") and not q.wants_any("entity", "list", "number", "date"):
        refusal, word = yes_or_no(a, q, scored, rows[0], links, hits)
        if refusal is not None:  # the report says "not so" about what the question asks
            rows = [a.facts.rows[refusal.index]]
            items = [item_for(a, q, rows[0], refusal)]
        items = [word, *items]
    confidence = round(min(1.0, scored[0].score), 3)
    inverse = bool(chosen) and chosen[0].answer_is_subject and a.facts.rows[chosen[0].index] is rows[0]
    if parts is not None:
        text = sum_sentence(a, q, parts, items[0])
    elif pair is not None and q.wants_any("diff"):
        text = difference_sentence(a, q, pair, items[-1])
    else:
        text = _sentence(a, q, rows[0], items, inverse)
    return Answer(q.raw, "answered", items, text, sparql,
                  a.evidence_for(rows, hits), confidence, tuple(s.index for s in chosen))


def _counted(a: Answerer, q: Question, links: list[Link], hits: list[Hit]) -> Answer | None:
    """"附录4一共列了多少项政策": the entities of that class the section states facts about, by
    a counting query, unless the question names a category value it must be filtered by."""
    if a.constraints.named_categories(q.text):
        return None
    anchors = [iri for lk in a.specific(links) for iri in lk.iris]
    found = census(a, q, anchors)
    if found is None:
        return None
    n, query, passages = found
    label = f"{n}{measure_word(q)}"
    doc = a.passages[passages[0]]
    evidence = [EvidenceItem(doc.iri, doc.text, doc.section, doc.page, 1.0)]
    evidence += [e for e in a.evidence_for([], hits) if e.passage != doc.iri][:4]
    text = f"{q.section}中共有{label}。" if q.lang == "zh" else f"{q.section} lists {n}."
    return Answer(q.raw, "answered", [AnswerItem(label, n, None)], text, query, evidence, 0.8)


def _selected(a: Answerer, q: Question, selected: Selection, hits: list[Hit]) -> Answer:
    """The entities a selection over a table's columns finds: counted, listed, or both."""
    names = [_of_wanted_type(a, q, a.entity_item(iri, q.lang)) for iri in selected.subjects]
    n = len(names)
    how_many = AnswerItem(f"{n}{measure_word(q)}", n, None)
    if q.wants_any("count"):
        items = [how_many, *names] if _ITEMS_ASKED.search(q.text) else [how_many]
    else:
        items = names
    shown = "、".join(i.label for i in items) if q.lang == "zh" else ", ".join(i.label for i in items)
    text = f"符合条件的有：{shown}。" if q.lang == "zh" else f"Those that match: {shown}."
    return _found(a, q, items, text, selected.facts, hits, 0.7)


def _listed_most(a: Answerer, q: Question, scored: list[Scored], hits: list[Hit]) -> Answer | None:
    """"哪个地区列的专项政策最多？有几项？": the entity a section lists the most for, and how many."""
    found = most_counted(a, q, scored)
    if found is None:
        return None
    place, facts = found
    items = [a.entity_item(place, q.lang), AnswerItem(f"{len(facts)}{measure_word(q)}", len(facts), None)]
    text = f"{items[0].label}最多：{items[1].label}。" if q.lang == "zh" else f"{items[0].label}: {len(facts)}."
    return _found(a, q, items, text, facts, hits, 0.7)


def _clause_sum(a: Answerer, q: Question, scored: list[Scored], hits: list[Hit]) -> Answer | None:
    """"国家级、省级、市级…的奖励加起来": the figures one sentence states for the question's words, added up."""
    found = sum_side_by_side(a, scored, words_of(a, q.text))
    if found is None:
        return None
    best, unit, amount = found
    items = [AnswerItem(f"{format_number(amount)}{unit}", float(amount), None)]
    text = f"合计：{items[0].label}。" if q.lang == "zh" else f"In total: {items[0].label}."
    return _found(a, q, items, text, [best.index], hits, round(min(1.0, best.score), 3))


def _found(a: Answerer, q: Question, items: list[AnswerItem], text: str, facts: list[int], hits: list[Hit],
           confidence: float) -> Answer:
    """An answer from ``facts`` with the query that fetches them and their passages first."""
    rows = [a.facts.rows[i] for i in facts]
    sparql, _ = confirm(a, rows)
    return Answer(q.raw, "answered", items, text, sparql, a.evidence_for(rows, hits), confidence, tuple(facts))


def _sentence(a: Answerer, q: Question, row: FactRow, items: list[AnswerItem], inverse: bool = False) -> str:
    """One sentence: "X的P：answers", or, when the answers are what has the value asked about
    (the subjects of the facts), "P「Y」：answers"."""
    pred = a.predicates.get(row.predicate)
    values = [i.label for i in items]
    label_zh, label_en = (pred.label_zh, pred.label_en) if pred else (row.predicate, row.predicate)
    if inverse:
        anchor_zh = a.name(row.obj) if row.obj else a.display(row)
        anchor_en = a.name(row.obj, "en") if row.obj else a.display(row)
        if q.lang == "zh":
            return f"{label_zh}「{anchor_zh}」：{'、'.join(values)}。"
        return f"{label_en} {anchor_en}: {', '.join(values)}."
    if q.lang == "zh":
        return f"{a.name(row.subject)}的{label_zh}：{'、'.join(values)}。"
    of = "" if label_en.endswith((" of", " by", " in")) else " of"
    return f"{label_en}{of} {a.name(row.subject, 'en')}: {', '.join(values)}."


def merge(question: Question, parts: list[Answer]) -> Answer:
    """One answer for a question asked in parts: every part's items, evidence and query."""
    items: list[AnswerItem] = []
    for part in parts:
        items.extend(i for i in part.answers if i not in items)
    evidence = []
    seen: set[str] = set()
    for part in parts:
        for ev in part.evidence:
            if ev.passage not in seen:
                seen.add(ev.passage)
                evidence.append(ev)
    sparql = "\n\n".join(p.sparql for p in parts if p.sparql) or None
    return Answer(question.raw, "answered", items, " ".join(p.answer_text for p in parts), sparql,
                  evidence[:5], min(p.confidence for p in parts))
