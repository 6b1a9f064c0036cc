"""Which of two events came first: each event, described in the question's own words, is asked
for its date on its own; the two dates are then compared.

"英国 FCA 率先提出监管沙箱，和瑞士 FINMA 发布分类指导文件，哪件事更早？相隔几个月？" names no
entity whose date settles it: each clause describes an event. Asked apart ("英国 FCA 率先提出监管
沙箱是什么时候？"), each is an ordinary date question; the earlier (or later) one is the answer,
with both dates and, when asked, the months between them.

>>> event_pair("数秦科技的天使轮和秘猿科技的 Pre-A 战略投资，哪一笔更早？两者相隔几个月？")
EventPair(first='数秦科技的天使轮', second='秘猿科技的 Pre-A 战略投资', earlier=True, gap='month')
>>> event_pair("A公司成立，与B公司上市，哪件事更晚？").earlier, event_pair("比原链主网上线和络谱发布，哪个先？")
(False, EventPair(first='比原链主网上线', second='络谱发布', earlier=True, gap=''))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chainkg.qa.analysis import Question
from chainkg.qa.answer import Answer, AnswerItem
from chainkg.qa.clausepair import answer_of_both, compared, each_side, own_words, two_names
from chainkg.qa.render import render_date

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: "…，哪件事更早", "…哪一笔更早", "这两件事哪个先": the comparison right after the two events
_WHICH = re.compile(r"[，,]?(?:这|那)?(?:两件事|两者|二者)?[，,]?(?:按[^，,？?]{1,12}[，,]?)?"
                    r"哪(?:件事|一件事|件|个|一个|笔|一笔|项|一项)?(?:更|比较)?(早|晚|先|后)(?:一些|一点)?"
                    r"(?:发生|完成)?[？?]")
#: a follow-up asking how far apart they are ("相隔几个月", "早几个月", "差几年")
_GAP = re.compile(r"(?:相隔|相差|间隔|隔了|差|早|晚)(?:了)?(?:几|多少)(个月|年)|多久|多长时间")
#: a date value as answers carry it ("2016-05", "2015")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$")


@dataclass(frozen=True, slots=True)
class EventPair:
    """Two events a question compares by date, which one it asks for, and any gap it asks."""

    first: str
    second: str
    #: True when the earlier event is asked for, False for the later one
    earlier: bool
    #: "month" or "year" when the question asks how far apart they are, else ""
    gap: str


def event_pair(text: str) -> EventPair | None:
    """The two events a question compares by date, or None when it is no such question."""
    found = compared(text, _WHICH)
    if found is None:
        return None
    gap = _GAP.search(found.rest)
    unit = "" if gap is None else "year" if gap.group(1) == "年" else "month"
    return EventPair(found.first, found.second, found.word in "早先", unit)


def _dated(a: Answerer, event: str) -> tuple[Answer, AnswerItem] | None:
    """The answer to "<event>是什么时候？" and its date item, or None when it finds no date."""
    answer = a.ask(f"{event}是什么时候？")
    if answer.status != "answered":
        return None
    for item in answer.answers:
        if isinstance(item.value, str) and _ISO.match(item.value):
            return answer, item
    return None


def _year_month(iso: str) -> tuple[int, int | None]:
    """The year and (when stated) the month of a date value ("2016-05" → 2016, 5)."""
    year, _, month = iso.partition("-")
    return int(year), int(month[:2]) if month else None


def _between(first: tuple[int, int | None], second: tuple[int, int | None], unit: str) -> str:
    """How far apart two dates are, in the unit asked: months ("21个月"), or years (with the
    months left over, "1年9个月"); years alone when either date has no month.

    >>> may, february = (2016, 5), (2018, 2)
    >>> _between(may, february, "month"), _between(may, february, "year"), _between((2015, None), february, "year")
    ('21个月', '1年9个月', '3年')
    """
    (y1, m1), (y2, m2) = first, second
    if m1 is None or m2 is None:
        return f"{abs(y1 - y2)}年" if unit == "year" else ""
    months = abs((y1 * 12 + m1) - (y2 * 12 + m2))
    if unit == "month":
        return f"{months}个月"
    return f"{months // 12}年" + (f"{months % 12}个月" if months % 12 else "")


def compare_events(a: Answerer, question: Question) -> Answer | None:
    """The answer to a question asking which of two events came first (or last), or None when
    it is no such question or either event's date is not found or the two cannot be ordered."""
    if question.lang != "zh":
        return None
    pair = event_pair(question.text)
    if pair is None or two_names(a, pair.first, pair.second):
        return None
    # (no loop: a sub-question ends in 是什么时候, where no comparison is asked)
    found = each_side(pair.first, pair.second, lambda event: _dated(a, event))
    if found is None:
        return None
    (one, one_date), (two, two_date) = found
    first, second = _year_month(str(one_date.value)), _year_month(str(two_date.value))
    if first == second or (first[0] == second[0] and None in (first[1], second[1])):
        return None  # the same time, or a year against a month of it: no order to give
    first_is_earlier = (first[0], first[1] or 0) < (second[0], second[1] or 0)
    winner = pair.first if first_is_earlier == pair.earlier else pair.second
    items = [AnswerItem(own_words(winner), None, None), one_date, two_date]
    between = _between(first, second, pair.gap) if pair.gap else ""
    if between:
        items.append(AnswerItem(between, None, None))
        between = f"，相隔{between}"
    word = "更早" if pair.earlier else "更晚"
    text = (f"{own_words(winner)}{word}：{own_words(pair.first)}在{render_date(str(one_date.value), 'zh')}，"
            f"{own_words(pair.second)}在{render_date(str(two_date.value), 'zh')}{between}。")
    return answer_of_both(question.raw, items, text, one, two)
