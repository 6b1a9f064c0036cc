"""The texts behind the facts: the sentence a fact's quote is part of, the figures a text
states, the stretch of a question a fact repeats word for word, the few values a table
column takes. Each is a pure function of the build, cached on first use."""

from __future__ import annotations

import re

from chainkg.ingest.factrows import FactRow
from chainkg.qa.facts import FactTable
from chainkg.search.documents import PassageDoc
from chainkg.text import flat, normalise
from chainkg.vocab import PASSAGE_BASE

#: a figure as the report writes it: digits with a multiplier or a unit (not a year, a date or a
#: footnote mark)
_STATED_FIGURE = re.compile(r"(?<![\d.\[])(\d+(?:\.\d+)?)(%|％|万亿|亿|万|千)?"
                            r"(美元|美金|元|起|家|个|件|笔|所|人|项|次|倍|nm)?(?![\d.年月日\]])")


def stated_figures(sentence: str) -> list[tuple[str, str]]:
    """The figures a sentence states, each with its unit (multiplier and measure word).

    >>> stated_figures("①国外专利最高每件20万，国内最高每件5万②对技术成果转化的最高20万")
    [('20万', '万'), ('5万', '万'), ('20万', '万')]
    >>> stated_figures("2018年1月1日至8月29日共发生融资事件305起，高于去年121起[12]")
    [('305起', '起'), ('121起', '起')]
    """
    out = []
    for m in _STATED_FIGURE.finditer(re.sub(r"[\s,]", "", sentence)):
        unit = (m.group(2) or "") + (m.group(3) or "")
        if unit:
            out.append((m.group(0), unit))
    return out


def stretches(text: str) -> list[set[str]]:
    """The stretches of ``text`` of 3, 4, … characters that no "|" cuts (a linked name).

    >>> stretches("ab|cde")
    [{'cde'}, set(), set(), set()]
    """
    return [{p for p in (text[j:j + k] for j in range(len(text) - k + 1)) if "|" not in p}
            for k in range(3, len(text) + 1)]


class FactTexts:
    """Text views of the fact table, cached."""

    def __init__(self, facts: FactTable, passages: dict[str, PassageDoc]) -> None:
        self.facts = facts
        self.passages = passages
        self._quote_cache: dict[int, str] = {}
        self._figure_count: dict[int, int] = {}
        self._verbatim_cache: dict[int, str] = {}
        self._columns: dict[str, frozenset[str]] = {}

    def sentence(self, row: FactRow) -> str:
        """The whole sentence of the passage that the fact's quote is part of."""
        quote = re.sub(r"\s+", "", row.quote)
        for p in row.passages[:1]:
            doc = self.passages.get(PASSAGE_BASE + p)
            if doc is None:
                continue
            text = re.sub(r"\s+", "", doc.text)
            at = text.find(quote[:12])
            if at < 0:
                continue
            start = max(text.rfind(c, 0, at) for c in "。！？；") + 1
            ends = [e for e in (text.find(c, at + len(quote)) for c in "。！？；") if e >= 0]
            end = min(ends) if ends else len(text)
            return text[start:end]
        return row.quote

    def verbatim_run(self, pieces: list[set[str]], i: int) -> int:
        """The longest stretch of the question (without its linked names) that the fact's quote
        or value repeats word for word, at least 2; ``pieces`` are the question's
        ``stretches``."""
        text = self._verbatim_cache.get(i)
        if text is None:
            row = self.facts.rows[i]
            text = self._verbatim_cache[i] = normalise(f"{row.quote}\n{row.value or ''}").lower()
        run = 2
        for same_length in pieces:
            if not any(p in text for p in same_length):
                break
            run += 1
        return run

    def figures_in_quote(self, i: int) -> int:
        """How many different figures the fact's quote states."""
        cached = self._figure_count.get(i)
        if cached is None:
            cached = self._figure_count[i] = len({f for f, _ in stated_figures(self.facts.rows[i].quote)})
        return cached

    def column_values(self, predicate: str) -> frozenset[str]:
        """The few literal values a property takes, when it is a column of marks, of yes/no or
        of a handful of worded categories (at most eight values); empty otherwise."""
        cached = self._columns.get(predicate)
        if cached is None:
            values = {v for (p, v) in self.facts.by_value if p == predicate}
            cached = frozenset(values) if 2 <= len(values) <= 8 else frozenset()
            self._columns[predicate] = cached
        return cached

    def quote_mentions(self, i: int, names: list[tuple[str, ...]]) -> bool:
        """Whether the fact's quote names each of ``names``, by one of its forms (the question's
        "全世界" is the quote's "全球"); forms normalised, lower case."""
        quote = self._quote_cache.get(i)
        if quote is None:
            quote = self._quote_cache[i] = flat(self.facts.rows[i].quote)
        return all(any(n and n in quote for n in forms) for forms in names)
