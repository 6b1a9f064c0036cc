"""The SPARQL 1.1 Service Description of ``/sparql`` as an rdflib graph.

>>> g = service_description("http://127.0.0.1:8000/sparql", triples=3, named_graphs=["http://g"])
>>> (None, SD.supportedLanguage, SD.SPARQL11Query) in g
True
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID, XSD

from chainkg.vocab import BASE

__all__ = ["SD", "service_description"]

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                   "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "JSON-LD", "RDF_XML")


def service_description(endpoint: str, *, triples: int, named_graphs: Sequence[str]) -> Graph:
    """The endpoint, its language (SPARQL 1.1 Query only), formats, features and dataset."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    service = URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    g.add((service, SD.feature, SD.EmptyGraphs))
    for name in _RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS[name]))
    g.add((service, DCTERMS.description, Literal(
        "Read-only SPARQL 1.1 Query endpoint of ChainKG. The default graph is the union of all "
        "graphs; every fact is also in the named graph of the report passage that states it. "
        "SERVICE and updates are refused; FROM only selects local graphs.", lang="en")))
    g.add((service, DCTERMS.description, Literal(
        "ChainKG 只读 SPARQL 1.1 查询端点。默认图为所有图的并集；"
        "每条事实也位于陈述它的报告段落的命名图中。", lang="zh")))
    dataset, default = BNode(), BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, DCTERMS.source, URIRef(BASE)))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, VOID.triples, Literal(triples, datatype=XSD.integer)))
    for name in named_graphs:
        node = BNode()
        g.add((dataset, SD.namedGraph, node))
        g.add((node, RDF.type, SD.NamedGraph))
        g.add((node, SD.name, URIRef(name)))
    return g
