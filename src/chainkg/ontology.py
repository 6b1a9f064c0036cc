"""Load the ontology (``ontology/*.ttl`` except the SHACL shapes) and list its terms."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from chainkg.vocab import CKO

SHAPES_FILE = "shapes.ttl"


def ontology_files(directory: Path) -> list[Path]:
    """The ontology's Turtle files: ``chainkg.ttl`` first, then any modules, sorted."""
    files = sorted(p for p in directory.glob("*.ttl") if p.name != SHAPES_FILE)
    return sorted(files, key=lambda p: p.name != "chainkg.ttl")


def load_ontology(directory: Path) -> Graph:
    """Parse every ontology file into one graph."""
    graph = Graph()
    for path in ontology_files(directory):
        graph.parse(path, format="turtle")
    return graph


@dataclass(frozen=True, slots=True)
class Terms:
    """The local names of the ontology's classes and properties."""

    classes: frozenset[str]
    object_properties: frozenset[str]
    datatype_properties: frozenset[str]

    @property
    def properties(self) -> frozenset[str]:
        return self.object_properties | self.datatype_properties


def _local(term: object) -> str | None:
    if isinstance(term, URIRef) and str(term).startswith(str(CKO)):
        return str(term)[len(str(CKO)):]
    return None


def terms_of(graph: Graph) -> Terms:
    """Collect the cko: classes, object properties and datatype properties of ``graph``."""

    def names(kind: URIRef) -> frozenset[str]:
        return frozenset(n for s in graph.subjects(RDF.type, kind) if (n := _local(s)))

    return Terms(names(OWL.Class), names(OWL.ObjectProperty), names(OWL.DatatypeProperty))
