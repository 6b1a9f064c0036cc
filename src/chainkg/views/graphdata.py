"""The graph read once for the analyst views: facts per entity with the passages stating them.

A ``Sheet`` holds what the report passages say about one entity, grouped by property; each
value keeps the ids of the passages (``p0123``) whose named graphs state it. ``GraphData``
reads sheets class by class, zh/en labels and class members, each once per instance.

>>> import pyoxigraph as ox
>>> from chainkg.store import OxigraphStore
>>> from chainkg.vocab import CKO, ID_BASE
>>> store = OxigraphStore.in_memory()
>>> s, g = ox.NamedNode(ID_BASE + "company/a"), ox.NamedNode(ID_BASE + "passage/p0007")
>>> store.add_quads([ox.Quad(s, ox.NamedNode(RDF_TYPE), ox.NamedNode(str(CKO.Company)), g),
...                  ox.Quad(s, ox.NamedNode(str(CKO.foundingDate)), ox.Literal("2016"), g)])
>>> sheet = GraphData(store).sheets(str(CKO.Company))[s.value]
>>> [(v.value, v.passages) for v in sheet.values(str(CKO.foundingDate))]
[('2016', ('p0007',))]
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pyoxigraph as ox

from chainkg.store.base import GraphStore
from chainkg.vocab import PASSAGE_BASE

__all__ = ["PASSAGE_BASE", "RDF_TYPE", "GraphData", "Memo", "Sheet", "Stated", "Value", "passage_id", "python_value"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_DECIMALS = {_XSD + t for t in ("decimal", "double", "float")}

# ?class is projected because Oxigraph binds only projected variables
_FACTS = f"""SELECT ?class ?s ?p ?o ?g WHERE {{ ?s a ?class . GRAPH ?g {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{PASSAGE_BASE}")) }}"""
_MEMBERS = "SELECT DISTINCT ?class ?s WHERE { ?s a ?class }"
_LABELS = "SELECT DISTINCT ?x ?l WHERE { ?x skos:prefLabel ?l }"
_PARTS = "SELECT DISTINCT ?x ?whole WHERE { ?x cko:partOfPlace ?whole }"

Value = str | int | float | bool
T = TypeVar("T")


def passage_id(graph_iri: str) -> str:
    """``…/id/passage/p0123`` → ``p0123``."""
    return graph_iri[len(PASSAGE_BASE):]


def python_value(term: Any) -> Value:
    """A literal as a Python number, bool or string; an IRI as its string."""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _DECIMALS:
                return float(term.value)
        except ValueError:
            return str(term.value)
        if datatype == _XSD + "boolean":
            return term.value == "true"
    return str(term.value)


@dataclass(frozen=True, slots=True)
class Stated:
    """One value (an IRI is a string with ``is_iri``) and the passages that state it."""

    value: Value
    passages: tuple[str, ...]
    is_iri: bool = False


@dataclass(slots=True)
class Sheet:
    """Facts stated about one entity, by property IRI; each value with its passages."""

    iri: str
    facts: dict[str, dict[tuple[Value, bool], set[str]]] = field(default_factory=dict)

    def add(self, predicate: str, term: Any, passage: str) -> None:
        key = (python_value(term), isinstance(term, ox.NamedNode))
        self.facts.setdefault(predicate, {}).setdefault(key, set()).add(passage)

    def values(self, predicate: str) -> list[Stated]:
        """Distinct values of the property, in the order the report first states them."""
        stated = [Stated(value, tuple(sorted(ps)), is_iri)  # str(): rdflib URIRefs never equal a str
                  for (value, is_iri), ps in self.facts.get(str(predicate), {}).items()]
        return sorted(stated, key=lambda s: (s.passages[0], str(s.value)))

    def first(self, predicate: str) -> Stated | None:
        values = self.values(predicate)
        return values[0] if values else None

    def passages(self) -> tuple[str, ...]:
        """Every passage stating something about the entity."""
        return tuple(sorted({p for by_value in self.facts.values() for ps in by_value.values() for p in ps}))


class Memo:
    """Results computed once per key, safely from several request threads.

    One lock per key: a slow computation blocks only callers of the same key. Computations
    may ask for others (rows → sheets → labels) but never in a cycle, so no deadlock.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[tuple[str, ...], threading.Lock] = {}
        self._results: dict[tuple[str, ...], Any] = {}

    def once(self, key: tuple[str, ...], compute: Callable[[], T]) -> T:
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._results:
                self._results[key] = compute()
            result: T = self._results[key]
            return result


class GraphData:
    """Reads of one store, each done once: sheets by class, members, labels, containment."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._memo = Memo()

    def _once(self, key: tuple[str, ...], compute: Callable[[], T]) -> T:
        return self._memo.once(key, compute)

    def sheets(self, cls: str) -> dict[str, Sheet]:
        """Every member of the class (inferred types count) with its facts from passage graphs."""
        return self._once(("sheets", str(cls)), lambda: self._read_sheets(str(cls)))

    def _read_sheets(self, cls: str) -> dict[str, Sheet]:
        sheets = {iri: Sheet(iri) for iri in self.members(cls)}
        rows = self._store.query(_FACTS, bindings={"class": ox.NamedNode(cls)})
        for row in rows:
            sheets[row["s"].value].add(row["p"].value, row["o"], passage_id(row["g"].value))
        return dict(sorted(sheets.items()))

    def members(self, cls: str) -> set[str]:
        def read() -> set[str]:
            rows = self._store.query(_MEMBERS, bindings={"class": ox.NamedNode(cls)})
            return {r["s"].value for r in rows if isinstance(r["s"], ox.NamedNode)}
        return self._once(("members", str(cls)), read)

    def _labels(self) -> dict[tuple[str, str], str]:
        def read() -> dict[tuple[str, str], str]:
            labels: dict[tuple[str, str], str] = {}
            for row in self._store.query(_LABELS):
                term = row["l"]
                key = (row["x"].value, term.language or "" if isinstance(term, ox.Literal) else "")
                labels[key] = min(labels.get(key, term.value), term.value)  # deterministic on ties
            return labels
        return self._once(("labels",), read)

    def label(self, iri: str, lang: str = "zh") -> str:
        """The preferred label in ``lang``, else in the other language, else the IRI's last segment."""
        labels = self._labels()
        for key in (lang, "zh", "en", ""):
            if (iri, key) in labels:
                return labels[(iri, key)]
        return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def wholes(self, iri: str) -> set[str]:
        """The places containing ``iri`` (transitively, as materialised at build time)."""
        def read() -> dict[str, set[str]]:
            parts: dict[str, set[str]] = defaultdict(set)
            for row in self._store.query(_PARTS):
                parts[row["x"].value].add(row["whole"].value)
            return dict(parts)
        return set(self._once(("parts",), read).get(iri, set()))

    def incoming(self, cls: str, predicate: str) -> dict[str, list[tuple[Sheet, tuple[str, ...]]]]:
        """Members of ``cls`` by the IRI their ``predicate`` points to, with the link's passages."""
        def index() -> dict[str, list[tuple[Sheet, tuple[str, ...]]]]:
            out: dict[str, list[tuple[Sheet, tuple[str, ...]]]] = defaultdict(list)
            for sheet in self.sheets(cls).values():
                for target in sheet.values(predicate):
                    out[str(target.value)].append((sheet, target.passages))
            return dict(out)
        return self._once(("incoming", str(cls), str(predicate)), index)

