"""Which of two events came first: each event, described in the question's own words, is asked
for its date on its own; the two dates are then compared.

"英国 FCA 率先提出监管沙箱，和瑞士 FINMA 发布分类指导文件，哪件事更早？相隔几个月？" names no
entity whose date settles it: each clause describes an event. Asked apart ("英国 FCA 率先提出监管
沙箱是什么时候？"), each is an ordinary date question; the earlier (or later) one is the answer,
with both dates and, when asked, the months between them.

>>> event_pair("数秦科技的天使轮和秘猿科技的 Pre-A 战略投资，哪一笔更早？两者相隔几个月？")
EventPair(first='数秦科技的天使轮', second='秘猿科技的 Pre-A 战略投资', earlier=True, gap='month')
>>> event_pair("A公司成立，与B公司上市，哪件事更晚？").earlier, event_pair("趣链和云象哪家成立得更早？")
(False, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chainkg.qa.analysis import Question
from chainkg.qa.answer import Answer, AnswerItem
from chainkg.qa.clausepair import answer_of_both, compared, each_side, own_words
from chainkg.qa.render import render_date

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: "…，哪件事更早", "…哪一笔更早", "这两件事哪个先": the comparison right after the two events
_WHICH = re.compile(r"[，,]?(?:这|那)?(?:两件事|两者|二者)?[，,]?(?:按[^，,？?]{1,12}[，,]?)?"
                    r"哪(?:件事|一件事|件|个|一个|笔|一笔|项|一项)?(?:更|比较)?(早|晚|先|后)(?:一些|一点)?"
                    r"(?:发生|完成)?[？?]")
#: a follow-up asking how far apart they are ("相隔几个月", "早几个月", "差几年")
_GAP = re.compile(r"(?:相隔|相差|间隔|隔了|差|早|晚)(?:了)?(?:几|多少)(个月|年)|多久")
#: a date value as answers carry it ("2016-05", "2015")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$")


@dataclass(frozen=True, slots=True)
class EventPair:
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
    unit = ("year" if gap.group(1) == "年" else "month") if gap and gap.group(1) else ("month" if gap else "")
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


def _months(iso: str) -> tuple[int, int | None]:
    m = _ISO.match(iso)
    assert m is not None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def compare_events(a: Answerer, question: Question) -> Answer | None:
    """The answer to a question asking which of two events came first (or last), or None when
    it is no such question or either event's date is not found or the two cannot be ordered."""
    if question.lang != "zh":
        return None
    pair = event_pair(question.text)
    if pair is None:
        return None
    found = each_side(pair.first, pair.second, lambda event: _dated(a, event))
    if found is None:
        return None
    (one, one_date), (two, two_date) = found
    (y1, m1), (y2, m2) = _months(str(one_date.value)), _months(str(two_date.value))
    if (y1, m1) == (y2, m2) or (y1 == y2 and None in (m1, m2)):
        return None  # the same time, or a year against a month of it: no order to give
    first_is_earlier = (y1, m1 or 0) < (y2, m2 or 0)
    winner = pair.first if first_is_earlier == pair.earlier else pair.second
    items = [AnswerItem(own_words(winner), None, None), one_date, two_date]
    between = ""
    if pair.gap and m1 is not None and m2 is not None:
        months = abs((y1 * 12 + m1) - (y2 * 12 + m2))
        n, unit = (months, "个月") if pair.gap == "month" else (months // 12, "年")
        if pair.gap == "month" or months % 12 == 0:
            items.append(AnswerItem(f"{n}{unit}", n, None))
            between = f"，相隔{n}{unit}"
    word = "更早" if pair.earlier else "更晚"
    text = (f"{own_words(winner)}{word}：{own_words(pair.first)}在{render_date(str(one_date.value), 'zh')}，"
            f"{own_words(pair.second)}在{render_date(str(two_date.value), 'zh')}{between}。")
    return answer_of_both(question.raw, items, text, one, two)
