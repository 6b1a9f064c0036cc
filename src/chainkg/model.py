"""Frozen values passed between the stages of the build and the query side."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

LiteralValue: TypeAlias = str | int | float | bool


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph-sized span of the report with its place in the document."""

    id: str
    seq: int
    text: str
    section: tuple[str, ...]
    page: int | None
    start: int
    end: int

    @property
    def section_path(self) -> str:
        return " / ".join(self.section)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an entry was written: file, 1-based line and field."""

    file: str
    line: int
    field: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" + (f" ({self.field})" if self.field else "")


@dataclass(frozen=True, slots=True)
class EntityDecl:
    """An entity as one data file declares it."""

    id: str
    types: tuple[str, ...]
    label_zh: str
    label_en: str
    aliases: tuple[str, ...]
    evidence: str
    source: SourceRef
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement about an entity, with the quote that states it.

    Exactly one of ``ref`` (another entity id) and ``value`` (a literal) is set.
    """

    subject: str
    predicate: str
    evidence: str
    source: SourceRef
    ref: str | None = None
    value: LiteralValue | None = None
    datatype: str | None = None
    lang: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class FactFile:
    """Everything one curated file (or one table parser) contributes."""

    path: str
    entities: tuple[EntityDecl, ...] = field(default_factory=tuple)
    facts: tuple[Fact, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a passage or an entity."""

    kind: str  # "passage" | "entity"
    iri: str
    label: str
    snippet: str
    score: float
    types: tuple[str, ...] = ()
    section: str | None = None
    page: int | None = None
