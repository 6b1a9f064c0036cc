"""The neighbourhood of a resource, for its page: the entities linked to it in either direction,
laid out on a circle around it (coordinates for an SVG picture), and related entities — those
sharing the most linked entities with it, each shared entity weighted by how rare it is.

Only entities count as neighbours: passages (provenance) and ontology terms (classes,
properties) are left out, or every company would be related through ``cko:Company``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyoxigraph as ox

from chainkg.linked_data import ResourceView
from chainkg.store.base import GraphStore
from chainkg.vocab import ID_BASE, PASSAGE_BASE

__all__ = ["Neighbour", "Neighbourhood", "Related", "neighbourhood", "related_entities"]

_RELATED = f"""SELECT ?s ?other ?n ?degree WHERE {{
  {{ SELECT ?s ?n (COUNT(DISTINCT ?x) AS ?degree) WHERE {{
      {{ ?s ?p ?n }} UNION {{ ?n ?p ?s }}
      FILTER(isIRI(?n) && ?n != ?s && STRSTARTS(STR(?n), "{ID_BASE}") && !STRSTARTS(STR(?n), "{PASSAGE_BASE}"))
      {{ ?x ?q ?n }} UNION {{ ?n ?q ?x }}
      FILTER(isIRI(?x) && STRSTARTS(STR(?x), "{ID_BASE}") && !STRSTARTS(STR(?x), "{PASSAGE_BASE}"))
  }} GROUP BY ?s ?n }}
  {{ ?other ?r ?n }} UNION {{ ?n ?r ?other }}
  FILTER(isIRI(?other) && ?other != ?s && STRSTARTS(STR(?other), "{ID_BASE}")
         && !STRSTARTS(STR(?other), "{PASSAGE_BASE}"))
}}"""
_LABELS = """SELECT ?x ?l WHERE { VALUES ?x { %s } ?x skos:prefLabel|rdfs:label ?l }"""


def is_entity(iri: str | None) -> bool:
    """True for an entity of the graph (not a passage, not an ontology term)."""
    return iri is not None and iri.startswith(ID_BASE) and not iri.startswith(PASSAGE_BASE)


@dataclass(frozen=True, slots=True)
class Neighbour:
    """One linked entity at (x, y), with the properties linking it (labels) and their direction."""

    iri: str
    label: str
    properties: tuple[str, ...]
    outgoing: bool
    x: float
    y: float
    anchor: str


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    width: int
    height: int
    cx: float
    cy: float
    label: str
    nodes: tuple[Neighbour, ...]
    omitted: int


@dataclass(frozen=True, slots=True)
class Related:
    iri: str
    label: str
    shared: int


def _links(view: ResourceView, lang: str) -> dict[str, tuple[str, list[str], bool]]:
    """Neighbour IRI → (label, property labels, outgoing?) in the order of the view."""
    links: dict[str, tuple[str, list[str], bool]] = {}
    for groups, outgoing in ((view.outgoing, True), (view.incoming, False)):
        for group in groups:
            name = group.label_zh if lang == "zh" else group.label_en
            for fact in group.facts:
                if fact.iri is None or not is_entity(fact.iri) or fact.iri == view.iri:
                    continue
                names = links.setdefault(fact.iri, (fact.label or fact.value, [], outgoing))[1]
                if name not in names:
                    names.append(name)
    return links


def neighbourhood(view: ResourceView, *, lang: str = "zh", limit: int = 16) -> Neighbourhood:
    """The first ``limit`` linked entities of ``view`` placed evenly on a circle around it."""
    width, height, radius = 640, 400, 140.0
    cx, cy = width / 2, height / 2
    links = list(_links(view, lang).items())
    shown = links[:limit]
    nodes = []
    for i, (iri, (label, names, outgoing)) in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(shown), 1)
        cos = math.cos(angle)
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        nodes.append(Neighbour(iri, label, tuple(names), outgoing, round(cx + radius * cos, 1),
                               round(cy + radius * math.sin(angle), 1), anchor))
    return Neighbourhood(width, height, cx, cy, view.title, tuple(nodes), len(links) - len(shown))


def related_entities(store: GraphStore, iri: str, *, limit: int = 8) -> list[Related]:
    """Entities sharing linked entities with ``iri``, scored by the rarity of what they share."""
    scores: dict[str, float] = {}
    shared: dict[str, int] = {}
    for row in store.query(_RELATED, bindings={"s": ox.NamedNode(iri)}):
        other = row["other"].value
        scores[other] = scores.get(other, 0.0) + 1.0 / math.log(1.0 + float(row["degree"].value))
        shared[other] = shared.get(other, 0) + 1
    best = sorted(scores, key=lambda o: (-scores[o], o))[:limit]
    labels = _labels(store, best)
    return [Related(o, labels.get(o, o.rsplit("/", 1)[-1]), shared[o]) for o in best]


def _labels(store: GraphStore, iris: list[str]) -> dict[str, str]:
    if not iris:
        return {}
    # the IRIs come from the store itself, written as IRI terms: nothing user-typed is pasted
    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    found: dict[str, tuple[int, str]] = {}
    for row in store.query(_LABELS % values):
        term = row["l"]
        rank = {"zh": 0, "": 1, "en": 2}.get(term.language or "", 3)
        key = row["x"].value
        if key not in found or rank < found[key][0]:
            found[key] = (rank, term.value)
    return {k: v for k, (_, v) in found.items()}
