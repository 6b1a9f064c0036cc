"""/id/…, /ontology, /.well-known/void, /dumps/ and /api/queries through a real server."""

from __future__ import annotations

import hashlib
import json

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, RDFS, VOID

from tests.test_sparql_protocol import QULIAN, ZH_NAME

EN_NAME = "Hangzhou Qulian Technology Co., Ltd. (Hyperchain Technologies)"


def test_html_page_shows_labels_facts_incoming_links_and_provenance(server: str) -> None:
    r = httpx.get(server + "/id/company/qulian", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert ZH_NAME in html and EN_NAME in html
    assert "成立时间" in html and "founding date" in html  # a property with its zh and en labels
    assert "Incoming links" in html and 'href="/id/' in html
    assert "六、杭州市产业环境初步形成" in html and "page 42" in html  # section and page of a passage


@pytest.mark.parametrize(("fmt", "media", "parser"), [
    ("ttl", "text/turtle", "turtle"), ("jsonld", "application/ld+json", "json-ld"),
    ("nt", "application/n-triples", "nt"), ("rdfxml", "application/rdf+xml", "xml")])
def test_rdf_by_format_and_by_accept(server: str, fmt: str, media: str, parser: str) -> None:
    for r in (httpx.get(server + "/id/company/qulian", params={"format": fmt}, headers={"Accept": "text/html"}),
              httpx.get(server + "/id/company/qulian", headers={"Accept": media})):
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
        g = Graph().parse(data=r.content, format=parser)
        assert (URIRef(QULIAN), RDFS.label, Literal(ZH_NAME, lang="zh")) in g


def test_jsonld_uses_the_published_context(server: str) -> None:
    context = httpx.get(server + "/context.jsonld").json()["@context"]
    doc = httpx.get(server + "/id/company/qulian", params={"format": "jsonld"})
    assert json.loads(doc.text)["@context"] == context
    assert "context.jsonld" in doc.headers["link"]


def test_unknown_iri_is_404_and_unacceptable_is_406(server: str) -> None:
    assert httpx.get(server + "/id/company/no-such-company").status_code == 404
    assert httpx.get(server + "/id/company/qulian", headers={"Accept": "image/png"}).status_code == 406


def test_ontology_docs_and_rdf(server: str) -> None:
    html = httpx.get(server + "/ontology", headers={"Accept": "text/html"}).text
    assert 'id="Company"' in html and "企业" in html and "Company" in html
    for accept, fmt in (("text/turtle", "turtle"), ("application/rdf+xml", "xml")):
        g = Graph().parse(data=httpx.get(server + "/ontology", headers={"Accept": accept}).content, format=fmt)
        assert (URIRef("https://w3id.org/chainkg/ontology#Company"), RDFS.label, Literal("企业", lang="zh")) in g


def test_void_and_dumps_with_checksums(server: str) -> None:
    g = Graph().parse(data=httpx.get(server + "/.well-known/void").content, format="turtle")
    dataset = URIRef("https://w3id.org/chainkg/dataset")
    assert int(g.value(dataset, VOID.triples)) > 10_000  # type: ignore[arg-type]
    assert (dataset, VOID.sparqlEndpoint, URIRef(server + "/sparql")) in g
    assert (dataset, VOID.vocabulary, URIRef("https://w3id.org/chainkg/ontology#")) in g
    assert len(list(g.objects(dataset, VOID.classPartition))) > 10
    assert len(list(g.objects(dataset, DCAT.distribution))) == 3
    listing = httpx.get(server + "/dumps/").json()["dumps"]
    by_name = {d["name"]: d for d in listing}
    nq = httpx.get(by_name["kg.nq"]["url"])
    assert hashlib.sha256(nq.content).hexdigest() == by_name["kg.nq"]["sha256"]
    assert len(nq.content) == by_name["kg.nq"]["bytes"]
    ds = Dataset()
    ds.parse(data=nq.content, format="nquads")
    assert any("/id/passage/p" in str(c.identifier) for c in ds.graphs())
    ttl = Graph().parse(data=httpx.get(by_name["kg.ttl"]["url"]).content, format="turtle")
    assert (URIRef(QULIAN), RDFS.label, Literal(ZH_NAME, lang="zh")) in ttl
    assert "kg.jsonld" in by_name


def test_example_queries_are_listed_and_run(server: str) -> None:
    examples = httpx.get(server + "/api/queries").json()["queries"]
    names = {e["name"] for e in examples}
    assert {"subsidies-by-city-and-kind", "countries-by-regulatory-attitude", "companies-platforms-and-rounds",
            "universities-by-course-start-year", "policies-by-region"} <= names
    for example in examples:
        assert example["title"]["zh"] and example["title"]["en"] and example["description"]["en"]
        r = httpx.get(server + "/sparql", params={"query": example["query"]}, timeout=30)
        assert r.status_code == 200, (example["name"], r.text)
