"""The query guards (lexer-based) and the capped result writers, without a server."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql.results.csvresults import CSVResultParser
from rdflib.plugins.sparql.results.jsonresults import JSONResultParser
from rdflib.plugins.sparql.results.tsvresults import TSVResultParser
from rdflib.plugins.sparql.results.xmlresults import XMLResultParser

from chainkg.errors import QuerySyntaxError, UpdateRefusedError
from chainkg.results import write_solutions
from chainkg.sparql import Dataset, QueryJob, QueryKind, check_query, execute

SNEAKY_SERVICE = [
    "SELECT * { VALUES ?svc {<http://127.0.0.1:9/sparql>} LATERAL { FILTER(1<2)SERVICE?svc#>\n{?s ?p ?o} } }",
    "select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o FILTER(?o<3)SERVICE <http://127.0.0.1:9/>{} }",
    "SELECT * { ?s ?p ?o FILTER ex:f(?o<3)SERVICE <http://127.0.0.1:9/>{} }",
    "SELECT * { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }",
]
HARMLESS = [
    "SELECT ?service WHERE { ?s ?p ?service }",
    "PREFIX ex: <http://e/> SELECT * { ?s ex:service ?o }",
    "PREFIX copy: <http://e/> SELECT * { ?s copy:x ?o }",
    "SELECT * { ?s <http://schema.org/service> ?o FILTER(?o < 3 || ?o > 5) }",
    'SELECT * { ?s ?p "SERVICE DROP" } # SERVICE',
]


@pytest.mark.parametrize("query", SNEAKY_SERVICE)
def test_service_is_refused_however_written(query: str) -> None:
    with pytest.raises(UpdateRefusedError, match="SERVICE"):
        check_query(query)


@pytest.mark.parametrize("query", HARMLESS)
def test_harmless_queries_pass(query: str) -> None:
    assert check_query(query).form == "SELECT"


@pytest.mark.parametrize("update", ["DROP ALL", "CLEAR DEFAULT", "LOAD <http://127.0.0.1:9/x>",
                                    "PREFIX : <http://e/> INSERT DATA { :a :b :c }",
                                    "DELETE WHERE { ?s ?p ?o }", "WITH <http://g> DELETE { ?s ?p ?o } WHERE {}"])
def test_updates_are_refused(update: str) -> None:
    with pytest.raises(UpdateRefusedError, match="read-only"):
        check_query(update)


def _store() -> ox.Store:
    store = ox.Store()
    g = ox.NamedNode("http://g/1")
    for i in range(5):
        store.add(ox.Quad(ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/label"),
                          ox.Literal(f"趣链\t\"{i}\",\n", language="zh"), g))
    return store


def _job(query: str, media: str = "application/sparql-results+json", max_rows: int = 100) -> QueryJob:
    return QueryJob(query, Dataset(), None, media, "text/turtle", max_rows)


def test_form_comes_from_the_result_not_the_text() -> None:
    outcome = execute(_store(), _job("PREFIX construct: <http://e/> SELECT * { ?s ?p ?o }"))
    assert outcome.kind is QueryKind.SELECT and outcome.rows == 5


def test_row_cap_truncates_and_says_so() -> None:
    outcome = execute(_store(), _job("SELECT * { ?s ?p ?o }", max_rows=3))
    assert outcome.truncated and outcome.rows == 3
    assert len(json.loads(outcome.body)["results"]["bindings"]) == 3


PARSERS = {"application/sparql-results+json": JSONResultParser, "application/sparql-results+xml": XMLResultParser,
           "text/csv": CSVResultParser, "text/tab-separated-values": TSVResultParser}


@pytest.mark.parametrize("media", list(PARSERS))
def test_writers_round_trip_chinese_through_rdflib(media: str) -> None:
    store = _store()
    rows = [[s["s"], s["o"]] for s in store.query("SELECT ?s ?o { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s")]
    body = write_solutions(["s", "o"], rows, media)
    import io

    source = io.StringIO(body.decode("utf-8")) if media.startswith("text/") else io.BytesIO(body)
    parsed = PARSERS[media]().parse(source)  # type: ignore[no-untyped-call]
    values = sorted(str(r[1]) for r in parsed)
    assert values == sorted(f"趣链\t\"{i}\",\n" for i in range(5))


@pytest.mark.parametrize(("text", "error"), [("CLEAR ALL", UpdateRefusedError), ("CLEAR XYZ", QuerySyntaxError),
                                             ("SELECT * { ?s ?p ?o }", QuerySyntaxError)])
def test_an_update_job_is_judged_never_run(text: str, error: type[Exception]) -> None:
    store = _store()
    job = QueryJob(text, Dataset(), None, "application/sparql-results+json", "text/turtle", 100, is_update=True)
    with pytest.raises(error):
        execute(store, job)
    assert len(store) == 5


def test_the_command_line_gets_the_short_syntax_error_too() -> None:
    from chainkg.sparql import run_query
    from chainkg.store.oxigraph import OxigraphStore

    with pytest.raises(QuerySyntaxError) as caught:
        run_query(OxigraphStore.in_memory(), "SELECT ?x WHERE {")
    assert str(caught.value).startswith("syntax error at 1:18") and str(caught.value).count("\n") == 2
