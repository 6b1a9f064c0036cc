"""Counts over a built store: triples, entities per class, graphs, provenance coverage."""

from __future__ import annotations

from typing import Any

from chainkg.store.base import GraphStore
from chainkg.vocab import CKO, CORPUS_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH

_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
_CLASSES = """SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c .
  FILTER(STRSTARTS(STR(?c), STR(cko:))) } GROUP BY ?c"""
_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
#: data triples outside every passage graph (and outside ontology, corpus, inferred graphs)
_UNPROVEN = f"""SELECT (COUNT(*) AS ?n) WHERE {{
  {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }}
    FILTER(?g NOT IN (<{ONTOLOGY_GRAPH}>, <{INFERRED_GRAPH}>, <{CORPUS_GRAPH}>))
    FILTER NOT EXISTS {{ GRAPH <{CORPUS_GRAPH}> {{ ?g a cko:Passage }} }} }} }}"""
_FACTS = f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  GRAPH <{CORPUS_GRAPH}> {{ ?g a cko:Passage }} }}"""


def _count(store: GraphStore, query: str, *, union: bool = True) -> int:
    for row in store.query(query, union=union):
        return int(row["n"].value)
    return 0


def graph_stats(store: GraphStore) -> dict[str, Any]:
    """The numbers ``chainkg stats`` prints."""
    classes = {
        row["c"].value[len(str(CKO)):]: int(row["n"].value)
        for row in store.query(_CLASSES)
    }
    return {
        "triples": _count(store, _TRIPLES),
        "quads": len(store),
        "classes": dict(sorted(classes.items())),
        "named_graphs": len(store.named_graphs()),
        "facts_with_provenance": _count(store, _FACTS, union=False),
        "facts_without_provenance": _count(store, _UNPROVEN, union=False),
    }
