"""Stats over tiny fixture stores: provenance is counted, not assumed."""

from __future__ import annotations

import pyoxigraph as ox

from chainkg.stats import graph_stats
from chainkg.store import OxigraphStore
from chainkg.vocab import CKO, CORPUS_GRAPH

EX = "https://w3id.org/chainkg/id/"


def _store(*extra: ox.Quad) -> OxigraphStore:
    store = OxigraphStore.in_memory()
    passage = ox.NamedNode(EX + "passage/p0001")
    fact = ox.Quad(ox.NamedNode(EX + "company/a"), ox.NamedNode(str(CKO.partnerOf)),
                   ox.NamedNode(EX + "company/b"), passage)
    typed = ox.Quad(passage, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode(str(CKO.Passage)), ox.NamedNode(str(CORPUS_GRAPH)))
    store.add_quads([fact, typed, *extra])
    return store


def test_facts_in_passage_graphs_have_provenance() -> None:
    stats = graph_stats(_store())
    assert (stats["facts_with_provenance"], stats["facts_without_provenance"]) == (1, 0)


def test_stray_triples_are_counted() -> None:
    s, p, o = (ox.NamedNode(EX + "company/a"), ox.NamedNode(str(CKO.business)), ox.Literal("x"))
    in_default = ox.Quad(s, p, o, ox.DefaultGraph())
    in_other_graph = ox.Quad(s, p, ox.Literal("y"), ox.NamedNode("urn:somewhere"))
    stats = graph_stats(_store(in_default, in_other_graph))
    assert stats["facts_without_provenance"] == 2
