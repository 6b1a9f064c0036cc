"""The VoID + DCAT description of the dataset served at ``/.well-known/void``.

>>> from chainkg.vocab import PREFIXES
>>> g = void_description(DatasetFacts(10, 2, {"Company": 2}, ["https://schema.org/"], []), "http://h")
>>> (None, VOID.triples, None) in g
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, VOID, XSD

from chainkg.dumps import Dump
from chainkg.stats import graph_stats
from chainkg.store.base import GraphStore
from chainkg.vocab import BASE, CKO, ID_BASE, PREFIXES, REPORT

__all__ = ["DatasetFacts", "collect_facts", "void_description"]

SPDX = Namespace("http://spdx.org/rdf/terms#")
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
_VOCABULARIES = "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }"
_ENTITIES = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"{ID_BASE}\")) }}"


@dataclass(frozen=True, slots=True)
class DatasetFacts:
    triples: int
    entities: int
    classes: dict[str, int]
    vocabularies: list[str]
    dumps: list[Dump]


def collect_facts(store: GraphStore, dumps: list[Dump]) -> DatasetFacts:
    """Counts and vocabularies of the store (run once when the server starts)."""
    stats = graph_stats(store)
    used = {row["t"].value for row in store.query(_VOCABULARIES)}
    vocabularies = sorted(ns for ns in PREFIXES.values() if ns != ID_BASE and any(t.startswith(ns) for t in used))
    entities = int(next(iter(store.query(_ENTITIES)))["n"].value)
    return DatasetFacts(int(stats["triples"]), entities, dict(stats["classes"]), vocabularies, dumps)


def _distribution(g: Graph, dataset: URIRef, dump: Dump, base_url: str) -> None:
    url = URIRef(f"{base_url}/dumps/{dump.name}")
    dist, checksum = URIRef(f"{base_url}/dumps/{dump.name}#distribution"), BNode()
    g.add((dataset, VOID.dataDump, url))
    g.add((dataset, DCAT.distribution, dist))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCAT.downloadURL, url))
    g.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{dump.media_type}")))
    g.add((dist, DCTERMS.format, Literal(dump.media_type)))
    g.add((dist, DCAT.byteSize, Literal(dump.size, datatype=XSD.nonNegativeInteger)))
    g.add((dist, DCTERMS.description, Literal(dump.description, lang="en")))
    g.add((dist, SPDX.checksum, checksum))
    g.add((checksum, RDF.type, SPDX.Checksum))
    g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    g.add((checksum, SPDX.checksumValue, Literal(dump.sha256, datatype=XSD.hexBinary)))


def void_description(facts: DatasetFacts, base_url: str, *, named_graphs: Sequence[str] = ()) -> Graph:
    """VoID and DCAT for the dataset; ``base_url`` is where this server answers."""
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("spdx", SPDX), ("foaf", FOAF)):
        g.bind(prefix, ns)
    dataset = URIRef(BASE + "dataset")
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("ChainKG：杭州市区块链产业报告（2018）知识图谱", lang="zh")))
    g.add((dataset, DCTERMS.title, Literal("ChainKG: knowledge graph of the Hangzhou Blockchain Industry "
                                           "Report 2018", lang="en")))
    g.add((dataset, DCTERMS.license, LICENSE))
    g.add((dataset, DCTERMS.source, REPORT))
    g.add((REPORT, DCTERMS.title, Literal("杭州市区块链产业报告（2018）", lang="zh")))
    g.add((dataset, FOAF.homepage, URIRef(base_url + "/")))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(base_url + "/sparql")))
    g.add((dataset, VOID.uriSpace, Literal(ID_BASE)))
    g.add((dataset, VOID.triples, Literal(facts.triples, datatype=XSD.integer)))
    g.add((dataset, VOID.entities, Literal(facts.entities, datatype=XSD.integer)))
    g.add((dataset, VOID.rootResource, URIRef(BASE + "ontology")))
    for vocabulary in facts.vocabularies:
        g.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    for name, count in sorted(facts.classes.items()):
        part = URIRef(f"{BASE}dataset/class/{name}")
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], CKO[name]))
        g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    for dump in facts.dumps:
        _distribution(g, dataset, dump, base_url)
    for name in named_graphs:
        g.add((dataset, VOID.subset, URIRef(name)))
    return g
