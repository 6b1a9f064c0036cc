"""/sparql against checks derived from the W3C SPARQL 1.1 Protocol and Service Description tests.

One test per W3C check, named after it (``w3c/rdf-tests``: ``sparql/sparql11/protocol/manifest.ttl``,
``sparql/sparql11/service-description/``; the SPARQL 1.2 additions where they apply). Each
request has the method, parameters, Content-Type and body of the manifest's; each assertion
is what the test requires — and where the manifest only says "4XX", the status we chose.
Success responses must carry exactly the media type of their format (a checker compares
``Content-Type`` to ``application/sparql-results+xml`` as a string).

Deviations, forced by ChainKG's policy (read-only; no outbound network from any query):

* dataset checks (``query_dataset_*``, ``query_multiple_dataset``) name documents on
  kasei.us and expect the service to hold or fetch them. ChainKG never fetches; a graph
  it does not hold is empty. As written those checks answer 2xx and ``false`` (asserted,
  with the documents moved to a loopback listener that must see no connection); the
  local equivalents ask the same questions of three passage graphs of the store and
  expect ``true`` (and ``false`` when a graph is left out, so that they can fail).
* update checks (``update_*``) expect 2xx and the change. Every update is refused: 403
  for a well-formed one, 400 for a malformed one or one whose dataset parameters conflict
  with its USING/WITH, and nothing changes (asserted by counting quads).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode

import httpx
import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF

from tests.test_sparql_safety import Listener

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
XML, JSON = "application/sparql-results+xml", "application/sparql-results+json"
FORM, DIRECT, UPDATE = "application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update"
KASEI = "http://kasei.us/2009/09/sparql/data/"
PASSAGE = "https://w3id.org/chainkg/id/passage/"
RDF_PARSERS = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/n-triples": "nt",
               "application/ld+json": "json-ld", "application/n-quads": "nquads"}


@dataclass(frozen=True)
class Exchange:
    """One request of a check."""

    method: str = "GET"
    params: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None

    def send(self, server: str, path: str = "/sparql") -> httpx.Response:
        return httpx.request(self.method, server + path, params=tuple(self.params), headers=self.headers,
                             content=self.body, timeout=30)


def get(*params: tuple[str, str], accept: str | None = None) -> Exchange:
    return Exchange("GET", list(params), {"Accept": accept} if accept else {})


def form(*fields: tuple[str, str], url: list[tuple[str, str]] | None = None, accept: str | None = None) -> Exchange:
    headers = {"Content-Type": FORM, **({"Accept": accept} if accept else {})}
    return Exchange("POST", url or [], headers, urlencode(fields).encode())


def direct(text: str, *url: tuple[str, str], media: str = DIRECT, accept: str | None = None) -> Exchange:
    headers = {"Content-Type": media, **({"Accept": accept} if accept else {})}
    return Exchange("POST", list(url), headers, text.encode())


def boolean(r: httpx.Response) -> bool:
    """The value of a boolean result in one of the two formats a checker reads."""
    assert r.status_code // 100 == 2, r.text
    media = r.headers["content-type"]
    if media == JSON:
        value = r.json()["boolean"]
        assert isinstance(value, bool)
        return value
    assert media == XML, f"not a boolean results format: {media}"
    node = ET.fromstring(r.content).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert node is not None and node.text in ("true", "false")
    return node.text == "true"


def count_quads(server: str) -> int:
    r = httpx.get(server + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# --- query via GET, URL-encoded POST, direct POST -----------------------------------------------------------

DATA0 = ("default-graph-uri", KASEI + "data0.rdf")
QUERY_FORMS = {
    "query_get": get(("query", "ASK {}"), DATA0),
    "query_post_form": form(("query", "ASK {}"), url=[DATA0]),
    "query_post_direct": direct("ASK {}"),
    "query_post_form_dataset": form(("query", "ASK {}"), DATA0),
    "query_get_with_version": get(("query", "ASK {}"), ("version", "1.1")),
    "query_post_direct_with_charset": direct("ASK {}", media=DIRECT + "; charset=UTF-8"),
    "query_post_form_with_charset": Exchange("POST", [], {"Content-Type": FORM + ";charset=utf-8"},
                                             b"query=ASK%20%7B%7D"),
    "query_get_unknown_parameter": get(("query", "ASK {}"), ("clientRequestId", "query_get")),
}


@pytest.mark.parametrize("name", list(QUERY_FORMS))
def test_query_operation_answers_true(server: str, name: str) -> None:
    """2xx, ``application/sparql-results+xml`` or ``+json`` exactly, and the boolean ``true``
    (``ASK {}`` is true whatever the dataset, so data0.rdf, which we do not hold, is harmless)."""
    assert boolean(QUERY_FORMS[name].send(server)) is True


@pytest.mark.parametrize(("accept", "media"), [
    (XML, XML), (JSON, JSON), ("*/*", JSON), (None, JSON),
    (f"{JSON};q=0.5, {XML}", XML), (f"{XML};q=0.2, application/*;q=0.9", JSON)])
def test_query_content_negotiation(server: str, accept: str | None, media: str) -> None:
    """SPARQL 1.2's query_content_negotiation_xml/json: the asked-for format, no parameters."""
    r = get(("query", "ASK {}"), accept=accept).send(server)
    assert r.headers["content-type"] == media and boolean(r) is True
    assert r.headers["vary"] == "Accept"


# --- query_content_type_* -----------------------------------------------------------------------------------

def test_query_content_type_select(server: str) -> None:
    """A SELECT answers in a tabular results format: XML, JSON, CSV or TSV."""
    r = direct("SELECT (1 AS ?value) {}", DATA0).send(server)
    assert r.status_code == 200 and r.headers["content-type"] == JSON
    assert r.json()["results"]["bindings"][0]["value"]["value"] == "1"


def test_query_content_type_ask(server: str) -> None:
    """An ASK answers in XML or JSON."""
    r = direct("ASK {}", DATA0).send(server)
    assert r.headers["content-type"] in (XML, JSON) and boolean(r) is True


@pytest.mark.parametrize("query", ["DESCRIBE <http://example.org/>", "CONSTRUCT { <s> <p> 1 } WHERE {}"],
                         ids=["query_content_type_describe", "query_content_type_construct"])
@pytest.mark.parametrize("accept", [None, "*/*", "application/rdf+xml", "text/turtle", "application/n-triples"])
def test_query_content_type_rdf(server: str, query: str, accept: str | None) -> None:
    """DESCRIBE and CONSTRUCT answer in an RDF syntax (RDF/XML, Turtle, N-Triples) that parses."""
    r = direct(query, DATA0, accept=accept).send(server)
    media = r.headers["content-type"].split(";")[0]
    assert r.status_code == 200 and media == (accept if accept and "*" not in accept else "text/turtle")
    graph = Graph().parse(data=r.content, format=RDF_PARSERS[media])
    assert len(graph) == (0 if query.startswith("DESCRIBE") else 1)


# --- dataset: as written (remote documents, never fetched) and the local equivalents ------------------------

@dataclass(frozen=True)
class Graphs:
    """Three graphs, each the only one that types its subject (same type in all three)."""

    names: tuple[str, str, str]
    subjects: tuple[str, str, str]


@pytest.fixture(scope="module")
def graphs(server: str) -> Graphs:
    """Three passage graphs of the store standing in for data1.rdf, data2.rdf, data3.rdf."""
    query = f"""SELECT ?t ?g ?s WHERE {{
        GRAPH ?g {{ ?s a ?t }} FILTER(STRSTARTS(STR(?g), "{PASSAGE}"))
        FILTER NOT EXISTS {{ GRAPH ?h {{ ?s a ?any }} FILTER(?h != ?g && STRSTARTS(STR(?h), "{PASSAGE}")) }}
    }} ORDER BY ?t ?g ?s"""
    rows = httpx.get(server + "/sparql", params={"query": query}).json()["results"]["bindings"]
    by_type: dict[str, dict[str, str]] = {}
    for row in rows:
        by_type.setdefault(row["t"]["value"], {}).setdefault(row["g"]["value"], row["s"]["value"])
    chosen = next(list(picks.items())[:3] for picks in by_type.values() if len(picks) >= 3)
    return Graphs((chosen[0][0], chosen[1][0], chosen[2][0]), (chosen[0][1], chosen[1][1], chosen[2][1]))


def _dataset_exchanges(d1: str, d2: str, d3: str, s1: str, s2: str, s3: str) -> dict[str, Exchange]:
    """The manifest's dataset checks with graphs d1..d3 and the subjects s1..s3 they type."""
    both = f"ASK {{ <{s1}> a ?type . <{s2}> a ?type . }}"
    named = f"ASK {{ GRAPH ?g1 {{ <{s1}> a ?type }} GRAPH ?g2 {{ <{s2}> a ?type }} }}"
    full = f"ASK {{ <{s3}> a ?type GRAPH ?g1 {{ <{s1}> a ?type }} GRAPH ?g2 {{ <{s2}> a ?type }} }}"
    return {
        "query_dataset_default_graph": form(("query", f"ASK {{ <{s1}> ?p ?o }}"), ("default-graph-uri", d1)),
        "query_dataset_default_graphs_get": get(("query", both), ("default-graph-uri", d1), ("default-graph-uri", d2)),
        "query_dataset_default_graphs_post": direct(both, ("default-graph-uri", d1), ("default-graph-uri", d2)),
        "query_dataset_named_graphs_post": direct(named, ("named-graph-uri", d1), ("named-graph-uri", d2)),
        "query_dataset_named_graphs_get": get(("query", named), ("named-graph-uri", d1), ("named-graph-uri", d2)),
        "query_dataset_full": direct(full, ("default-graph-uri", d3), ("named-graph-uri", d1), ("named-graph-uri", d2)),
        "query_multiple_dataset": form(("query", f"ASK FROM <{d3}> {named[4:]}"),
                                       ("named-graph-uri", d1), ("named-graph-uri", d2)),
    }


DATASET_CHECKS = list(_dataset_exchanges("d1", "d2", "d3", "s1", "s2", "s3"))


@pytest.mark.parametrize("name", DATASET_CHECKS)
def test_dataset_checks_on_local_graphs(server: str, graphs: Graphs, name: str) -> None:
    """Local equivalent: the protocol's dataset (overriding any FROM) is made of the store's
    graphs, so the manifest's questions are true of three passage graphs."""
    exchange = _dataset_exchanges(*graphs.names, *graphs.subjects)[name]
    assert boolean(exchange.send(server)) is True


@pytest.mark.parametrize("name", DATASET_CHECKS)
def test_dataset_checks_fail_without_the_graphs_they_name(server: str, graphs: Graphs, name: str) -> None:
    """The same questions with the first graph replaced by one that types nothing asked: false."""
    other = f"{PASSAGE}p0000-no-such-passage"
    exchange = _dataset_exchanges(other, *graphs.names[1:], *graphs.subjects)[name]
    assert boolean(exchange.send(server)) is False


@pytest.fixture()
def listener() -> Iterator[Listener]:
    spy = Listener()
    yield spy
    spy.close()


@pytest.mark.parametrize("name", DATASET_CHECKS)
def test_dataset_checks_as_written_fetch_nothing(server: str, listener: Listener, name: str) -> None:
    """Deviation: the manifest's documents (here on a loopback listener) are not fetched; a
    graph the store does not hold is empty, so the answer is a 2xx ``false``, not an error."""
    docs = [f"http://127.0.0.1:{listener.port}/data{i}.rdf" for i in (1, 2, 3)]
    exchange = _dataset_exchanges(*docs, *docs)[name]
    assert boolean(exchange.send(server)) is False
    assert listener.connections == 0


def test_query_multiple_dataset_as_encoded_in_the_manifest(server: str) -> None:
    """The manifest's URL encodes the ``&`` between its two named-graph-uri parameters, which
    makes one parameter whose value is an unusual but absolute IRI; accepted, and empty."""
    url = f"/sparql?named-graph-uri={KASEI}data1.rdf%26named-graph-uri%3D{KASEI}data2.rdf"
    r = httpx.post(server + url, content=f"ASK FROM <{KASEI}data3.rdf> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                   headers={"Content-Type": DIRECT})
    assert boolean(r) is False


# --- malformed query requests ----------------------------------------------------------------------------

BAD_QUERIES: dict[str, tuple[Exchange, int]] = {
    "bad_query_method": (Exchange("PUT", [("query", "ASK {}"), DATA0], {"Content-Type": FORM}, b""), 405),
    "bad_multiple_queries": (get(("query", "ASK {}"), ("query", "SELECT * {}")), 400),
    "bad_multiple_queries_form": (form(("query", "ASK {}"), ("query", "SELECT * {}")), 400),
    "bad_query_wrong_media_type": (Exchange("POST", [DATA0], {"Content-Type": "text/plain"}, b"ASK {}"), 400),
    "bad_query_missing_form_type": (Exchange("POST", [], {}, b"query=ASK%20%7B%7D"), 400),
    "bad_query_missing_direct_type": (Exchange("POST", [DATA0], {}, b"ASK {}"), 400),
    "bad_query_non_utf8": (Exchange("POST", [], {"Content-Type": DIRECT + "; charset=UTF-16"},
                                    "ASK {}".encode("utf-16")), 415),
    "bad_query_non_utf8_undeclared": (Exchange("POST", [], {"Content-Type": DIRECT}, "ASK {}".encode("utf-16")), 400),
    "bad_query_syntax": (get(("query", "ASK {"), DATA0), 400),
    "bad_query_get_with_body": (Exchange("GET", [("query", "ASK {}")], {"Content-Type": DIRECT}, b"ASK {}"), 400),
    "bad_query_multiple_versions": (get(("query", "ASK {}"), ("version", "1.1"), ("version", "1.2")), 400),
    "bad_query_in_url_and_body": (direct("ASK {}", ("query", "ASK {}")), 400),
    "bad_query_and_update": (form(("query", "ASK {}"), ("update", "CLEAR ALL")), 400),
}


@pytest.mark.parametrize("name", list(BAD_QUERIES))
def test_malformed_query_requests_get_4xx(server: str, name: str) -> None:
    """The manifest asks for 4XX; ours is the status chosen for the case, with a plain-text reason."""
    exchange, status = BAD_QUERIES[name]
    r = exchange.send(server)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("text/plain") and len(r.text.strip()) > 10


def test_bad_query_syntax_says_where_in_few_lines(server: str) -> None:
    r = get(("query", "SELECT ?x WHERE {\n  ?x ?p ?o .\n  FILTER(?x = }")).send(server)
    assert r.status_code == 400
    assert "syntax error at 3:16 (line 3, column 16)" in r.text and "FILTER(?x = }" in r.text
    assert len(r.text) < 400 and r.text.count("\n") <= 4


# --- updates: a read-only service refuses every one, and nothing changes ---------------------------------

UPDATE_DATASET = f"""PREFIX dc: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
DROP ALL ;
INSERT DATA {{ GRAPH <{KASEI}data1.rdf> {{ <{KASEI}data1.rdf> a foaf:Document }} }} ;
INSERT {{ GRAPH <http://example.org/protocol-update-dataset-test/> {{ ?s a dc:BibliographicResource }} }}
WHERE {{ ?s a foaf:Document }}"""
BASE_TEST = ("CLEAR GRAPH <http://example.org/protocol-base-test/> ; INSERT DATA { GRAPH "
             "<http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> <test> } }")
UPDATES: dict[str, tuple[Exchange, int]] = {
    "update_post_form": (form(("update", "CLEAR ALL")), 403),
    "update_post_direct": (direct("CLEAR ALL", media=UPDATE), 403),
    "update_dataset_default_graph": (direct(UPDATE_DATASET, ("using-graph-uri", KASEI + "data1.rdf"), media=UPDATE),
                                     403),
    "update_dataset_default_graphs": (form(("update", UPDATE_DATASET), ("using-graph-uri", KASEI + "data1.rdf"),
                                           ("using-graph-uri", KASEI + "data2.rdf")), 403),
    "update_dataset_named_graphs": (direct(UPDATE_DATASET, ("using-named-graph-uri", KASEI + "data1.rdf"),
                                           media=UPDATE), 403),
    "update_dataset_full": (direct(UPDATE_DATASET, ("using-graph-uri", KASEI + "data1.rdf"),
                                   ("using-named-graph-uri", KASEI + "data2.rdf"), media=UPDATE), 403),
    "update_base_uri": (direct(BASE_TEST, media=UPDATE), 403),
    "update_post_form_with_version": (form(("update", "CLEAR ALL"), ("version", "1.1")), 403),
    "update_by_query_parameter": (get(("query", "DROP ALL")), 403),
    "bad_update_get": (get(("update", "CLEAR ALL"), ("using-graph-uri", KASEI + "data0.rdf")), 403),
    "bad_multiple_updates": (form(("update", "CLEAR NAMED"), ("update", "CLEAR DEFAULT")), 400),
    "bad_update_wrong_media_type": (Exchange("POST", [], {"Content-Type": "text/plain"}, b"CLEAR NAMED"), 400),
    "bad_update_missing_form_type": (Exchange("POST", [], {}, b"update=CLEAR%20NAMED"), 400),
    "bad_update_non_utf8": (Exchange("POST", [], {"Content-Type": UPDATE + "; charset=UTF-16"},
                                     "CLEAR NAMED".encode("utf-16")), 415),
    "bad_update_syntax": (form(("update", "CLEAR XYZ")), 400),
    "bad_update_dataset_conflict": (direct("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
                                           "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName "
                                           "'William' }\nWHERE { ?person foaf:givenName 'Bill' }",
                                           ("using-named-graph-uri", "http://example/people"), media=UPDATE), 400),
    "bad_update_multiple_versions": (form(("update", "CLEAR ALL"), ("version", "1.1"), ("version", "1.2")), 400),
}


@pytest.fixture(scope="module")
def quads_before(server: str) -> int:
    return count_quads(server)


@pytest.mark.parametrize("name", list(UPDATES))
def test_updates_are_refused_and_change_nothing(server: str, quads_before: int, name: str) -> None:
    """Deviation for ``update_*`` (the manifest expects 2xx): 403 for a well-formed update, 400
    for a malformed request; the bad_update_* checks ask only for 4XX. Nothing changes."""
    exchange, status = UPDATES[name]
    r = exchange.send(server)
    assert r.status_code == status, r.text
    assert status != 403 or "read-only" in r.text
    assert count_quads(server) == quads_before


def test_update_base_uri_query_side(server: str) -> None:
    """update_base_uri's question asked of the query side: a relative IRI resolves against the
    service's base (``https://w3id.org/chainkg/id/``), and a query's own BASE wins (query_base_uri)."""
    own = get(("query", "SELECT (STR(<test>) AS ?iri) {}")).send(server).json()
    assert own["results"]["bindings"][0]["iri"]["value"] == "https://w3id.org/chainkg/id/test"
    based = get(("query", "BASE <http://example.org/> SELECT (STR(<test>) AS ?iri) {}")).send(server).json()
    assert based["results"]["bindings"][0]["iri"]["value"] == "http://example.org/test"


def test_bad_update_syntax_says_where(server: str) -> None:
    r = form(("update", "CLEAR ALL ;\nDROP XYZ")).send(server)
    assert r.status_code == 400 and "2:1" in r.text and "read-only" in r.text


# --- service description ---------------------------------------------------------------------------------

def _description(server: str, accept: str | None = None, query: str = "") -> tuple[httpx.Response, Graph]:
    r = httpx.get(server + "/sparql" + query, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200
    media = r.headers["content-type"].split(";")[0]
    return r, Graph().parse(data=r.content, format=RDF_PARSERS[media])


@pytest.mark.parametrize(("accept", "media"), [
    (None, "text/turtle"), ("*/*", "text/turtle"), ("text/html", "text/turtle"),
    ("text/turtle", "text/turtle"), ("application/rdf+xml", "application/rdf+xml"),
    ("application/ld+json", "application/ld+json"), ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml;q=0.9, text/turtle", "text/turtle")])
def test_sd_returns_rdf(server: str, accept: str | None, media: str) -> None:
    """returns-rdf: GET on the endpoint returns RDF — in the syntax asked for, else Turtle."""
    r, graph = _description(server, accept)
    assert r.headers["content-type"].split(";")[0] == media and len(graph) > 20


@pytest.mark.parametrize("accept", ["text/turtle", "application/rdf+xml", "application/n-triples"])
@pytest.mark.parametrize("query", ["", "?clientRequestId=sd"])
def test_sd_has_endpoint_triple(server: str, accept: str, query: str) -> None:
    """has-endpoint-triple: ``?service sd:endpoint <U>`` for the URL U that was requested."""
    _, graph = _description(server, accept, query)
    assert (None, SD.endpoint, URIRef(server + "/sparql")) in graph


def test_sd_conforms_to_schema(server: str) -> None:
    """conforms-to-schema: every sd:NamedGraph has an sd:name, and the names are the store's graphs."""
    _, graph = _description(server, "text/turtle")
    named = set(graph.subjects(RDF.type, SD.NamedGraph))
    assert named and all(graph.value(node, SD.name) is not None for node in named)
    rows = httpx.get(server + "/sparql", params={"query": "SELECT DISTINCT ?g { GRAPH ?g {} }"}).json()
    assert {str(graph.value(node, SD.name)) for node in named} == {r["g"]["value"] for r in rows["results"]["bindings"]}


def _typed(graph: Graph, kind: URIRef, *, domains: tuple[URIRef, ...] = (), ranges: tuple[URIRef, ...] = ()) -> bool:
    nodes = {s for p in domains for s in graph.subjects(p)} | {o for p in ranges for o in graph.objects(None, p)}
    return bool(nodes) and all((n, RDF.type, kind) in graph for n in nodes)


def test_sd_best_practices(server: str) -> None:
    """The validator's best-practice checks: typed-service, typed-dataset, typed-named-graph,
    typed-graph, recognized-language, dataset-with-graph."""
    _, g = _description(server, "text/turtle")
    assert _typed(g, SD.Service, domains=(SD.endpoint, SD.feature, SD.supportedLanguage, SD.resultFormat,
                                          SD.defaultDataset, SD.availableGraphs, SD.defaultEntailmentRegime))
    assert _typed(g, SD.Dataset, domains=(SD.defaultGraph,), ranges=(SD.defaultDataset,))
    assert _typed(g, SD.NamedGraph, domains=(SD.name,), ranges=(SD.namedGraph,))
    assert _typed(g, SD.Graph, ranges=(SD.defaultGraph,))
    assert set(g.objects(None, SD.supportedLanguage)) == {SD.SPARQL10Query, SD.SPARQL11Query}
    for dataset in g.subjects(RDF.type, SD.Dataset):
        assert g.value(dataset, SD.defaultGraph) is not None or g.value(dataset, SD.namedGraph) is not None


def test_sd_tells_what_is_supported_and_what_is_not(server: str) -> None:
    """Result formats for every syntax offered; no federation, no dereferencing, no update."""
    _, g = _description(server, "text/turtle")
    formats = {str(f).rsplit("/", 1)[1] for f in g.objects(None, SD.resultFormat)}
    assert {"SPARQL_Results_XML", "SPARQL_Results_JSON", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
            "Turtle", "RDF_XML", "N-Triples"} <= formats
    features = set(g.objects(None, SD.feature))
    assert SD.UnionDefaultGraph in features
    assert not features & {SD.BasicFederatedQuery, SD.DereferencesURIs}
    assert SD.SPARQL11Update not in set(g.objects(None, SD.supportedLanguage))
    assert all(isinstance(node, BNode) for node in g.objects(None, SD.availableGraphs))
    assert len(set(g.objects(None, SD.availableGraphs))) == 1


def test_sd_by_head_and_preflight(server: str) -> None:
    head = httpx.head(server + "/sparql", headers={"Accept": "text/turtle"})
    assert head.status_code == 200 and head.content == b"" and head.headers["content-type"].startswith("text/turtle")
    preflight = httpx.options(server + "/sparql", headers={
        "Origin": "http://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, x-requested-with"})
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-origin"] == "*"
    assert "x-requested-with" in preflight.headers["access-control-allow-headers"]


def test_query_by_head(server: str) -> None:
    r = httpx.head(server + "/sparql", params={"query": "ASK {}"})
    assert r.status_code == 200 and r.content == b"" and r.headers["content-type"] == JSON
