"""Render graph values for people: dates in Chinese, numbers with the unit the report uses."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_CN_DIGITS = "零一二三四五六七八九十"
_UNIT_AFTER = re.compile(
    r"^\s*((?:多|余)?\s*(?:[%％]|个百分点|[万亿]?[个家所项件台本篇部张份套场名笔次轮款条位种国座倍人元美金]+|[万亿千百]+(?:元|美元)?))")


def render_date(lexical: str, lang: str) -> str:
    """2018-06-28 → 2018年6月28日 (zh) or 28 June 2018 style kept ISO (en)."""
    parts = lexical.split("-")
    if lang != "zh" or not all(p.isdigit() for p in parts):
        return lexical
    names = ("年", "月", "日")
    return "".join(f"{int(p) if i else p}{names[i]}" for i, p in enumerate(parts))


def chinese_ordinal(n: int) -> str:
    """2 → 第二 (for ranks up to 10)."""
    return "第" + (_CN_DIGITS[n] if 0 < n <= 10 else str(n))


def number(lexical: str) -> Decimal | None:
    try:
        return Decimal(lexical)
    except (InvalidOperation, ValueError):
        return None


_NUMBER_IN_TEXT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


#: longest first: 万亿 before 万
_MULTIPLIERS = {"万亿": Decimal(10) ** 12, "千万": Decimal(10_000_000), "百万": Decimal(1_000_000),
                "万": Decimal(10_000), "亿": Decimal(100_000_000)}


def number_in_text(text: str) -> Decimal | None:
    """The one number a short text states, scaled by a 万/亿 after it ("平均每秒处理7笔交易" → 7,
    "成立 30 亿产业基金" → 3000000000); None when there are none or several, or for a date.

    >>> number_in_text("每秒处理15笔交易左右"), number_in_text("1.4万笔"), number_in_text("2016年8月")
    (Decimal('15'), Decimal('14000.0'), None)
    >>> number_in_text("3万亿元")
    Decimal('3000000000000')
    """
    flat = text.replace(",", "")
    found = list(_NUMBER_IN_TEXT.finditer(flat))
    if len(found) != 1:
        return None
    after = flat[found[0].end():].lstrip()
    if re.match(r"[年月日号]", after):
        return None
    scale = next((m for word, m in _MULTIPLIERS.items() if after.startswith(word)), Decimal(1))
    return Decimal(found[0].group(0)) * scale


def unit_from_quote(value: str, quote: str) -> str:
    """The unit the report writes right after ``value`` in ``quote``, with an approximation
    it carries ("43" in "43 项" → "项", "50" in "50 多项" → "多项")."""
    flat = quote.replace(",", "")
    for m in re.finditer(re.escape(value), flat):
        before = flat[m.start() - 1] if m.start() else " "
        if before.isdigit() or before == ".":
            continue
        u = _UNIT_AFTER.match(flat[m.end():])
        if u:
            return re.sub(r"\s+", "", u.group(1))  # "50 多项" → "多项"
    return ""


def format_number(value: Decimal) -> str:
    """Plain digits, trailing zeros dropped: 10.0 → 10."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def chinese_amount(value: Decimal) -> str:
    """700000 → 70万, 1500000000 → 15亿, 634000000 → 6.34亿 (multiples, or hundredths from
    one 亿 or ten 万 up; else digits).

    >>> chinese_amount(Decimal(634000000)), chinese_amount(Decimal(700000)), chinese_amount(Decimal(15000))
    ('6.34亿', '70万', '15000')
    """
    for size, name, least in ((Decimal(100_000_000), "亿", 1), (Decimal(10_000), "万", 10)):
        if (abs(value) >= size and (value / size) == (value / size).to_integral_value()) or (
                abs(value) >= size * least and (value / size * 100) == (value / size * 100).to_integral_value()):
            return format_number(value / size) + name
    return format_number(value)
