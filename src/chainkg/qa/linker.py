"""Entity linking: every label and alias of the graph found in the question, longest first."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from chainkg.search.documents import EntityDoc
from chainkg.text import normalise

#: names too generic to identify an entity on their own
_MIN_CJK, _MIN_ASCII = 2, 3
_SCHOOL_SUFFIX = re.compile(r"(大学|学院)$")
_ASCII_WORD = re.compile(r"^[a-z0-9][a-z0-9 .&/+-]*$")


@dataclass(frozen=True, slots=True)
class Link:
    """A span of the question naming one or more entities."""

    name: str
    start: int
    end: int
    iris: tuple[str, ...]


def _key(name: str) -> str:
    return normalise(name).lower()


class EntityLinker:
    """Finds entity names in normalised text; ambiguous names link to every entity they name."""

    def __init__(self, entities: list[EntityDoc], *, skip_types: frozenset[str] = frozenset()) -> None:
        names: dict[str, set[str]] = defaultdict(set)
        short: dict[str, set[str]] = defaultdict(set)
        for e in entities:
            if skip_types & set(e.types):
                continue
            for n in e.names:
                k = _key(n)
                ascii_name = bool(_ASCII_WORD.match(k))
                if len(k) >= (_MIN_ASCII if ascii_name else _MIN_CJK):
                    names[k].add(e.iri)
        # "剑桥" for 剑桥大学, "麻省理工" for 麻省理工学院: a school's name without its suffix,
        # unless that names something else (北京 for 北京大学)
        for e in entities:
            if "University" not in e.types:
                continue
            for n in e.names:
                stem = _SCHOOL_SUFFIX.sub("", _key(n))
                if stem != _key(n) and len(stem) >= 2 and not stem.isascii() and stem not in names:
                    short[stem].add(e.iri)
        for stem, iris in short.items():
            if len(iris) == 1:
                names[stem] |= iris
        self._names = {k: tuple(sorted(v)) for k, v in names.items()}
        self._max = max((len(k) for k in self._names), default=0)

    def names(self) -> list[str]:
        """Every (normalised) name the linker knows."""
        return list(self._names)

    def iris(self, name: str) -> tuple[str, ...]:
        """The entities a (normalised) name names."""
        return self._names.get(name, ())

    def link(self, text: str) -> list[Link]:
        """Non-overlapping names in ``text``, longest match first."""
        low = _key(text)
        found: list[Link] = []
        taken = [False] * len(low)
        for length in range(min(self._max, len(low)), 1, -1):
            for start in range(0, len(low) - length + 1):
                if any(taken[start:start + length]):
                    continue
                piece = low[start:start + length]
                iris = self._names.get(piece)
                if iris is None or not _bounded(low, start, start + length):
                    continue
                found.append(Link(piece, start, start + length, iris))
                for i in range(start, start + length):
                    taken[i] = True
        return sorted(found, key=lambda lk: lk.start)


def _bounded(text: str, start: int, end: int) -> bool:
    """ASCII names must not be part of a longer ASCII word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    inner_ascii = text[start].isascii() and text[start].isalnum()
    if inner_ascii and before.isascii() and before.isalnum():
        return False
    last_ascii = text[end - 1].isascii() and text[end - 1].isalnum()
    return not (last_ascii and after.isascii() and after.isalnum())
