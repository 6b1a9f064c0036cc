"""Fact rows: every asserted fact with its evidence quote and passages, for the question answerer.

Built from the curated and parsed facts at build time (the quote is the best evidence of what a
fact means) and saved as JSON next to the search index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from chainkg.corpus.quotes import QuoteIndex
from chainkg.ingest.literals import to_literal
from chainkg.model import FactFile
from chainkg.vocab import ID_BASE


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact: subject and object IRIs (or a literal value), quote and passage ids."""

    subject: str
    predicate: str  # local name in cko:
    obj: str | None  # object IRI
    value: str | None  # literal lexical form
    datatype: str | None  # xsd local name for typed literals
    quote: str
    passages: tuple[str, ...]
    note: str | None = None

    @property
    def is_numeric(self) -> bool:
        return self.datatype in ("integer", "decimal")


def fact_rows(files: Iterable[FactFile], quotes: QuoteIndex) -> list[FactRow]:
    """Rows for every fact of ``files`` (facts whose quote is not found are skipped)."""
    rows: list[FactRow] = []
    for f in files:
        for fact in f.facts:
            passages = quotes.find(fact.evidence)
            if not passages:
                continue
            value = datatype = None
            if fact.ref is None and fact.value is not None:
                lit = to_literal(fact.value, fact.predicate, datatype=fact.datatype, lang=fact.lang)
                value = str(lit)
                datatype = str(lit.datatype).rsplit("#", 1)[-1] if lit.datatype else None
            rows.append(FactRow(ID_BASE + fact.subject, fact.predicate,
                                ID_BASE + fact.ref if fact.ref else None, value, datatype,
                                fact.evidence, passages, fact.note))
    return rows


def save_rows(rows: list[FactRow], path: Path) -> None:
    path.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False), encoding="utf-8")


def load_rows(path: Path) -> list[FactRow]:
    return [FactRow(**{**r, "passages": tuple(r["passages"])})
            for r in json.loads(path.read_text(encoding="utf-8"))]
