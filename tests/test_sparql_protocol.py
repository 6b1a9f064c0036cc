"""/sparql through a real server on loopback: the SPARQL 1.1 Protocol as clients see it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

ROOT = Path(__file__).resolve().parents[1]
QULIAN = "https://w3id.org/chainkg/id/company/qulian"
ZH_NAME = "杭州趣链科技有限公司"
LABEL_Q = f"SELECT ?l WHERE {{ <{QULIAN}> rdfs:label ?l FILTER(lang(?l) = 'zh') }}"


def get(server: str, query: str, accept: str | None = None, **params: str) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    return httpx.get(server + "/sparql", params={"query": query, **params}, headers=headers, timeout=30)


def test_three_ways_to_send_a_query_agree(server: str) -> None:
    direct = httpx.post(server + "/sparql", content=LABEL_Q.encode(),
                        headers={"Content-Type": "application/sparql-query; charset=UTF-8"})
    form = httpx.post(server + "/sparql", data={"query": LABEL_Q})
    bodies = [r.json()["results"]["bindings"] for r in (get(server, LABEL_Q), direct, form)]
    assert bodies[0] == bodies[1] == bodies[2] == [{"l": {"type": "literal", "value": ZH_NAME, "xml:lang": "zh"}}]


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("application/sparql-results+xml;q=0.9, text/csv;q=0.2", "application/sparql-results+xml"),
    ("text/tab-separated-values, application/sparql-results+json;q=0.5", "text/tab-separated-values"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml"),
])
def test_select_negotiation(server: str, accept: str | None, expected: str) -> None:
    r = get(server, LABEL_Q, accept)
    assert r.status_code == 200 and r.headers["content-type"].startswith(expected)
    assert r.headers["vary"] == "Accept" and r.headers["access-control-allow-origin"] == "*"
    assert ZH_NAME in r.text


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/n-quads", "nquads"),
    ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"), (None, "turtle")])
def test_construct_in_every_rdf_syntax_round_trips_chinese(server: str, accept: str | None, fmt: str) -> None:
    r = get(server, f"CONSTRUCT WHERE {{ <{QULIAN}> rdfs:label ?l }}", accept)
    assert r.status_code == 200
    g = Graph().parse(data=r.content, format=fmt)
    assert (URIRef(QULIAN), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(ZH_NAME, lang="zh")) in g


def test_describe_and_ask(server: str) -> None:
    described = Graph().parse(data=get(server, f"DESCRIBE <{QULIAN}>", "text/turtle").content, format="turtle")
    assert len(described) > 10
    assert get(server, f"ASK {{ <{QULIAN}> a cko:Company }}").json()["boolean"] is True
    assert get(server, "ASK { ?s ?p ?o }", "application/sparql-results+xml").text.count("<boolean>true") == 1


def test_406_when_nothing_acceptable(server: str) -> None:
    r = get(server, LABEL_Q, "text/turtle")  # an RDF type for a SELECT
    assert r.status_code == 406 and "application/sparql-results+json" in r.text
    assert get(server, f"CONSTRUCT WHERE {{ <{QULIAN}> ?p ?o }}", "text/csv").status_code == 406


@pytest.mark.parametrize(("request_kwargs", "status", "message"), [
    ({"method": "GET", "params": {"query": "SELECT ?x WHERE {"}}, 400, "1:18"),
    ({"method": "GET", "params": [("query", LABEL_Q), ("query", LABEL_Q)]}, 400, "one query"),
    ({"method": "GET", "params": {"default-graph-uri": "http://g"}}, 400, "missing 'query'"),
    ({"method": "POST", "content": LABEL_Q.encode()}, 400, "Content-Type"),
    ({"method": "POST", "content": LABEL_Q.encode(), "headers": {"Content-Type": "text/plain"}}, 400, "text/plain"),
    ({"method": "POST", "content": b"SELECT * {?s ?p \"\xff\xfe\"}",
      "headers": {"Content-Type": "application/sparql-query"}}, 400, "UTF-8"),
    ({"method": "POST", "content": b"query=SELECT%20*%20%7B%3Fs%20%3Fp%20%22%FF%22%7D",
      "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 400, "UTF-8"),
    ({"method": "POST", "content": LABEL_Q.encode(), "params": {"query": LABEL_Q},
      "headers": {"Content-Type": "application/sparql-query"}}, 400, "two queries"),
    ({"method": "POST", "content": LABEL_Q.encode("latin-1", "replace"),
      "headers": {"Content-Type": "application/sparql-query; charset=latin-1"}}, 415, "UTF-8"),
    ({"method": "POST", "content": b"x", "headers": {"Content-Type": "application/sparql-query",
                                                      "Content-Encoding": "gzip"}}, 415, "gzip"),
    ({"method": "PUT", "content": LABEL_Q.encode()}, 405, "GET or POST"),
    ({"method": "GET", "params": {"query": "SELECT * {" + " " * 30_000 + "}"}}, 413, "longer"),
    ({"method": "POST", "content": b"query=" + b"a" * 300_000,
      "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 413, "larger"),
])
def test_bad_requests_get_an_actionable_4xx(server: str, request_kwargs: dict[str, object], status: int,
                                             message: str) -> None:
    r = httpx.request(url=server + "/sparql", timeout=30, **request_kwargs)  # type: ignore[arg-type]
    assert r.status_code == status, r.text
    assert message in r.text


def test_dataset_parameters_override_the_query(server: str) -> None:
    q = f"SELECT (COUNT(*) AS ?n) FROM <{QULIAN}> WHERE {{ ?s ?p ?o }}"
    assert get(server, q).json()["results"]["bindings"][0]["n"]["value"] == "0"  # FROM names no graph here
    ontology = "https://w3id.org/chainkg/graph/ontology"
    n = int(get(server, q, **{"default-graph-uri": ontology}).json()["results"]["bindings"][0]["n"]["value"])
    assert n > 100
    named = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    rows = get(server, named, **{"named-graph-uri": ontology}).json()["results"]["bindings"]
    assert [r["g"]["value"] for r in rows] == [ontology]


def test_union_default_graph_and_provenance_graphs(server: str) -> None:
    q = f"SELECT ?g WHERE {{ GRAPH ?g {{ <{QULIAN}> cko:foundingDate ?d }} }}"
    rows = get(server, q).json()["results"]["bindings"]
    assert rows and all("/id/passage/p" in r["g"]["value"] or "inferred" in r["g"]["value"] for r in rows)


def test_relative_iris_resolve_against_the_entity_base(server: str) -> None:
    rows = get(server, "SELECT ?l WHERE { <company/qulian> rdfs:label ?l FILTER(lang(?l)='zh') }").json()
    assert rows["results"]["bindings"][0]["l"]["value"] == ZH_NAME


def test_service_description_by_conneg(server: str) -> None:
    for accept, fmt in (("text/turtle", "turtle"), ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")):
        r = httpx.get(server + "/sparql", headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
        g = Graph().parse(data=r.content, format=fmt)
        sd = "http://www.w3.org/ns/sparql-service-description#"
        assert (URIRef(server + "/sparql"), URIRef(sd + "endpoint"), URIRef(server + "/sparql")) in g
        assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in g


def test_cors_preflight(server: str) -> None:
    r = httpx.options(server + "/sparql", headers={"Origin": "http://yasgui.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert r.status_code == 204 and r.headers["access-control-allow-origin"] == "*"
    assert "POST" in r.headers["access-control-allow-methods"]


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_reads_chinese_in_every_results_format(server: str, fmt: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + LABEL_Q)
    client.setReturnFormat(fmt)
    for method in ("GET", "POST"):
        client.setMethod(method)
        converted = client.query().convert()
        text = converted.decode("utf-8") if isinstance(converted, bytes) else \
            converted.toxml() if hasattr(converted, "toxml") else str(converted)
        assert ZH_NAME in text


def test_sparqlwrapper_construct_as_turtle(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(f"CONSTRUCT WHERE {{ <{QULIAN}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}")
    client.setReturnFormat(TURTLE)
    g = Graph().parse(data=client.query().convert(), format="turtle")
    assert Literal(ZH_NAME, lang="zh") in set(g.objects())


def test_rdflib_sparqlstore_as_a_client(server: str) -> None:
    graph = Graph(SPARQLStore(server + "/sparql"))
    rows = list(graph.query(LABEL_Q.replace("rdfs:label", "<http://www.w3.org/2000/01/rdf-schema#label>")))
    assert [str(r[0]) for r in rows] == [ZH_NAME]  # type: ignore[index]
    assert (URIRef(QULIAN), None, None) in graph
