"""Protocol-level query service: guards, dataset, query form, row cap, serialisation.

A request is checked in the caller (``check_query``: never an update, never SERVICE) and
run by ``execute`` against a pyoxigraph store — in ChainKG's server inside a worker process
(``query_worker``) so that a timeout can stop it. The query form comes from the result
pyoxigraph returns, not from reading the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

import pyoxigraph as ox

from chainkg.errors import QueryError, QuerySyntaxError, UpdateRefusedError
from chainkg.results import write_boolean, write_solutions, write_triples
from chainkg.sparql_lexer import QueryShape, analyse
from chainkg.sparql_syntax import query_syntax_error, refuse_update
from chainkg.store.base import GraphStore
from chainkg.vocab import PREFIXES

__all__ = ["Dataset", "QueryJob", "QueryKind", "QueryOutcome", "QueryResult", "check_query",
           "execute", "run_query", "to_table"]


class QueryKind(Enum):
    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"

    @property
    def is_graph(self) -> bool:
        return self in (QueryKind.CONSTRUCT, QueryKind.DESCRIBE)

    @classmethod
    def of(cls, raw: Any, shape: QueryShape) -> QueryKind:
        """The form of a pyoxigraph result (the text only tells CONSTRUCT from DESCRIBE)."""
        if isinstance(raw, ox.QuerySolutions):
            return cls.SELECT
        if isinstance(raw, ox.QueryBoolean):
            return cls.ASK
        return cls.DESCRIBE if shape.form == "DESCRIBE" else cls.CONSTRUCT


def check_query(query: str) -> QueryShape:
    """Refuse updates (400 if malformed) and SERVICE before anything runs; return the shape.

    >>> check_query("SELECT ?service { ?s ?p ?service }").form
    'SELECT'
    >>> check_query("CLEAR ALL")
    Traceback (most recent call last):
    chainkg.errors.UpdateRefusedError: this endpoint is read-only: CLEAR is a SPARQL Update operation
    """
    shape = analyse(query)
    if shape.is_update:
        refuse_update(query)
    if shape.service_at is not None:
        raise UpdateRefusedError(f"SERVICE (at character {shape.service_at}) is not allowed: "
                                 "ChainKG never makes outbound requests from a query")
    return shape


@dataclass(frozen=True, slots=True)
class Dataset:
    """The RDF dataset of a request (protocol ``default-graph-uri`` / ``named-graph-uri``).

    When neither is given the query's own FROM / FROM NAMED apply, and without those the
    default graph is the union of all graphs. FROM never fetches anything: graph names
    only select graphs of the local store.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def is_given(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)

    def options(self, shape: QueryShape) -> dict[str, Any]:
        if self.is_given:
            return {"default_graph": [ox.NamedNode(g) for g in self.default_graphs],
                    "named_graphs": [ox.NamedNode(g) for g in self.named_graphs]}
        return {"use_default_graph_as_union": not shape.has_dataset}


@dataclass(frozen=True, slots=True)
class QueryJob:
    """One protocol request, picklable for a worker process.

    ``result_media``/``graph_media`` are the negotiated types for a SELECT/ASK and for a
    CONSTRUCT/DESCRIBE answer (None: the client accepts none of them). ``is_update``: the
    text came as a SPARQL Update (``update=``, ``application/sparql-update``) and is only
    judged — malformed or refused — never run.
    """

    query: str
    dataset: Dataset
    base_iri: str | None
    result_media: str | None
    graph_media: str | None
    max_rows: int
    is_update: bool = False


@dataclass(frozen=True, slots=True)
class QueryOutcome:
    kind: QueryKind
    media_type: str | None
    body: bytes
    rows: int
    truncated: bool


def _run(store: ox.Store, query: str, shape: QueryShape, **options: Any) -> Any:
    try:
        return store.query(query, prefixes=PREFIXES, **options)
    except SyntaxError as exc:
        raise query_syntax_error(query, str(exc)) from exc
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise QueryError(f"the query could not be evaluated: {exc}") from exc


def _take(iterator: Any, limit: int) -> tuple[list[Any], bool]:
    taken: list[Any] = []
    try:
        for item in iterator:
            if len(taken) == limit:
                return taken, True
            taken.append(item)
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise QueryError(f"the query failed while producing results: {exc}") from exc
    return taken, False


def execute(store: ox.Store, job: QueryJob) -> QueryOutcome:
    """Check, run and serialise ``job``; at most ``job.max_rows`` rows or triples."""
    if job.is_update:
        refuse_update(job.query)
    shape = check_query(job.query)
    raw = _run(store, job.query, shape, base_iri=job.base_iri, **job.dataset.options(shape))
    kind = QueryKind.of(raw, shape)
    media = job.graph_media if kind.is_graph else job.result_media
    if media is None:
        return QueryOutcome(kind, None, b"", 0, False)
    if kind is QueryKind.ASK:
        return QueryOutcome(kind, media, write_boolean(bool(raw), media), 1, False)
    if kind.is_graph:
        triples, truncated = _take(raw, job.max_rows)
        return QueryOutcome(kind, media, write_triples(triples, media), len(triples), truncated)
    names = [v.value for v in raw.variables]
    solutions, truncated = _take(raw, job.max_rows)
    rows = [[s[n] for n in names] for s in solutions]
    return QueryOutcome(kind, media, write_solutions(names, rows, media), len(rows), truncated)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A query's pyoxigraph result with its form (the command line's view)."""

    kind: QueryKind
    raw: Any

    def serialize(self, fmt: ox.QueryResultsFormat | ox.RdfFormat) -> bytes:
        if isinstance(fmt, ox.RdfFormat) and fmt.supports_datasets:
            quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in self.raw]
            return bytes(ox.serialize(quads, format=fmt) or b"")
        out = self.raw.serialize(format=fmt)
        return bytes(out) if out is not None else b""


def run_query(store: GraphStore, query: str) -> QueryResult:
    """Check and run a read-only query in this process (no timeout: the command line).

    Without FROM the default graph is the union of all graphs.
    """
    shape = check_query(query)
    try:
        raw = store.query(query, union=not shape.has_dataset)
    except QuerySyntaxError as exc:
        raise query_syntax_error(query, str(exc)) from exc
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the query could not be evaluated: {exc}") from exc
    return QueryResult(QueryKind.of(raw, shape), raw)


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
    if isinstance(term, ox.NamedNode | ox.Literal):
        return str(term.value)
    return str(term)
