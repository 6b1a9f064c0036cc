"""Two clauses a question compares ("A 事件，和 B 事件，哪件事更早", "趣链的 B 轮融资和巴比特的
A 轮融资，哪一笔更大"), each then asked about on its own.

>>> clause_pair("数秦科技的天使轮和秘猿科技的 Pre-A 战略投资")
('数秦科技的天使轮', '秘猿科技的 Pre-A 战略投资')
>>> clause_pair("英国 FCA 提出沙箱，和 Decred 与莱特币完成交易")
('英国 FCA 提出沙箱', 'Decred 与莱特币完成交易')
>>> clause_pair("2018 年上半年，安全事件的损失和行业的 VC 投资")
('2018 年上半年，安全事件的损失', '2018 年上半年，行业的 VC 投资')
>>> clause_pair("深圳的风险投资基金，和苏州的产业基金相比")
('深圳的风险投资基金', '苏州的产业基金')
>>> clause_pair("趣链的 A 轮融资，和秘猿的 A 轮两者相比")
('趣链的 A 轮融资', '秘猿的 A 轮')
>>> clause_pair("苏州和长沙的产业基金"), clause_pair("A和B和C的数量"), clause_pair("今年的新增企业和去年同期相比")
(None, None, None)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from chainkg.qa.answer import Answer, AnswerItem, EvidenceItem
from chainkg.qa.span import squeeze

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: what joins the two clauses: a comma and a conjunction first ("…沙箱，和瑞士…"), else a conjunction
_JOIN_AFTER_COMMA = re.compile(r"[，,]\s*(?:和|与|跟|同|以及)")
#: (not the 与 of 参与 nor the 同 of 共同 or 合同)
_JOIN = re.compile(r"和|(?<!参)与|(?<![共合不相])同(?![样时])|跟")
#: "…相比", "…两者比较": the comparison's own words after the second clause
_COMPARED = re.compile(r"(?:两者|二者)?(?:相比较|相比|比较)$")
#: words by which the second clause points back at the first ("2017 年同季"): not a clause of its own
_BACK = re.compile(r"同季|同期|同月|同年|同一|该(?:年|月|季|项|笔|轮|公司|机构|国|地)|前者|后者")
#: the longest clause two compared clauses may share before them (a time, a place)
_LONGEST_SHARED = 12
#: the shortest clause that describes something of its own (not "苏州" of "苏州和长沙的基金")
SHORTEST = 4

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Compared:
    """Two clauses a question compares, how it compares them, and what it asks after that."""

    first: str
    second: str
    #: the comparison's own word ("早", "大")
    word: str
    #: the question after the comparison ("两者相隔几个月？")
    rest: str


def two_names(a: Answerer, first: str, second: str) -> bool:
    """Whether each clause is nothing but a name the graph knows: two named things are compared by
    their facts (``arithmetic``), not asked about as described things."""
    def named(clause: str) -> bool:
        key = clause.strip().lower()
        return any(lk.start == 0 and lk.end == len(key) for lk in a.linker.link(clause))
    return named(first) and named(second)


def compared(text: str, which: re.Pattern[str]) -> Compared | None:
    """The two clauses right before the comparison ``which`` finds (its group 1 the comparing
    word), or None when it finds none or they are no two clauses of their own."""
    m = which.search(text)
    pair = clause_pair(text[:m.start()]) if m else None
    if m is None or pair is None:
        return None
    return Compared(pair[0], pair[1], m.group(1), text[m.end():])


def clause_pair(text: str) -> tuple[str, str] | None:
    """The two clauses ``text`` joins, or None when it joins no two clauses of their own. A
    clause the two share comes first ("2018 年上半年，A 和 B"): it is put before each."""
    text = _COMPARED.sub("", text.strip("，, "))
    if re.search("[？?]", text):
        return None  # (the comparison asks about what an earlier question said)
    found = _pair(text)
    if found is None and re.search("[，,]", text):
        shared, rest = re.split("[，,]", text, maxsplit=1)
        inner = _pair(rest)
        if inner is not None and len(squeeze(shared)) <= _LONGEST_SHARED:
            found = (f"{shared}，{inner[0]}", f"{shared}，{inner[1]}")
    return found


def _pair(text: str) -> tuple[str, str] | None:
    """The two clauses one conjunction joins (the one after a comma, else the only one that
    leaves a clause on each side), or None."""
    text = text.strip("，, ")
    join = list(_JOIN_AFTER_COMMA.finditer(text))
    if len(join) == 1:
        first, second = text[:join[0].start()], text[join[0].end():]
    else:
        cuts = [m for m in _JOIN.finditer(text) if m.start() >= SHORTEST and len(text) - m.end() >= SHORTEST]
        if len(cuts) != 1:
            return None  # (none, or several: which one joins the clauses would be a guess)
        first, second = text[:cuts[0].start()], text[cuts[0].end():]
    first, second = first.strip("，, "), second.strip("，, ")
    if min(len(squeeze(first)), len(squeeze(second))) < SHORTEST or re.search("[，,]", first + second) or (
            _BACK.search(second)):
        return None
    return first, second


def own_words(clause: str) -> str:
    """A clause without the clause it shares with the other one, as an answer names it."""
    return re.split("[，,]", squeeze(clause))[-1]


def each_side(first: str, second: str, ask: Callable[[str], T | None]) -> tuple[T, T] | None:
    """What ``ask`` finds for each clause, or None when it finds nothing for one of them."""
    one = ask(first)
    two = ask(second) if one is not None else None
    return (one, two) if one is not None and two is not None else None


def answer_of_both(raw: str, items: list[AnswerItem], text: str, one: Answer, two: Answer) -> Answer:
    """The answer that compares the answers for the two clauses: their queries, the best two
    passages of each first (each once, at most five), the lower confidence."""
    evidence: list[EvidenceItem] = []
    for ev in [*one.evidence[:2], *two.evidence[:2], *one.evidence[2:], *two.evidence[2:]]:
        if all(ev.passage != e.passage for e in evidence):
            evidence.append(ev)
    sparql = "\n\n".join(s for s in (one.sparql, two.sparql) if s) or None
    return Answer(raw, "answered", items, text, sparql, evidence[:5], min(one.confidence, two.confidence),
                  (*one.used, *two.used))
