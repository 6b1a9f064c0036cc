"""Describe one resource for linked-data publishing: a view for HTML and an RDF graph.

The view groups the resource's facts by property (zh and en labels of each property from
the ontology), lists incoming links, and numbers the report passages stating each fact,
with their section path and page. The RDF graph holds every triple with the resource as
subject or object (asserted and inferred), serialisable in any syntax rdflib writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from chainkg.describe import passage_of
from chainkg.errors import QueryError
from chainkg.store.base import GraphStore
from chainkg.vocab import ID_BASE, INFERRED_GRAPH, PREFIXES

__all__ = ["Fact", "PassageRef", "PropertyGroup", "ResourceView", "jsonld_context", "resource_graph",
           "resource_view", "to_rdflib"]

_OUT = """SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?p ?o ?g"""
_IN = """SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?s)) } ORDER BY ?p ?s LIMIT 500"""
_LABEL = """SELECT ?x ?l WHERE { { ?x rdfs:label ?l } UNION { ?x skos:prefLabel ?l } }"""
_LABEL_PROPS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel")


@dataclass(frozen=True, slots=True)
class PassageRef:
    number: int
    iri: str
    section: str
    page: int | None
    text: str


@dataclass(slots=True)
class Fact:
    value: str
    iri: str | None
    language: str | None
    label: str | None = None
    sources: list[int] = field(default_factory=list)
    inferred: bool = False


@dataclass(slots=True)
class PropertyGroup:
    iri: str
    label_zh: str
    label_en: str
    facts: list[Fact] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ResourceView:
    iri: str
    labels: dict[str, list[str]]
    outgoing: list[PropertyGroup]
    incoming: list[PropertyGroup]
    passages: list[PassageRef]

    @property
    def title(self) -> str:
        for lang in ("zh", "en", ""):
            if self.labels.get(lang):
                return self.labels[lang][0]
        return self.iri.rsplit("/", 1)[-1]


def _labels(store: GraphStore, iri: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in store.query(_LABEL, bindings={"x": ox.NamedNode(iri)}):
        term = row["l"]
        lang = term.language or "" if isinstance(term, ox.Literal) else ""
        if term.value not in out.setdefault(lang, []):
            out[lang].append(term.value)
    return out


class _Labeller:
    """zh/en labels of properties and linked resources, each looked up once."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._seen: dict[str, dict[str, list[str]]] = {}

    def labels(self, iri: str) -> dict[str, list[str]]:
        if iri not in self._seen:
            self._seen[iri] = _labels(self._store, iri)
        return self._seen[iri]

    def pick(self, iri: str, lang: str) -> str:
        labels = self.labels(iri)
        for key in (lang, "", "zh", "en"):
            if labels.get(key):
                return labels[key][0]
        return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def group(self, groups: dict[str, PropertyGroup], predicate: str) -> PropertyGroup:
        if predicate not in groups:
            groups[predicate] = PropertyGroup(predicate, self.pick(predicate, "zh"), self.pick(predicate, "en"))
        return groups[predicate]


def _fact(term: Any, labeller: _Labeller) -> Fact:
    if isinstance(term, ox.NamedNode):
        return Fact(term.value, term.value, None, labeller.pick(term.value, "zh"))
    if isinstance(term, ox.Literal):
        return Fact(term.value, None, term.language or None)
    return Fact(str(term), None, None)


def resource_view(store: GraphStore, iri: str) -> ResourceView | None:
    """What the graph says about ``iri``, or None when the graph does not mention it."""
    node = ox.NamedNode(iri)
    labeller = _Labeller(store)
    outgoing: dict[str, PropertyGroup] = {}
    facts: dict[tuple[str, str], Fact] = {}
    passages: dict[str, PassageRef] = {}
    for row in store.query(_OUT, bindings={"s": node}, union=False):
        predicate, graph = row["p"].value, row["g"].value
        key = (predicate, str(row["o"]))
        if key not in facts:
            facts[key] = _fact(row["o"], labeller)
            facts[key].inferred = True
            labeller.group(outgoing, predicate).facts.append(facts[key])
        if graph == str(INFERRED_GRAPH):
            continue
        facts[key].inferred = False
        if graph not in passages:
            found = passage_of(store, graph)
            if found is None:
                continue
            passages[graph] = PassageRef(len(passages) + 1, graph, found[1], found[2], found[0])
        facts[key].sources.append(passages[graph].number)
    incoming: dict[str, PropertyGroup] = {}
    for row in store.query(_IN, bindings={"o": node}):
        labeller.group(incoming, row["p"].value).facts.append(_fact(row["s"], labeller))
    if not outgoing and not incoming:
        return None
    for group in outgoing.values():
        group.facts = [f for f in group.facts if not (f.inferred and group.iri in _LABEL_PROPS)]
    return ResourceView(iri, labeller.labels(iri), list(outgoing.values()), list(incoming.values()),
                        sorted(passages.values(), key=lambda p: p.number))


def to_rdflib(term: Any) -> Any:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    from rdflib import BNode

    return BNode(term.value)


def _bind(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def resource_graph(store: GraphStore, iri: str) -> Graph:
    """Every triple with ``iri`` as subject or object (default graph = union of all graphs)."""
    query = "CONSTRUCT { ?s ?p ?o . ?x ?q ?s } WHERE { { ?s ?p ?o } UNION { ?x ?q ?s } }"
    try:
        triples: Iterable[ox.Triple] = store.query(query, bindings={"s": ox.NamedNode(iri)})
        graph = _bind(Graph())
        for t in triples:
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"cannot describe {iri}: {exc}") from exc
    return graph


def jsonld_context() -> dict[str, Any]:
    """The published JSON-LD context: ChainKG's prefixes plus ``@base`` for entity ids.

    >>> jsonld_context()["@context"]["cko"]
    'https://w3id.org/chainkg/ontology#'
    """
    return {"@context": {"@base": ID_BASE, **PREFIXES}}
