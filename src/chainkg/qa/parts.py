"""The parts of the report a question can name: a chapter or appendix ("第三章", "附录 7"), whose
passages' section paths start with it, and a table ("表 3"), whose passages run from its caption
on while they stay in the caption's section."""

from __future__ import annotations

import re

from chainkg.search.documents import PassageDoc

_CAPTION = re.compile(r"^表\s*(\d+)\s", re.MULTILINE)


def tables(passages: list[PassageDoc]) -> dict[str, frozenset[str]]:
    """The passages of each table of the report ("表 3"), in report order: the one with its
    caption and those after it in the same section, up to another caption.

    >>> ps = [PassageDoc("a", "表 3 企业\\n趣链 Hyperchain", "六 / 2", 1), PassageDoc("b", "复杂美 原链", "六 / 2", 1),
    ...       PassageDoc("c", "（1）趣链", "六 / 2 / （1）", 1)]
    >>> sorted(tables(ps)["表 3"])
    ['a', 'b']
    """
    out: dict[str, set[str]] = {}
    current: tuple[str, str] | None = None  # (table, its section)
    for p in passages:
        m = _CAPTION.search(p.text)
        if m:
            current = (f"表 {m.group(1)}", p.section)
        elif current is not None and p.section != current[1]:
            current = None
        if current is not None:
            out.setdefault(current[0], set()).add(p.iri)
    return {k: frozenset(v) for k, v in out.items()}


class ReportParts:
    """Which passages belong to a part of the report."""

    def __init__(self, passages: list[PassageDoc]) -> None:
        self._sections = {p.iri: p.section for p in passages}
        self._tables = tables(passages)
        # the words each section writes apart on a line of their own, as a table's column heads are
        self._heads: dict[str, set[str]] = {}
        for p in passages:
            self._heads.setdefault(p.section, set()).update(
                w for line in p.text.splitlines() if " " in line.strip() for w in line.split())

    def column(self, passage: str, noun: str) -> bool:
        """Whether the section of the passage (IRI) heads a column with ``noun`` ("序号 名称 部门"):
        what that column holds is what the section calls ``noun``, whatever its kind.

        >>> parts = ReportParts([PassageDoc("a", "附录 6\\n序号 名称 部门", "附录 6", 1),
        ...                      PassageDoc("b", "5 X Standardization", "附录 6", 1)])
        >>> parts.column("b", "部门"), parts.column("b", "机构")
        (True, False)
        """
        return noun in self._heads.get(self._sections.get(passage, ""), ())

    def contains(self, passage: str, part: str) -> bool:
        """Whether the passage (IRI) is in ``part``: a section path prefix, or "表 N".

        >>> parts = ReportParts([PassageDoc("a", "表 3 企业", "六、 / 2", 1), PassageDoc("b", "附录 7", "附录 7", 1)])
        >>> parts.contains("a", "表 3"), parts.contains("a", "六、"), parts.contains("b", "六、")
        (True, True, False)
        """
        section = self._sections.get(passage)
        if section is None:
            return False
        if part.startswith("表 "):
            return passage in self._tables.get(part, frozenset())
        return section.startswith(part)
