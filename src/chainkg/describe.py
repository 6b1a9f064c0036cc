"""Resolve an IRI or a label to an entity and collect what the graph says about it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pyoxigraph as ox

from chainkg.store.base import GraphStore
from chainkg.vocab import CORPUS_GRAPH, ID_BASE, INFERRED_GRAPH

_BY_LABEL = """SELECT DISTINCT ?s ?name WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
  ?s ?p ?l . FILTER(LCASE(STR(?l)) = ?name) } ORDER BY ?s LIMIT 20"""
_OUT = f"""SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(?g != <{INFERRED_GRAPH}>) }} ORDER BY ?p ?o"""
_IN = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?s)) } ORDER BY ?p ?s LIMIT 200"
_PASSAGE = f"""SELECT ?g ?text ?section ?page WHERE {{ GRAPH <{CORPUS_GRAPH}> {{
  ?g cko:text ?text . OPTIONAL {{ ?g cko:sectionPath ?section }} OPTIONAL {{ ?g cko:page ?page }} }} }}"""


@dataclass(frozen=True, slots=True)
class Statement:
    predicate: str
    value: str
    is_iri: bool
    graph: str | None


@dataclass(frozen=True, slots=True)
class Description:
    iri: str
    outgoing: list[Statement]
    incoming: list[tuple[str, str]]


def normalise_name(text: str) -> str:
    """Fold a name for exact matching: NFKC, lower case, trimmed."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def resolve(store: GraphStore, name_or_iri: str) -> list[str]:
    """IRIs matching an IRI, a ``kind/slug`` id, or a label/alias (exact, case-folded)."""
    text = name_or_iri.strip()
    if text.startswith(("http://", "https://")):
        return [text]
    if "/" in text and text.isascii() and " " not in text:
        candidate = ID_BASE + text
        if bool(store.query("ASK { ?s ?p ?o }", bindings={"s": ox.NamedNode(candidate)})):
            return [candidate]
    rows = store.query(_BY_LABEL, bindings={"name": ox.Literal(normalise_name(text))})
    return [r["s"].value for r in rows]


def describe(store: GraphStore, iri: str) -> Description:
    """Outgoing statements with the graph that holds each, and incoming links."""
    node = ox.NamedNode(iri)
    out = [
        Statement(r["p"].value, r["o"].value, isinstance(r["o"], ox.NamedNode),
                  r["g"].value if r["g"] is not None else None)
        for r in store.query(_OUT, bindings={"s": node}, union=False)
    ]
    incoming = [(r["s"].value, r["p"].value) for r in store.query(_IN, bindings={"o": node})]
    return Description(iri, out, incoming)


def passage_of(store: GraphStore, graph_iri: str) -> tuple[str, str, int | None] | None:
    """Text, section path and page of the passage a named graph stands for."""
    for r in store.query(_PASSAGE, bindings={"g": ox.NamedNode(graph_iri)}, union=False):
        page = int(r["page"].value) if r["page"] is not None else None
        section = r["section"].value if r["section"] is not None else ""
        return r["text"].value, section, page
    return None
