"""Recognise the report's headings: 一、 / （一） / 1. / （1） / ① and 附录 1–7."""

from __future__ import annotations

import re
import unicodedata

_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^[一二三四五六七八九十]+、\S")),
    (1, re.compile(r"^附录\s*\d+、")),
    (2, re.compile(r"^（[一二三四五六七八九十]+）\S")),
    (3, re.compile(r"^\d{1,2}\s*[.．](?!\d)\s*\S")),
    (4, re.compile(r"^（\d{1,2}）\S")),
    (5, re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]\S")),
)
_SENTENCE_END = "。；，、：！？"
#: a printed line of body text is about 30 CJK characters wide; headings are shorter
_MAX_HEADING_WIDTH = {1: 40.0, 2: 30.0, 3: 40.0, 4: 24.0, 5: 24.0}


def display_width(text: str) -> float:
    """Width in CJK character cells: wide characters 1, others 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def heading_level(text: str) -> int | None:
    """The level (1–5) of ``text`` as a heading, or None when it is body text.

    >>> heading_level("（一）扩展性"), heading_level("（3）严禁的国家集中在亚洲，包括了中国。")
    (2, None)
    """
    if not text or text[-1] in _SENTENCE_END:
        return None
    for level, pattern in _PATTERNS:
        if pattern.match(text) and display_width(text) <= _MAX_HEADING_WIDTH[level]:
            return level
    return None


def push_heading(path: tuple[str, ...], levels: tuple[int, ...], text: str, level: int
                 ) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The section path after a heading of ``level``: deeper headings are dropped."""
    keep = [i for i, lv in enumerate(levels) if lv < level]
    cut = keep[-1] + 1 if keep else 0
    return (*path[:cut], text), (*levels[:cut], level)
