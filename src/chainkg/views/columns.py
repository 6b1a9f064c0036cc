"""Columns of the browse tables: where a cell's values come from and how they are reduced.

A ``Path`` walks from an entity's ``Sheet`` to values (its own properties, entities linking to
it, values one hop further); every value keeps the passages stating each fact on the way.
A ``Column`` names the path, its type and how several values become a cell: all of them (a
list), one text (distinct values joined, so a contradiction stays visible), or a number
(count, sum, minimum, maximum).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from chainkg.views.graphdata import GraphData, Sheet, Stated, Value

__all__ = ["Cell", "Column", "ColumnType", "Path", "Reduce", "inc", "label", "out", "then", "years"]

ColumnType = Literal["text", "number", "date", "iri"]
Reduce = Literal["all", "one", "count", "sum", "min", "max"]
Path = Callable[[Sheet, GraphData], list[Stated]]
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
_NUMERIC: dict[str, Callable[[list[float]], float]] = {"sum": sum, "min": min, "max": max}
#: distinct values of a single-valued text cell (the report says two things): both are shown
ALTERNATIVES = " / "


def out(*predicates: str) -> Path:
    """Values of the entity's own properties, in report order."""
    def path(sheet: Sheet, data: GraphData) -> list[Stated]:
        return [v for p in predicates for v in sheet.values(p)]
    return path


def inc(cls: str, predicate: str) -> Path:
    """Members of ``cls`` whose ``predicate`` points at the entity."""
    def path(sheet: Sheet, data: GraphData) -> list[Stated]:
        return [Stated(s.iri, ps, True) for s, ps in data.incoming(cls, predicate).get(sheet.iri, [])]
    return path


def then(first: Path, cls: str, second: Path) -> Path:
    """Follow ``first`` to members of ``cls``, then ``second`` from each (passages of both hops)."""
    def path(sheet: Sheet, data: GraphData) -> list[Stated]:
        sheets, found = data.sheets(cls), []
        for link in first(sheet, data):
            target = sheets.get(str(link.value))
            for value in second(target, data) if target else []:
                found.append(Stated(value.value, _merge(link.passages, value.passages), value.is_iri))
        return found
    return path


def label(lang: str) -> Path:
    """The entity's preferred label in ``lang``, stated where its labels are."""
    def path(sheet: Sheet, data: GraphData) -> list[Stated]:
        passages = _merge(*(v.passages for v in sheet.values(SKOS_PREF)))
        return [Stated(data.label(sheet.iri, lang), passages)]
    return path


def years(inner: Path) -> Path:
    """The year (an int) of each ISO date value (``2017``, ``2017-08``, ``2016-08-31``)."""
    def path(sheet: Sheet, data: GraphData) -> list[Stated]:
        return [Stated(int(str(v.value)[:4]), v.passages) for v in inner(sheet, data)
                if str(v.value)[:4].isdigit()]
    return path


def _merge(*groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({p for group in groups for p in group}))


@dataclass(frozen=True, slots=True)
class Cell:
    """What a row shows in one column: a value (or a list), its passages and linked IRIs."""

    value: Value | list[Value] | None
    passages: tuple[str, ...]
    links: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label_zh: str
    label_en: str
    type: ColumnType
    path: Path
    reduce: Reduce = "one"
    #: numbers are divided by this (yuan → 万元: 10000)
    scale: float = 1

    @property
    def multi(self) -> bool:
        return self.reduce == "all"

    def cell(self, sheet: Sheet, data: GraphData) -> Cell:
        stated = self.path(sheet, data)
        if self.reduce != "sum":  # equal amounts of two rounds both count; a listed name shows once
            stated = _distinct(stated)
        passages = _merge(*(s.passages for s in stated))
        links = tuple(str(s.value) for s in stated if s.is_iri)
        return Cell(self._reduce([_shown(s, data) for s in stated]), passages, links)

    def _reduce(self, values: list[Value]) -> Value | list[Value] | None:
        if self.reduce == "all":
            return values
        if self.reduce == "count":
            return len(values)
        numbers = [v / self.scale if self.scale != 1 else v for v in values
                   if isinstance(v, int | float) and not isinstance(v, bool)]
        if self.reduce in _NUMERIC:
            return _tidy(_NUMERIC[self.reduce](numbers)) if numbers else None
        return ALTERNATIVES.join(str(v) for v in values) if values else None


def _distinct(stated: list[Stated]) -> list[Stated]:
    """Each distinct value once, its passages merged, in first-stated order."""
    merged: dict[tuple[Value, bool], Stated] = {}
    for s in stated:
        key = (s.value, s.is_iri)
        old = merged.get(key)
        merged[key] = Stated(s.value, _merge(old.passages, s.passages) if old else s.passages, s.is_iri)
    return list(merged.values())


def _shown(stated: Stated, data: GraphData) -> Value:
    if stated.is_iri:
        return data.label(str(stated.value), "zh")
    if isinstance(stated.value, bool):
        return "是" if stated.value else "否"
    return stated.value


def _tidy(number: float) -> Value:
    """Integral numbers as ints (JSON ``1750`` rather than ``1750.0``)."""
    return int(number) if float(number).is_integer() else round(number, 4)
