"""Reading SPARQL Protocol requests (``chainkg.protocol``) without a server."""

from __future__ import annotations

import pytest

from chainkg.protocol import Operation, OperationKind, ProtocolError, read_get, read_post

FORM, DIRECT, UPDATE = "application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update"


def post(body: bytes, content_type: str | None, url: bytes = b"", coding: str | None = None) -> Operation:
    return read_post(url, content_type=content_type, content_encoding=coding, body=body)


@pytest.mark.parametrize("url", [b"", b"clientRequestId=sd", b"version=1.2"])
def test_a_get_without_an_operation_asks_for_the_service_description(url: bytes) -> None:
    assert read_get(url).kind is OperationKind.SERVICE_DESCRIPTION


def test_a_get_query_with_its_dataset() -> None:
    op = read_get(b"query=%EF%BB%BFASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fa&named-graph-uri=http%3A%2F%2Fb"
                  b"&named-graph-uri=http%3A%2F%2Fc&unknown=1")
    assert (op.kind, op.text) == (OperationKind.QUERY, "ASK {}")  # a UTF-8 byte-order mark is dropped
    assert op.dataset.default_graphs == ("http://a",) and op.dataset.named_graphs == ("http://b", "http://c")


@pytest.mark.parametrize(("url", "has_body", "status", "message"), [
    (b"default-graph-uri=http%3A%2F%2Fa", False, 400, "missing 'query'"),
    (b"query=ASK%7B%7D&query=ASK%7B%7D", False, 400, "exactly one query"),
    (b"query=ASK%7B%7D&update=CLEAR%20ALL", False, 400, "not both"),
    (b"query=ASK%7B%7D&version=1.1&version=1.2", False, 400, "'version'"),
    (b"query=ASK%7B%7D", True, 400, "must not have a body"),
    (b"query=%20%20", False, 400, "empty"),
    (b"query=ASK%7B%7D&default-graph-uri=relative", False, 400, "not an absolute IRI"),
    (b"query=ASK%7B%FF%7D", False, 400, "not valid UTF-8"),
    (b"update=CLEAR%20ALL&update=CLEAR%20ALL", False, 400, "exactly one update"),
])
def test_malformed_gets(url: bytes, has_body: bool, status: int, message: str) -> None:
    with pytest.raises(ProtocolError, match=message) as caught:
        read_get(url, has_body=has_body)
    assert caught.value.status == status


@pytest.mark.parametrize("content_type", [DIRECT, DIRECT + "; charset=UTF-8", "Application/SPARQL-Query;charset=utf8",
                                          DIRECT + "; version=1.2"])
def test_a_direct_query(content_type: str) -> None:
    op = post(b"ASK {}", content_type, url=b"default-graph-uri=http%3A%2F%2Fa")
    assert (op.kind, op.text, op.dataset.default_graphs) == (OperationKind.QUERY, "ASK {}", ("http://a",))


def test_a_form_query_takes_parameters_from_the_url_and_the_body() -> None:
    op = post(b"query=ASK+%7B%7D&named-graph-uri=http%3A%2F%2Fb", FORM + "; charset=UTF-8",
              url=b"default-graph-uri=http%3A%2F%2Fa")
    assert op.text == "ASK {}" and op.dataset.default_graphs == ("http://a",)
    assert op.dataset.named_graphs == ("http://b",)


def test_updates_are_read_for_refusal() -> None:
    direct = post(b"CLEAR ALL", UPDATE, url=b"using-graph-uri=http%3A%2F%2Fa")
    assert (direct.kind, direct.text, direct.using.default_graphs) == (OperationKind.UPDATE, "CLEAR ALL", ("http://a",))
    assert post(b"update=CLEAR+ALL", FORM).kind is OperationKind.UPDATE
    assert read_get(b"update=CLEAR%20ALL").kind is OperationKind.UPDATE


@pytest.mark.parametrize(("body", "content_type", "url", "coding", "status", "message"), [
    (b"ASK {}", None, b"", None, 400, "missing Content-Type"),
    (b"ASK {}", "text/plain", b"", None, 400, "'text/plain'"),
    ("ASK {}".encode("utf-16"), DIRECT + "; charset=UTF-16", b"", None, 415, "UTF-16"),
    ("ASK {}".encode("utf-16"), DIRECT, b"", None, 400, "not valid UTF-8"),
    (b"ASK {}", DIRECT, b"query=ASK%7B%7D", None, 400, "two queries"),
    (b"CLEAR ALL", UPDATE, b"update=CLEAR%20ALL", None, 400, "two queries"),
    (b"x", DIRECT, b"", "gzip", 415, "gzip"),
    (b"", FORM, b"", None, 400, "missing 'query'"),
    (b"query=ASK%7B%7D&query=ASK%7B%7D", FORM, b"", None, 400, "exactly one query"),
    (b"WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", UPDATE, b"using-named-graph-uri=http%3A%2F%2Fp",
     None, 400, "USING or WITH"),
    (b"update=DELETE%20%7B%7D%20USING%20%3Chttp%3A%2F%2Fg%3E%20WHERE%20%7B%7D&using-graph-uri=http%3A%2F%2Fp",
     FORM, b"", None, 400, "USING or WITH"),
])
def test_malformed_posts(body: bytes, content_type: str | None, url: bytes, coding: str | None, status: int,
                         message: str) -> None:
    with pytest.raises(ProtocolError, match=message) as caught:
        post(body, content_type, url, coding)
    assert caught.value.status == status


def test_a_word_with_inside_a_string_is_not_a_dataset_clause() -> None:
    op = post(b"INSERT DATA { <http://a> <http://b> 'WITH USING' }", UPDATE, url=b"using-graph-uri=http%3A%2F%2Fp")
    assert op.kind is OperationKind.UPDATE
