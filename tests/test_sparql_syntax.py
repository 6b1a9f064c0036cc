"""Short, positioned syntax errors and the verdict on updates (``chainkg.sparql_syntax``)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from chainkg.errors import QuerySyntaxError, UpdateRefusedError
from chainkg.sparql_syntax import query_syntax_error, refuse_update


def _pyoxigraph_message(query: str) -> str:
    with pytest.raises(SyntaxError) as caught:
        ox.Store().query(query)
    return str(caught.value)


@pytest.mark.parametrize(("query", "position"), [
    ("ASK {", "1:6"),
    ("SELECT ?x WHERE {", "1:18"),
    ("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = }", "3:16"),
    ("SELECT * { ?s ?p ?o } LIMT 3", "1:29"),
])
def test_pyoxigraph_errors_become_a_few_lines_with_the_position(query: str, position: str) -> None:
    raw = _pyoxigraph_message(query)
    short = str(query_syntax_error(query, raw))
    assert short.startswith(f"syntax error at {position} (line {position.split(':')[0]}, column ")
    assert short.count("\n") == 2 and len(short) < 300
    assert short.splitlines()[1].strip() == query.splitlines()[int(position.split(":")[0]) - 1].strip()


def test_the_caret_follows_wide_characters() -> None:
    query = 'SELECT * { ?s ?p "趣链" . FILTER( }'
    lines = str(query_syntax_error(query, _pyoxigraph_message(query))).splitlines()
    assert lines[0].startswith("syntax error at 1:34")
    assert lines[2].index("^") == len("  ") + len('SELECT * { ?s ?p "') + 4 + len('" . FILTER( }')


def test_a_reason_in_words_replaces_the_token_list() -> None:
    query = "SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?y"
    assert "variable that is unbound" in str(query_syntax_error(query, _pyoxigraph_message(query)))


def test_an_unknown_message_is_kept_short() -> None:
    assert str(query_syntax_error("ASK {}", "odd " * 200)).endswith("…")


@pytest.mark.parametrize(("update", "form"), [("CLEAR ALL", "CLEAR"), ("PREFIX : <http://e/> INSERT DATA { :a :b :c }",
                                                                        "INSERT"),
                                              ("LOAD <http://127.0.0.1:9/x>", "LOAD")])
def test_a_well_formed_update_is_refused(update: str, form: str) -> None:
    with pytest.raises(UpdateRefusedError, match=f"read-only: {form} is a SPARQL Update"):
        refuse_update(update)


@pytest.mark.parametrize(("update", "position"), [("CLEAR XYZ", "1:1"), ("CLEAR ALL ;\nDROP XYZ", "2:1"),
                                                  ("INSERT DATA { <a> <b> }", "1:1")])
def test_a_malformed_update_is_a_syntax_error(update: str, position: str) -> None:
    with pytest.raises(QuerySyntaxError, match=f"at {position} .*read-only"):
        refuse_update(update)


def test_a_deeply_nested_update_is_refused_without_crashing() -> None:
    with pytest.raises(UpdateRefusedError, match="read-only"):
        refuse_update("INSERT { ?s ?p ?o } WHERE { " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000 + " }")
