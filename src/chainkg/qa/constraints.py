"""What a question rules out: entities dated otherwise than it says (or of another quarter of
the year), and entities whose value of a categorical property (a funding round's stage, a
stance's attitude) is not the one it names.

>>> from chainkg.ingest.factrows import FactRow
>>> rows = [FactRow("r1", "roundStage", None, "A轮", None, "A 轮", ["p1"]),
...         FactRow("r2", "roundStage", None, "B轮", None, "B 轮", ["p2"])]
>>> c = Constraints(FactTable(rows), ["a 轮融资", "b 轮融资"] + ["其他"] * 48)
>>> c.named_categories("巴比特的 b 轮融资是谁投的?")
{'roundStage': 'b轮'}
>>> sorted(c.clash("巴比特的 b 轮融资", (), {"r1", "r2"}))
['r1']
"""

from __future__ import annotations

import re
from collections import defaultdict

from chainkg.qa.facts import FactTable
from chainkg.qa.scoring import DATE_TYPES

#: (several quarters under one 季度: "第一、二季度", "一至三季度"; a range "第一季度至第三季度";
#: the first few, "前三季度")
_QUARTER = re.compile(r"(前)?第?([一二三四1-4](?:\s*(?:[、,，和与及至到~-]|以及)\s*第?[一二三四1-4])*)\s*季度"
                      r"(?:\s*[至到~-]\s*第?([一二三四1-4])\s*季度)?|"
                      r"(?<![A-Za-z])Q([1-4])\b|\b(first|second|third|fourth) quarter\b", re.I)
_QUARTER_DIGIT = re.compile(r"[一二三四1-4]|[至到~-]")
_QUARTER_NUMBER = {"一": "1", "二": "2", "三": "3", "四": "4", "first": "1", "second": "2", "third": "3", "fourth": "4"}


def quarters(text: str) -> set[str]:
    """The quarters of a year a text names ("第三季度", "Q2", "first quarter") as 1–4.

    >>> sorted(quarters("2017年第三季度和2018年一季度")), quarters("in Q2 2018")
    (['1', '3'], {'2'})
    >>> sorted(quarters("2018 年第一、二季度")), sorted(quarters("一至三季度")), sorted(quarters("第一季度至第三季度"))
    (['1', '2'], ['1', '2', '3'], ['1', '2', '3'])
    >>> sorted(quarters("第一、三至四季度")), sorted(quarters("前三季度")), sorted(quarters("2018年Q1"))
    (['1', '3', '4'], ['1', '2', '3'], ['1'])
    """
    out: set[str] = set()
    for m in _QUARTER.finditer(text):
        if not m.group(2):
            out.update(_QUARTER_NUMBER.get(q.lower(), q) for q in m.groups()[3:] if q)
            continue
        tokens = _QUARTER_DIGIT.findall(m.group(2) + ("至" + m.group(3) if m.group(3) else ""))
        if m.group(1):  # "前三季度": the first three
            tokens = ["1", "至", *tokens]
        named: list[int] = []
        ranged = False
        for token in tokens:
            if token in "至到~-":
                ranged = True
                continue
            n = int(_QUARTER_NUMBER.get(token, token))
            # (only the two numbers around 至 make a range: "第一、三至四季度" is 1, 3, 4)
            named.extend(range(named[-1] + 1, n + 1) if ranged and named else [n])
            ranged = False
        out.update(str(n) for n in named)
    return out


def _flat(text: str) -> str:
    return text.lower().replace(" ", "")


class Constraints:
    """Categorical properties of the fact table and the clashes a question's words cause."""

    def __init__(self, facts: FactTable, passage_texts: list[str]) -> None:
        self.facts = facts
        flat = [_flat(t) for t in passage_texts]
        # values that are also common words of the report (申请 is a stage and a verb) say nothing
        self.categories = {p: {v for v in values if sum(v in t for t in flat) <= len(flat) // 25}
                           for p, values in self._categorical().items()}

    def _categorical(self) -> dict[str, set[str]]:
        """Properties with a few short worded values (no digits): property → values."""
        values: dict[str, set[str]] = defaultdict(set)
        for row in self.facts.rows:
            if row.obj is None and row.value and row.datatype is None and row.predicate != "unit":
                values[row.predicate].add(_flat(row.value))
        return {p: v for p, v in values.items()
                if 2 <= len(v) <= 20 and all(2 <= len(x) <= 8 and not any(c.isdigit() for c in x) for x in v)}

    def named_categories(self, text: str) -> dict[str, str]:
        """Categorical values ``text`` names, by property (the longest: Pre-A轮 over A轮)."""
        flat = _flat(text)
        named: dict[str, str] = {}
        for p, values in self.categories.items():
            found = [v for v in values if v in flat]
            # (Pre-A轮 names no A轮; two values named apart constrain nothing: "A 轮和 B 轮")
            own = [v for v in found if not any(v != w and v in w for w in found)]
            if len(own) == 1:
                named[p] = own[0]
        return named

    def unsupported(self, text: str, cands: dict[int, float], names: set[str]) -> bool:
        """``text`` names a category value (B 轮) that no fact tied to its entities has (a value
        that is itself one of the linked ``names``, like 严禁, selects by it instead)."""
        for p, v in self.named_categories(text).items():
            tied = [_flat(row.value or "") for i, link in cands.items() if link > 0
                    for row in (self.facts.rows[i],) if row.predicate == p]
            # only where the question's entities have that property at all, with other values
            if v not in names and tied and v not in tied:
                return True
        return False

    def clash(self, text: str, dates: tuple[str, ...], entities: set[str]) -> set[str]:
        """The entities the question rules out: dated otherwise than any of its ``dates``, or
        with another value of a category it names ("B 轮融资" is not the Pre-A round)."""
        named = self.named_categories(text)
        out: set[str] = set()
        for iri in entities:
            rows = [self.facts.rows[i] for i in self.facts.by_subject.get(iri, [])]
            own = [r.value or "" for r in rows if r.datatype in DATE_TYPES]
            if dates and own and not any(d.startswith(q) or q.startswith(d) for d in own for q in dates):
                out.add(iri)
            elif any(r.predicate in named and _flat(r.value or "") != named[r.predicate] for r in rows):
                out.add(iri)
        return out

    def matches(self, text: str, entities: set[str]) -> set[str]:
        """The entities whose value of a category ``text`` names is that value (the A 轮 round)."""
        named = self.named_categories(text)
        if not named:
            return set()
        return {iri for iri in entities
                if any(r.predicate in named and _flat(r.value or "") == named[r.predicate]
                       for r in (self.facts.rows[i] for i in self.facts.by_subject.get(iri, [])))}
