"""Whether the answer found is of the kind the question asks for: a figure, money, a count of
the thing counted, a date, an entity of the class named."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chainkg.ingest.factrows import FactRow
from chainkg.qa.analysis import TYPE_WORDS, Question
from chainkg.qa.answer import AnswerItem
from chainkg.qa.scoring import is_date
from chainkg.qa.units import (
    MONEY,
    PERCENT,
    TIMES,
    WORDED_FIGURE,
    agrees,
    alike_units,
    asked_unit,
    counts_another_thing,
    figure_units,
    figures_in,
    no_figure_asked,
    restates,
)

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: properties that count one kind of thing each (patents, copyrights, staff)
_COUNT_PROPERTIES = frozenset({"patentCount", "grantedPatentCount", "softwareCopyrightCount", "employeeCount"})
_DIGIT_RUN = re.compile(r"\d+(?:\.\d+)?")
#: an English question counting things (not "how many times")
_HOW_MANY = re.compile(r"\bhow many\b(?! times)", re.I)
#: a question asking for the month, and a date that states one
_MONTH_ASKED = re.compile(r"哪(?:一)?个月|几月|\b(?:which|what) month\b|\bin what month\b", re.I)
_MONTH = re.compile(r"\d{1,2}\s*月|[一二三四五六七八九十]+月|\b\d{4}-\d{2}\b|"
                    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
#: what a date or a time written in words has
_TIME = re.compile(r"\d|[〇一二三四五六七八九十]+[年月日]|[今去明同当次]年|年代|世纪")


def wrong_kind(a: Answerer, q: Question, items: list[AnswerItem], rows: list[FactRow]) -> bool:
    """The best the graph offers is not the kind of thing asked for: a figure asked for and
    none found, money asked for and only other figures found ("融了多少钱" answered by a count
    of copyrights), a count of another thing, a date asked for and none found, the figure the
    question states, or an entity of a named class asked for ("哪家风投公司") and only entities
    of other classes found."""
    if no_figure_asked(q, items) or no_count(q, items):
        return True
    counted = _what_is_counted(a, q, rows)
    if counted and counts_another_thing(q.text, counted):
        return True  # "多少注册用户" answered by a count of software copyrights
    if q.wants == {"date"} and not any(is_date(r) for r in rows) and not any(_TIME.search(i.label) for i in items):
        return True  # "哪一年提出的" answered by a name
    if q.wants == {"date", "number"} and not any(is_date(r) for r in rows) and not any(
            isinstance(i.value, (int, float)) or _TIME.search(_unstated(q, i.label)) for i in items):
        return True  # "出块时间是多少" answered by a name: neither a date nor a figure of its own
    if _MONTH_ASKED.search(q.text) and q.wants_any("date") and not any(_MONTH.search(i.label) for i in items):
        return True  # "哪个月发布的" answered by a year alone
    if q.wants_any("number", "count") and not q.wants_any("date", "yesno") and items and all(
            restates(q.text, i.label) for i in items):
        return True  # "五十家企业里，上市的有几家" answered by "近50家"
    if q.wanted_type and not q.wants_any("count", "yesno"):
        entities = [i.iri for i in items if i.iri]
        # "推出 BROP 与 Block-X 两项产品": the report itself calls them what the question asks for
        nouns = [w for w, cls in TYPE_WORDS if cls == q.wanted_type and not w.isascii()]
        if q.wanted_type != "Person" and any(w in r.quote for r in rows for w in nouns):
            return False  # (a quote naming a 局长 does not make a speech a person)
        if any(a.headed(r, q.asked_noun) for r in rows):
            return False  # "哪个部门" of a table whose column is headed 部门: its value, whatever its kind
        return bool(entities) and not any(a.stands_for(iri, q.wanted_type) for iri in entities)
    return False


def _unstated(q: Question, label: str) -> str:
    """``label`` without the figures the question states ("提出了21个主节点" for "21 个主节点…")."""
    for n in sorted(set(_DIGIT_RUN.findall(q.text)), key=len, reverse=True):
        label = label.replace(n, "")
    return label


def no_count(q: Question, items: list[AnswerItem]) -> bool:
    """Whether a question asking only how many gets no count: no figure beyond those the
    question states ("21个主节点" answering "有几家"), or figures all in another unit than the
    measure word asked ("投了多少家" answered by "100亿元", "几家" by a date)."""
    if not q.wants_any("count") or q.wants_any("date", "yesno", "list", "entity", "compare", "diff"):
        return False
    stated = figures_in(q.text)
    figures = [i for i in items if (isinstance(i.value, (int, float)) and not isinstance(i.value, bool))
               or figures_in(i.label) - stated or WORDED_FIGURE.search(i.label)]
    if not figures:
        return True
    unit = asked_unit(q.text)
    if not unit and _HOW_MANY.search(q.text):  # "how many ICO projects": no money, share or multiple
        units = [u for i in figures for u in figure_units(i.label)]
        return bool(units) and all(u in (MONEY, PERCENT, TIMES) for u in units)
    # (the general measure word 个 counts 家 and 项 too: "2693个" answers "多少家")
    verdicts = [agrees(unit, u) or alike_units(unit, u) if u else None
                for i in figures for u in figure_units(i.label)] if unit else []
    return False in verdicts and True not in verdicts


def _what_is_counted(a: Answerer, q: Question, rows: list[FactRow]) -> list[str]:
    """The names of what the facts found count, when each of them is a count: the labels of
    count properties (patents, copyrights), or, for a Chinese question asking how many, the
    names of the statistics whose values they are ("各地编制发布的区块链政策数量")."""
    if rows and all(r.predicate in _COUNT_PROPERTIES for r in rows):
        return [label for r in rows for label in (a.predicates[r.predicate].label_zh,
                                                   a.predicates[r.predicate].label_en)]
    if rows and q.lang == "zh" and q.wants_any("count") and all(r.predicate in ("value", "statedValue") for r in rows):
        return [a.name(r.subject, lang) for r in rows for lang in ("zh", "en")]
    return []
