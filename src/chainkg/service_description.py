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
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")
_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                   "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "JSON-LD", "RDF_XML")


def service_description(endpoint: str, *, triples: int, named_graphs: Sequence[str]) -> Graph:
    """The endpoint, its languages (SPARQL 1.0/1.1 Query; no Update), formats, features and dataset."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    service = URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    # a SPARQL 1.1 engine answers SPARQL 1.0 queries too; updates are refused (no SPARQL11Update)
    g.add((service, SD.supportedLanguage, SD.SPARQL10Query))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    g.add((service, SD.feature, SD.EmptyGraphs))
    for name in _RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS[name]))
    g.add((service, DCTERMS.description, Literal(
        "Read-only SPARQL 1.1 Query endpoint of ChainKG. The default graph is the union of all "
        "graphs; every fact is also in the named graph of the report passage that states it. "
        "SERVICE and updates are refused. FROM / FROM NAMED and default-graph-uri / named-graph-uri "
        "only select graphs of this store: a graph it does not hold is empty, nothing is fetched.",
        lang="en")))
    g.add((service, DCTERMS.description, Literal(
        "ChainKG 只读 SPARQL 1.1 查询端点。默认图为所有图的并集；"
        "每条事实也位于陈述它的报告段落的命名图中。拒绝 SERVICE 与更新；FROM 与 default-graph-uri "
        "只选择本库中的图（库中没有的图为空图，从不远程获取）。", lang="zh")))
    _describe_dataset(g, service, triples=triples, named_graphs=named_graphs)
    return g


def _describe_dataset(g: Graph, service: URIRef, *, triples: int, named_graphs: Sequence[str]) -> None:
    """The default dataset, and the graphs FROM / default-graph-uri may select (the same: the
    local named graphs — nothing is ever fetched)."""
    dataset, default, available = BNode(), BNode(), BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((service, SD.availableGraphs, available))
    g.add((available, RDF.type, SD.GraphCollection))
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
        g.add((available, SD.namedGraph, node))
