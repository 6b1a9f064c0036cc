"""Worded answers cut down to what the question asks.

A fact's worded value is often a whole clause of the report ("为相关部门提供产业引导和监管
思路"). When the question's words line up with that clause and leave a gap (see ``span``), the
answer is what fills the gap ("产业引导", "监管思路"), not the clause; and the other worded
values found with it that do not fill the gap answer nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from chainkg.qa.analysis import Question
from chainkg.qa.answer import AnswerItem
from chainkg.qa.span import fill, gap, items, pairs, squeeze

#: a worded value this long is a clause, which may hold more than the answer
LONG_VALUE = 12
#: what a question asks for when a stretch of words can answer it
_ASKS_WORDS = ("entity", "list", "text")
_ASKS_OTHER = ("number", "date", "count", "yesno", "compare", "diff", "sum", "most", "rank")

#: how much of a clause, but for the stretch that fills the gap, the question must repeat: the
#: clause says what the question says and the answer, not something else besides
MIN_ECHO = 0.5
_CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")

T = TypeVar("T")


def _cjk_pairs(text: str) -> set[str]:
    return {p for p in pairs(text) if _CJK_PAIR.fullmatch(p)}


def _echoed(text: str, stretch: str, question: str) -> float:
    """The share of the character pairs of ``text`` outside ``stretch`` that ``question`` has.

    >>> round(_echoed("为相关部门提供产业引导和监管思路", "产业引导和监管思路", "报告要为相关部门提供哪些东西"), 2)
    0.86
    >>> _echoed("既困扰数字内容生产者，也为司法取证带来难题", "数字内容生产者", "侵权维权有哪些难处")
    0.0
    """
    rest = _cjk_pairs(text) - _cjk_pairs(stretch)
    return sum(p in question for p in rest) / len(rest) if rest else 1.0


def narrowed(q: Question, chosen: Sequence[T], answers: Sequence[AnswerItem]
             ) -> tuple[list[T], list[AnswerItem]] | None:
    """The facts and items left when some worded answers are clauses that fill the question's
    gap: each such clause gives the stretch that fills it (split into items for a list), and
    every other worded answer is dropped; named entities stay. None when nothing is cut.

    >>> from chainkg.qa.analysis import analyse
    >>> q = analyse("报告要为相关部门提供哪两方面的东西？")
    >>> found = narrowed(q, ["f1", "f2"], [AnswerItem("为相关部门提供产业引导和监管思路", None, None),
    ...                                   AnswerItem("梳理区块链技术的发展阶段和政策现状", None, None)])
    >>> found[0], [i.label for i in found[1]]
    (['f1'], ['产业引导', '监管思路'])
    >>> narrowed(q, ["f1"], [AnswerItem("产业引导", None, None)]) is None
    True
    """
    if q.lang != "zh" or not q.wants_any(*_ASKS_WORDS) or q.wants_any(*_ASKS_OTHER):
        return None
    g = gap(q.text)
    if g is None:
        return None
    kept: list[T] = []
    out: list[AnswerItem] = []
    cut = False
    for fact, item in zip(chosen, answers, strict=True):
        worded = item.iri is None and item.value is None
        if not worded:
            kept.append(fact)
            out.append(item)
            continue
        text = squeeze(item.label)
        stretch = fill(g, text) if len(text) >= LONG_VALUE else ""
        if not stretch or len(stretch) >= len(text) or stretch in g.raw_left or (
                _echoed(text, stretch, squeeze(q.text)) < MIN_ECHO):
            continue
        cut = True
        kept.append(fact)
        parts = items(stretch, q.wants_any("list") or "、" in stretch)
        out.extend(AnswerItem(part, None, None) for part in parts)
    return (kept, out) if cut else None

