"""The entity page's neighbourhood picture and related entities."""

from __future__ import annotations

import math

from chainkg.linked_data import Fact, PropertyGroup, ResourceView, resource_view
from chainkg.neighbourhood import neighbourhood, related_entities
from chainkg.store.base import GraphStore
from chainkg.vocab import ID_BASE

QULIAN = ID_BASE + "company/qulian"


def _view(n: int) -> ResourceView:
    facts = [Fact(f"e{i}", f"{ID_BASE}thing/e{i}", None, f"实体{i}") for i in range(n)]
    facts += [Fact("p", ID_BASE + "passage/p0001", None, "段落"),
              Fact("c", "https://w3id.org/chainkg/ontology#Company", None, "企业")]
    out = PropertyGroup("https://example.org/p", "关联", "related to", facts)
    back = Fact("e0", f"{ID_BASE}thing/e0", None, "实体0")
    incoming = PropertyGroup("https://example.org/q", "属于", "part of", [back])
    return ResourceView(ID_BASE + "thing/centre", {"zh": ["中心"]}, [out], [incoming], [])


def test_neighbours_are_entities_on_a_circle_with_their_properties() -> None:
    graph = neighbourhood(_view(5), lang="en", limit=16)
    assert [n.label for n in graph.nodes] == [f"实体{i}" for i in range(5)]  # no passage, no class
    assert graph.nodes[0].properties == ("related to", "part of") and graph.nodes[0].outgoing
    radii = {round(math.hypot(n.x - graph.cx, n.y - graph.cy)) for n in graph.nodes}
    assert len(radii) == 1 and graph.omitted == 0
    assert graph.nodes[0].anchor == "middle" and graph.nodes[1].anchor == "start"


def test_a_crowded_neighbourhood_shows_the_first_and_counts_the_rest() -> None:
    graph = neighbourhood(_view(30), limit=16)
    assert len(graph.nodes) == 16 and graph.omitted == 14


def test_related_entities_of_a_company_share_its_neighbours(store: GraphStore) -> None:
    related = related_entities(store, QULIAN, limit=8)
    iris = [r.iri for r in related]
    assert QULIAN not in iris and not any("/passage/" in i for i in iris)
    assert any(i.startswith(ID_BASE + "company/") for i in iris)
    assert all(r.shared >= 1 and r.label for r in related)
    view = resource_view(store, QULIAN)
    assert view is not None and neighbourhood(view).nodes
