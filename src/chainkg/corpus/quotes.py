"""Find the passages that contain an evidence quote.

Quotes are compared on a key: NFKC-normalised, with all white space, footnote markers
and the running header removed, so a quote copied across the report's broken lines
still matches.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence

from chainkg.corpus.lines import RUNNING_HEADER
from chainkg.model import Passage

_NOISE = re.compile(r"\s+|\[\d{1,3}\]")
_HEADER_KEY = _NOISE.sub("", unicodedata.normalize("NFKC", RUNNING_HEADER))


def quote_key(text: str) -> str:
    """The comparison key of a quote or passage text.

    >>> quote_key("2016 年 12 月，国务院[1]")
    '2016年12月,国务院'
    """
    key = _NOISE.sub("", unicodedata.normalize("NFKC", text))
    return key.replace(_HEADER_KEY, "")


class QuoteIndex:
    """Locates quotes in passages; a quote spanning two passages belongs to both.

    >>> from chainkg.model import Passage
    >>> idx = QuoteIndex([Passage("p1", 1, "区块链 产业", (), None, 0, 6)])
    >>> idx.find("区块链产业")
    ('p1',)
    """

    def __init__(self, passages: Sequence[Passage]) -> None:
        keys = [quote_key(p.text) for p in passages]
        self._ids = [p.id for p in passages]
        self._order = {p.id: i for i, p in enumerate(passages)}
        self._starts: list[int] = []
        pos = 0
        for key in keys:
            self._starts.append(pos)
            pos += len(key)
        self._haystack = "".join(keys)

    def find(self, quote: str) -> tuple[str, ...]:
        """Ids of every passage where the quote occurs, in reading order (empty if none)."""
        needle = quote_key(quote)
        if not needle:
            return ()
        found: list[str] = []
        at = self._haystack.find(needle)
        while at >= 0:
            first = bisect.bisect_right(self._starts, at) - 1
            last = bisect.bisect_right(self._starts, at + len(needle) - 1) - 1
            for i in range(first, last + 1):
                if self._ids[i] not in found:
                    found.append(self._ids[i])
            at = self._haystack.find(needle, at + 1)
        return tuple(found)

    def is_ambiguous(self, quote: str, *, min_chars: int = 12) -> bool:
        """A short quote found in passages that are not next to each other: it names, not states.

        A long quote found in several places is the report repeating itself, and the fact
        rightly lives in each of those passages.
        """
        found = [self._order[i] for i in self.find(quote)]
        scattered = any(b - a > 1 for a, b in itertools.pairwise(found))
        return scattered and len(quote_key(quote)) < min_chars
