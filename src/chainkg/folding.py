"""Text folding used to compare answers: NFKC, lower case, no white space."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold ``text`` for answer matching.

    >>> fold(" 1.4 万笔 ")
    '1.4万笔'
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", text).lower())
