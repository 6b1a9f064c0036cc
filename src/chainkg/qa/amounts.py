"""Which of two described amounts is larger: each described in the question's own words and asked
for on its own ("…是多少？"), the two figures then compared in one unit.

"趣链 2018 年 6 月的 B 轮融资和巴比特 2018 年 3 月的 A 轮融资，哪一笔金额更大？是另一笔的几倍？"
compares two funding rounds that no single fact relates; asked apart, each is an ordinary
question for a figure.

>>> amount("3.5倍"), amount("第3名"), amount("36.8%"), amount("2018年完成15亿元融资").value
(None, None, None, Decimal('1500000000'))
>>> amount("15亿人民币"), amount("5万元"), amount("27亿美元"), amount("43项"), amount("全球")
(Amount(value=Decimal('1500000000'), currency='元', counter=''), Amount(value=Decimal('50000'), currency='元', \
counter=''), Amount(value=Decimal('2700000000'), currency='美元', counter=''), Amount(value=Decimal('43'), \
currency='', counter='项'), None)
>>> amount_pair("趣链的B轮融资和巴比特的A轮融资，哪一笔金额更大？是另一笔的几倍？")
AmountPair(first='趣链的B轮融资', second='巴比特的A轮融资', larger=True, asks='ratio', word='大')
>>> amount_pair("苏州和长沙的产业基金，哪个规模大？")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from chainkg.qa.analysis import Question
from chainkg.qa.answer import Answer, AnswerItem
from chainkg.qa.clausepair import SHORTEST, answer_of_both, compared, each_side, own_words, two_names
from chainkg.qa.render import chinese_amount, format_number
from chainkg.qa.scoring import grams
from chainkg.qa.span import squeeze
from chainkg.qa.units import alike_units

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: "…，哪一笔金额更大", "哪个数额更大", "两者哪个更多": the comparison right after the two clauses
_WHICH = re.compile(r"[，,]?(?:这|那)?(?:两笔|两项|两者|二者)?[，,]?"
                    r"哪(?:个|一个|笔|一笔|项|一项|样)?(?:的)?(?:金额|数额|规模|数字|数量|数目)?(?:更|比较)?"
                    r"(大|多|高|小|少|低)(?:一些|一点)?[？?]")
#: a follow-up asking for the ratio ("是另一笔的几倍") or the difference ("多多少", "高出几项")
_RATIO = re.compile(r"几倍|多少倍")
_DIFFERENCE = re.compile(r"(?:多|高|大|(?<!至)少|低|小|相差|差|高出|多出)(?:了)?(?:多少|几)")
#: a figure with its multiplier, an approximation (多, 余), its currency and measure word; not a
#: rank (第 3 名), a share (%) or a ratio (倍), which are no amounts
_FIGURE = re.compile(r"(?<![第\d.])(\d+(?:\.\d+)?)(?![\d.])\s*(万亿|千亿|百亿|十亿|千万|百万|亿|万)?\s*(?:多|余)?\s*"
                     r"(美元|美金|人民币|元|日元|欧元|港元|英镑)?\s*([个家所项件台笔起次轮篇本位名枚])?(?![%％倍名])")
_MULTIPLIER = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
               "十亿": Decimal(10) ** 9, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
               "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}
#: currencies by name (美金 is 美元, 人民币 is 元)
_CURRENCY = {"美金": "美元", "人民币": "元"}
#: what follows a figure that makes it a date or a share, not an amount
_NOT_AMOUNT = re.compile(r"\s*(?:[年月日号%％倍]|个?百分点)")


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure as compared: its value, its currency and the measure word it counts in."""

    value: Decimal
    #: 元, 美元, 日元… ("" when the figure names no currency)
    currency: str
    #: the measure word counted ("项"), "" for none
    counter: str


@dataclass(frozen=True, slots=True)
class AmountPair:
    """Two described amounts a question compares, which one it asks for, and what else."""

    first: str
    second: str
    #: True when the larger amount is asked for, False for the smaller one
    larger: bool
    #: "ratio", "difference" or "" for what the question asks besides which one
    asks: str
    #: the question's word for larger or smaller (大, 多, 高, …)
    word: str = "多"


def amount(label: str) -> Amount | None:
    """The first figure of an answer's label that is an amount (not a date, a rank, a share or a
    ratio), scaled, with its currency and measure word; None when it states none."""
    text = label.replace(",", "")
    return next((found for m in _FIGURE.finditer(text) if (found := _amount_at(text, m)) is not None), None)


def _amount_at(text: str, m: re.Match[str]) -> Amount | None:
    """The amount the figure ``m`` of ``text`` states, or None when what follows it makes it a
    date, a share or a ratio."""
    if _NOT_AMOUNT.match(text, m.end(1)) or (m.group(2) and _NOT_AMOUNT.match(text, m.end(2))):
        return None
    value = Decimal(m.group(1)) * _MULTIPLIER.get(m.group(2) or "", Decimal(1))
    currency = m.group(3) or ""
    return Amount(value, _CURRENCY.get(currency, currency), m.group(4) or "")


def amount_pair(text: str) -> AmountPair | None:
    """The two amounts a question compares, or None when it is no such question."""
    found = compared(text, _WHICH)
    if found is None:
        return None
    asks = "ratio" if _RATIO.search(found.rest) else "difference" if _DIFFERENCE.search(found.rest) else ""
    return AmountPair(found.first, found.second, found.word in "大多高", asks, found.word)


def _figured(a: Answerer, clause: str, lang: str = "zh") -> tuple[Answer, AnswerItem, Amount] | None:
    """The answer to "<clause>是多少？" ("How much is <clause>?"), its first figure item and that
    figure, or None. Of the figures the answer's sentence states, the one whose part of it says
    most of the clause ("…最高100万奖励，并给予一次性的30万人才补助" for "一次性人才补助")."""
    answer = a.ask(f"{clause}是多少？" if lang == "zh" else f"How much is {clause}?")
    if answer.status != "answered":
        return None
    for item in answer.answers:
        found = amount(item.label)
        if found is not None:
            closer = _closer_figure(a, answer, clause, found)
            return (answer, *closer) if closer else (answer, item, found)
    return None


def _closer_figure(a: Answerer, answer: Answer, clause: str, found: Amount) -> tuple[AnswerItem, Amount] | None:
    """Another figure of the answer's sentence whose part says more of ``clause``, or None."""
    if not answer.used:
        return None
    wanted = grams(clause)
    parts = []
    for part in re.split(r"[，,；;。]", squeeze(a.facts.rows[answer.used[0]].quote)):
        for m in _FIGURE.finditer(part):
            figure = _amount_at(part, m)  # (each figure with its own text: "3年" is no amount)
            if figure is not None:
                parts.append((len(wanted & grams(part)), m.group(0), figure))
    own = max((said for said, _, f in parts if f.value == found.value), default=-1)
    said, text, figure = max(parts, key=lambda p: p[0], default=(-1, "", found))
    return (AnswerItem(text, None, None), figure) if figure.value != found.value and said > own >= 0 else None


def comparable(one: Amount, two: Amount) -> bool:
    """Whether two amounts are in one unit: no two currencies (an amount that names none is taken
    to be in the other's, as "73亿" beside "63亿美元"), and no two measure words that count
    different things."""
    currencies = {one.currency, two.currency} - {""}
    counters = {one.counter, two.counter}
    # (a bare figure counts what the other counts: "305起" beside "15" events)
    return len(currencies) <= 1 and (len(counters - {""}) <= 1 or alike_units(one.counter, two.counter))


#: "A 大约是 B 的多少倍": the ratio of two described figures, the first over the second
_TIMES_OF = re.compile(r"^(.+?)(?:大约|大概|约|差不多|大致)?(?:是|(?<![认成称较以因作行])为|相当于)"
                       r"(.+?)的(?:多少|几)倍")
#: a clause that only names a time ("2015年"): it stands for the other clause in that time
#: "A is roughly how many times B", "how many times larger is A than B"
_TIMES_OF_EN = (re.compile(r"^(.+?)\s+(?:is|are|was)\s+(?:roughly\s+|about\s+|approximately\s+|around\s+)?"
                           r"how many times\s+(?:as (?:large|big|high|much|many) as\s+)?(.+?)[?]?$", re.I),
                re.compile(r"how many times (?:larger|bigger|higher|greater|more) (?:is|are|was) (.+?) than (.+?)[?]?$",
                           re.I))
_ONLY_A_TIME = re.compile(r"^(?:19|20)\d{2}\s*年(?:上半年|下半年|第?[一二三四]季度)?$")
_YEAR_IN = re.compile(r"(?:19|20)\d{2}\s*年")


def times_label(ratio: Decimal, lang: str = "zh") -> str:
    """A ratio as the report would say it: whole from 100 up, one place from 10, else two; "约"
    ("about") when rounded.

    >>> times_label(Decimal(256000) / Decimal(14000)), times_label(Decimal(2000)), times_label(Decimal("1.75"))
    ('约18.3倍', '2000倍', '1.75倍')
    >>> times_label(Decimal(14000) / Decimal(15), "en")
    'about 933 times'
    """
    places = 0 if ratio >= 100 else 1 if ratio >= 10 else 2
    rounded = ratio.quantize(Decimal(1).scaleb(-places))
    if lang == "zh":
        return f"{'' if rounded == ratio else '约'}{format_number(rounded)}倍"
    return f"{'' if rounded == ratio else 'about '}{format_number(rounded)} times"


def ratio_sides(text: str) -> tuple[str, str] | None:
    """The two clauses of "A 是 B 的多少倍", each able to be asked about on its own: a clause
    before both (after a comma) goes before each; a bare time stands for the first clause then.

    >>> ratio_sides("按第二章的数据,支付宝的处理量大约是Visa峰值的多少倍")
    ('按第二章的数据,支付宝的处理量', '按第二章的数据,Visa峰值')
    >>> ratio_sides("2018年的融资事件数是2015年的几倍")
    ('2018年的融资事件数', '2015年的融资事件数')
    >>> ratio_sides("By the report, Visa's peak is roughly how many times Bitcoin's rate?")
    ("Visa's peak", "Bitcoin's rate")
    """
    for english in _TIMES_OF_EN:
        found = english.search(text)
        if found is not None:  # (what comes before a comma says how to read the figures)
            return found.group(1).rpartition(",")[2].strip(), found.group(2).strip()
    m = _TIMES_OF.search(squeeze(text))
    if m is None:
        return None
    first, second = m.group(1), m.group(2)
    shared, _, own = first.rpartition(",")
    if _ONLY_A_TIME.match(second):
        if not _YEAR_IN.search(own):
            return None  # (a year against a clause of no year: nothing to put it in)
        second = _YEAR_IN.sub(second, own, count=1)
    elif len(second) < SHORTEST or "," in second:
        return None
    return first, f"{shared},{second}" if shared else second


def ratio_of(a: Answerer, question: Question) -> Answer | None:
    """The answer to "A 是 B 的多少倍" for two described figures, each asked for on its own, or
    None when it is no such question, a figure is not found, or the two are in other units."""
    sides = ratio_sides(question.text)
    found = each_side(*sides, lambda clause: _figured(a, clause, question.lang)) if sides else None
    if sides is None or found is None:
        return None
    (one, one_item, x), (two, two_item, y) = found
    # (a first figure no larger than the second: "多少倍" asks of a larger one; the sides are misread)
    if not comparable(x, y) or y.value <= 0 or x.value <= y.value:
        return None
    label = times_label(x.value / y.value, question.lang)
    items = [AnswerItem(label, float(x.value / y.value), None), one_item, two_item]
    if question.lang == "zh":
        text = (f"{own_words(sides[0])}为{one_item.label}，{own_words(sides[1])}为{two_item.label}，"
                f"前者是后者的{label}。")
    else:
        text = f"{sides[0]}: {one_item.label}; {sides[1]}: {two_item.label}; the first is {label} the second."
    return answer_of_both(question.raw, items, text, one, two)


def compare_amounts(a: Answerer, question: Question) -> Answer | None:
    """The answer to a question asking which of two described amounts is larger (or smaller),
    or None when it is no such question, either figure is not found, or they are in other units."""
    if question.lang != "zh":
        return None
    pair = amount_pair(question.text)
    if pair is None or two_names(a, pair.first, pair.second):
        return None
    # (no loop: a sub-question ends in 是多少, where no comparison is asked)
    found = each_side(pair.first, pair.second, lambda clause: _figured(a, clause))
    if found is None:
        return None
    (one, one_item, x), (two, two_item, y) = found
    if not comparable(x, y) or x.value <= 0 or y.value <= 0:
        return None
    if x.value == y.value:
        winner, between = f"一样{pair.word}", ""
    else:
        first_wins = (x.value > y.value) == pair.larger
        winner = own_words(pair.first if first_wins else pair.second)
        big, small = max(x.value, y.value), min(x.value, y.value)
        between = ""
        if pair.asks == "ratio":
            between = f"{format_number((big / small).quantize(Decimal('0.01')))}倍"
        elif pair.asks == "difference":
            between = f"{chinese_amount(big - small)}{x.currency or y.currency or x.counter}"
    items = [AnswerItem(winner, None, None), one_item, two_item]
    if between:
        items.append(AnswerItem(between, None, None))
    said = {"ratio": f"，是另一个的{between}", "difference": f"，相差{between}"}.get(pair.asks, "") if between else ""
    verdict = winner if winner.startswith("一样") else f"{winner}更{pair.word}"
    text = (f"{verdict}：{own_words(pair.first)}为{one_item.label}，{own_words(pair.second)}为{two_item.label}"
            f"{said}。")
    return answer_of_both(question.raw, items, text, one, two)
