"""Protocol-level query service: query kind, read-only and no-network guards, serialisation.

The guards look at the query with its strings, IRIs and comments blanked out, so a
keyword inside a literal (``"DROP"``) is not mistaken for an operation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

import pyoxigraph as ox

from chainkg.errors import QueryError, UpdateRefusedError
from chainkg.store.base import GraphStore

_LEXICAL_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r"|<[^<>\"{}|^`\\\s]*>" r"|#[^\n]*",
)
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*|BASE\s+)\s*)", re.IGNORECASE)
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_FIRST = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


class QueryKind(Enum):
    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"

    @property
    def is_graph(self) -> bool:
        return self in (QueryKind.CONSTRUCT, QueryKind.DESCRIBE)


def blank_lexical(query: str) -> str:
    """The query with strings, IRIs and comments replaced by spaces (same length).

    >>> blank_lexical('SELECT * { ?s ?p "DROP" }')
    'SELECT * { ?s ?p        }'
    """
    return _LEXICAL_NOISE.sub(lambda m: " " * len(m.group(0)), query)


def query_kind(query: str) -> QueryKind:
    """The form of a read query; raises UpdateRefusedError for updates and SERVICE.

    >>> query_kind("PREFIX ex: <http://e/> ASK { ?s ?p ?o }")
    <QueryKind.ASK: 'ASK'>
    """
    code = blank_lexical(query)
    if _SERVICE.search(code):
        raise UpdateRefusedError(
            "SERVICE is not allowed: ChainKG never makes outbound requests from a query")
    first = _FIRST.search(code)
    update = _UPDATE.search(code)
    if update and (first is None or update.start() < first.start()):
        raise UpdateRefusedError(
            f"this endpoint is read-only: {update.group(1).upper()} is a SPARQL Update operation")
    if first is None:
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return QueryKind(first.group(1).upper())


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A query's result with its kind, ready for serialisation."""

    kind: QueryKind
    raw: Any

    def serialize(self, fmt: ox.QueryResultsFormat | ox.RdfFormat) -> bytes:
        out = self.raw.serialize(format=fmt)
        return bytes(out) if out is not None else b""


def run_query(store: GraphStore, query: str) -> QueryResult:
    """Check and run a read-only query against the union of all graphs."""
    kind = query_kind(query)
    return QueryResult(kind, store.query(query))


def to_table(result: QueryResult) -> list[list[str]]:
    """Header row plus one row per solution, terms shown as in SPARQL (IRIs bare)."""
    if result.kind is QueryKind.ASK:
        return [["result"], [str(bool(result.raw)).lower()]]
    if result.kind.is_graph:
        rows = [["subject", "predicate", "object"]]
        rows.extend([_show(t.subject), _show(t.predicate), _show(t.object)] for t in result.raw)
        return rows
    names = [v.value for v in result.raw.variables]
    rows = [names]
    for sol in result.raw:
        rows.append([_show(sol[n]) if sol[n] is not None else "" for n in names])
    return rows


def _show(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)
