"""A real server on loopback: /health and a basic /sparql."""

from __future__ import annotations

import httpx


def test_health(server: str) -> None:
    body = httpx.get(server + "/health").json()
    assert body["status"] == "ok" and body["triples"] > 10000


def test_sparql_json_round_trips_chinese(server: str) -> None:
    q = "SELECT ?l WHERE { <https://w3id.org/chainkg/id/company/qulian> skos:prefLabel ?l FILTER(lang(?l) = 'zh') }"
    r = httpx.get(server + "/sparql", params={"query": q},
                  headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert r.json()["results"]["bindings"][0]["l"]["value"] == "杭州趣链科技有限公司"


def test_sparql_post_forms_and_errors(server: str) -> None:
    q = "ASK { <https://w3id.org/chainkg/id/company/qulian> a cko:Company }"
    r = httpx.post(server + "/sparql", content=q.encode(),
                   headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and r.json()["boolean"] is True
    r = httpx.post(server + "/sparql", data={"query": q})
    assert r.status_code == 200
    assert httpx.get(server + "/sparql", params={"query": "SELECT ?x WHERE {"}).status_code == 400
    assert httpx.get(server + "/sparql", params={"query": "DROP ALL"}).status_code == 403
    assert httpx.get(server + "/sparql", params={"query": q},
                     headers={"Accept": "image/png"}).status_code == 406
    r = httpx.post(server + "/sparql", content=b"\xff\xfe",
                   headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400


def test_search_endpoint(server: str) -> None:
    r = httpx.get(server + "/api/search", params={"q": "趣链科技的融资", "limit": 5})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert 0 < len(hits) <= 5 and {"iri", "label", "snippet", "score", "kind"} <= set(hits[0])
    only = httpx.get(server + "/api/search", params={"q": "趣链", "type": "Company"}).json()["hits"]
    assert only and all("Company" in h["types"] for h in only)
    assert httpx.get(server + "/api/search", params={"q": " "}).status_code == 400
    assert httpx.get(server + "/api/search").status_code == 422
    suggestions = httpx.get(server + "/api/suggest", params={"q": "浙大"}).json()["hits"]
    assert suggestions[0]["label"] == "浙江大学"
