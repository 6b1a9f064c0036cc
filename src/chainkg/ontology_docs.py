"""Bilingual documentation of ``ontology/chainkg.ttl``: classes and properties with their
zh and en labels, definitions, super-terms, domains and ranges.

>>> from pathlib import Path
>>> docs = ontology_docs(Path("ontology/chainkg.ttl"))
>>> any(t.local == "Company" and t.label_zh == "企业" for t in docs.classes)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from chainkg.errors import DataError
from chainkg.vocab import CKO, ONTOLOGY_IRI, PREFIXES

__all__ = ["OntologyDocs", "TermDoc", "ontology_docs"]


@dataclass(frozen=True, slots=True)
class TermDoc:
    iri: str
    local: str
    label_zh: str
    label_en: str
    definition_zh: str
    definition_en: str
    parents: tuple[str, ...]
    domain: tuple[str, ...]
    range: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OntologyDocs:
    iri: str
    title_zh: str
    title_en: str
    description: str
    license: str
    version: str
    classes: tuple[TermDoc, ...]
    object_properties: tuple[TermDoc, ...]
    datatype_properties: tuple[TermDoc, ...]
    graph: Graph


def _text(graph: Graph, node: URIRef, predicate: URIRef, lang: str) -> str:
    values = [o for o in graph.objects(node, predicate) if isinstance(o, Literal)]
    for value in values:
        if value.language == lang:
            return str(value)
    return str(values[0]) if values and lang == "en" and values[0].language is None else ""


def _curie(iri: object) -> str:
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def _term(graph: Graph, node: URIRef, parent: URIRef) -> TermDoc:
    definition_zh = _text(graph, node, SKOS.definition, "zh") or _text(graph, node, RDFS.comment, "zh")
    definition_en = _text(graph, node, SKOS.definition, "en") or _text(graph, node, RDFS.comment, "en")
    return TermDoc(str(node), str(node)[len(str(CKO)):], _text(graph, node, RDFS.label, "zh"),
                   _text(graph, node, RDFS.label, "en"), definition_zh, definition_en,
                   tuple(sorted(_curie(o) for o in graph.objects(node, parent) if isinstance(o, URIRef))),
                   tuple(sorted(_curie(o) for o in graph.objects(node, RDFS.domain) if isinstance(o, URIRef))),
                   tuple(sorted(_curie(o) for o in graph.objects(node, RDFS.range) if isinstance(o, URIRef))))


def _terms(graph: Graph, kind: URIRef, parent: URIRef) -> tuple[TermDoc, ...]:
    nodes = sorted(n for n in graph.subjects(RDF.type, kind)
                   if isinstance(n, URIRef) and str(n).startswith(str(CKO)))
    return tuple(_term(graph, n, parent) for n in nodes)


def ontology_docs(path: Path) -> OntologyDocs:
    """Read the ontology file; a syntax error is a DataError naming the file."""
    try:
        graph = Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise DataError(f"cannot read the ontology: {exc}", file=str(path)) from exc
    node = URIRef(ONTOLOGY_IRI)
    return OntologyDocs(
        ONTOLOGY_IRI, _text(graph, node, RDFS.label, "zh"), _text(graph, node, RDFS.label, "en"),
        _text(graph, node, DCTERMS.description, "en"), str(graph.value(node, DCTERMS.license) or ""),
        str(graph.value(node, OWL.versionInfo) or ""),
        _terms(graph, OWL.Class, RDFS.subClassOf), _terms(graph, OWL.ObjectProperty, RDFS.subPropertyOf),
        _terms(graph, OWL.DatatypeProperty, RDFS.subPropertyOf), graph)
