"""Whether two figures agree, when a question asks for one and then whether it agrees with another
("附录3里打√的国家有几个？两处说法一致吗？", "…最高是多少？附录5里的上限和它一致吗？").

The other figure is one the question states itself ("第三章说…有 16 个"), or else what the part
asking for agreement describes, asked for on its own ("附录5里长沙对重点实验室的奖励上限是多少？").

>>> figure_of("十个省区"), figure_of("重点实验室最高200万"), figure_of("18个"), figure_of("二十三家")
(Decimal('10'), Decimal('2000000'), Decimal('18'), Decimal('23'))
>>> asks_agreement("两处说法一致吗"), asks_agreement("附录5里的上限和它是否一致"), asks_agreement("它在哪")
(True, True, False)
>>> described("附录5里长沙对重点实验室的奖励上限和它一致吗"), described("这和第四章所说的数量一致吗")
('附录5里长沙对重点实验室的奖励上限', '第四章所说的数量')
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from chainkg.qa.analysis import without_section
from chainkg.qa.answer import Answer, AnswerItem
from chainkg.qa.render import format_number
from chainkg.qa.span import squeeze

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: a part that asks whether what the earlier part found agrees with something
_AGREE = re.compile(r"(?:是否|是不是)?(?:一致|相同|吻合|相符|一样)(?:吗|呢|么)?$")
#: words that point back at the earlier part's figure ("和它", "这和", "两处说法")
_POINTER = re.compile(r"^(?:这|那|它|其)(?:个数字|个数|一数字)?(?:和|与|跟|同)|(?:和|与|跟|同)(?:它|其|之|前者|上面)$|"
                      r"^(?:两处|两者|二者|前后)(?:的)?(?:说法|数字|数据|数量)?$")
#: a figure in digits or in Chinese numerals, with its multiplier
_FIGURE = re.compile(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*(万亿|亿|万)?")
#: what makes the figure before it a date ("2018年", "9月")
_DATED = re.compile(r"\s*[年月日号]")
#: the measure word after a figure the question states ("16 个")
_MEASURE = re.compile(r"\s*[个家所项件位名国座条]")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SCALE = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}


def _numeral(text: str) -> Decimal:
    """A Chinese numeral below a thousand ("二十三" → 23, "十" → 10), or digits."""
    if text[0].isdigit():
        return Decimal(text)
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:  # 十 or 百
            total += (digit or 1) * (10 if ch == "十" else 100)
            digit = 0
    return Decimal(total + digit)


def figure_of(label: str) -> Decimal | None:
    """The first figure of ``label`` (not a year or a date), scaled by its multiplier, or None."""
    text = label.replace(",", "")
    for m in _FIGURE.finditer(text):
        if _DATED.match(text, m.end()) and not m.group(2):
            continue
        return _numeral(m.group(1)) * _SCALE.get(m.group(2) or "", Decimal(1))
    return None


def asks_agreement(part: str) -> bool:
    """Whether a part of a question asks whether two things agree."""
    return bool(_AGREE.search(squeeze(part).rstrip("？?")))


def described(part: str) -> str:
    """What a part asking for agreement describes besides the earlier figure, or "" when it only
    points back at it ("两处说法一致吗")."""
    text = _AGREE.sub("", squeeze(part).rstrip("？?"))
    rest = _POINTER.sub("", text)
    return "" if _POINTER.fullmatch(text) or len(rest) < 4 else rest


def agreement(a: Answerer, earlier: Answer, earlier_text: str, part: str, lang: str) -> Answer | None:
    """The answer to a part asking whether the figure the earlier part found agrees with another:
    一致/不一致, the other figure, and its passages; None when it is no such part or either figure
    is not found."""
    if lang != "zh" or not asks_agreement(part):
        return None
    found = next((f for i in earlier.answers if (f := figure_of(i.label)) is not None), None)
    if found is None:
        return None
    clause = described(part)
    if clause:
        other_answer = a.ask(f"{clause}是多少？")
        if other_answer.status != "answered":
            return None
        other_item = next((i for i in other_answer.answers if figure_of(i.label) is not None), None)
        evidence, sparql = other_answer.evidence, other_answer.sparql
    else:  # the figure the question itself states ("第三章说…有 16 个")
        said = without_section(earlier_text)
        stated = [m.group(0).strip() + (unit.group(0) if (unit := _MEASURE.match(said, m.end())) else "")
                  for m in _FIGURE.finditer(said)
                  if m.group(1)[0].isdigit() and not _DATED.match(said, m.end())]
        other_item = AnswerItem(stated[0], None, None) if len(stated) == 1 else None
        evidence, sparql = earlier.evidence, earlier.sparql
    other = figure_of(other_item.label) if other_item else None
    if other_item is None or other is None:
        return None
    verdict = "一致" if other == found else "不一致"
    text = f"{verdict}：{format_number(found)}与{format_number(other)}。"
    return Answer(part, "answered", [AnswerItem(verdict, other == found, None), other_item], text, sparql,
                  evidence, earlier.confidence)
