"""Reading a SPARQL 1.1 Protocol request: which operation, its text and its dataset.

Framework-free, so that every rule can be tested without a server: the route hands over
the raw URL query string, the Content-Type / Content-Encoding headers and the body, and
gets back an ``Operation`` — or a ``ProtocolError`` carrying the HTTP status to answer
(400 malformed, 415 unsupported charset or coding). Parameters are decoded strictly as
UTF-8: a bad byte is a 400, never a silent U+FFFD.

>>> op = read_get(b"query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fg")
>>> op.kind, op.text, op.dataset.default_graphs
(<OperationKind.QUERY: 'query'>, 'ASK {}', ('http://g',))
>>> read_get(b"").kind
<OperationKind.SERVICE_DESCRIPTION: 'service description'>
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import Message
from enum import Enum
from urllib.parse import parse_qs

import pyoxigraph as ox

from chainkg.errors import ProtocolError
from chainkg.sparql import Dataset
from chainkg.sparql_lexer import TokenKind, tokenize

__all__ = ["FORM", "QUERY_MEDIA", "UPDATE_MEDIA", "Operation", "OperationKind", "ProtocolError",
           "parse_params", "read_get", "read_post"]

FORM = "application/x-www-form-urlencoded"
QUERY_MEDIA = "application/sparql-query"
UPDATE_MEDIA = "application/sparql-update"
_DATASET_PARAMS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")
Params = dict[str, list[str]]


class OperationKind(Enum):
    QUERY = "query"
    UPDATE = "update"
    SERVICE_DESCRIPTION = "service description"


@dataclass(frozen=True, slots=True)
class Operation:
    """One protocol operation. ``using`` is an update's ``using-graph-uri`` /
    ``using-named-graph-uri`` (kept only to tell a conflicting request apart)."""

    kind: OperationKind
    text: str = ""
    dataset: Dataset = field(default_factory=Dataset)
    using: Dataset = field(default_factory=Dataset)


def parse_params(raw: bytes) -> Params:
    """Form-encoded parameters, strictly UTF-8.

    >>> parse_params(b"query=ASK+%7B%7D&x=1&x=2")
    {'query': ['ASK {}'], 'x': ['1', '2']}
    """
    try:
        return parse_qs(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                        encoding="utf-8", errors="strict", max_num_fields=200)
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request is not valid UTF-8 (byte {exc.start})") from exc
    except ValueError as exc:
        raise ProtocolError(400, f"malformed parameters: {exc}") from exc


def read_get(query_string: bytes, *, has_body: bool = False) -> Operation:
    """The operation of a GET (or HEAD): a query, an update (to be refused) or, without
    either, the service description."""
    if has_body:
        raise ProtocolError(400, "a GET request carries its parameters in the URL and must not "
                                 "have a body; POST the query instead")
    return _operation(parse_params(query_string))


def read_post(query_string: bytes, *, content_type: str | None, content_encoding: str | None,
              body: bytes) -> Operation:
    """The operation of a POST: URL parameters plus the form, or the query / update body."""
    coding = (content_encoding or "identity").strip().lower()
    if coding != "identity":
        raise ProtocolError(415, f"Content-Encoding {coding!r} is not supported; send the body uncompressed")
    media = _media_type(content_type)
    params = parse_params(query_string)
    if media in (QUERY_MEDIA, UPDATE_MEDIA):
        name = "query" if media == QUERY_MEDIA else "update"
        if "query" in params or "update" in params:
            raise ProtocolError(400, f"two queries: one in the URL and one in the body ({media} "
                                     "carries the whole operation in the body)")
        return _operation({**params, name: [_utf8(body)]})
    if media == FORM:
        for name, values in parse_params(body).items():
            params.setdefault(name, []).extend(values)
        operation = _operation(params)
        if operation.kind is OperationKind.SERVICE_DESCRIPTION:
            raise ProtocolError(400, "missing 'query' parameter")
        return operation
    raise ProtocolError(400, f"unsupported Content-Type {media!r}: use {QUERY_MEDIA} or {FORM}")


def _media_type(header: str | None) -> str:
    """The media type of a Content-Type header; any charset must be UTF-8."""
    if not header or not header.strip():
        raise ProtocolError(400, f"missing Content-Type: use {QUERY_MEDIA} or {FORM}")
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    if isinstance(charset, str) and charset.lower().replace("-", "") != "utf8":
        raise ProtocolError(415, f"charset {charset!r} is not supported; send UTF-8")
    return message.get_content_type()


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request body is not valid UTF-8 (byte {exc.start})") from exc


def _operation(params: Params) -> Operation:
    queries, updates = params.get("query", []), params.get("update", [])
    if len(params.get("version", [])) > 1:
        raise ProtocolError(400, "at most one 'version' parameter per request")
    if queries and updates:
        raise ProtocolError(400, "a request carries either a query or an update, not both")
    if updates:
        return _update(params, updates)
    if not queries:
        if any(name in params for name in _DATASET_PARAMS):
            raise ProtocolError(400, "missing 'query' parameter")
        return Operation(OperationKind.SERVICE_DESCRIPTION)
    if len(queries) > 1:
        raise ProtocolError(400, f"exactly one query per request; got {len(queries)}")
    query = queries[0].removeprefix("\ufeff")
    if not query.strip():
        raise ProtocolError(400, "the query is empty")
    dataset = Dataset(_graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri"))
    return Operation(OperationKind.QUERY, query, dataset)


def _update(params: Params, updates: list[str]) -> Operation:
    if len(updates) > 1:
        raise ProtocolError(400, f"exactly one update per request; got {len(updates)}")
    using = Dataset(_graphs(params, "using-graph-uri"), _graphs(params, "using-named-graph-uri"))
    if using.is_given and _names_its_dataset(updates[0]):
        raise ProtocolError(400, "using-graph-uri / using-named-graph-uri cannot be combined with an "
                                 "update that has its own USING or WITH clause")
    return Operation(OperationKind.UPDATE, updates[0], using=using)


def _names_its_dataset(update: str) -> bool:
    return any(t.kind is TokenKind.WORD and t.text.upper() in ("USING", "WITH") for t in tokenize(update))


def _graphs(params: Params, name: str) -> tuple[str, ...]:
    for iri in params.get(name, []):
        try:
            ox.NamedNode(iri)
        except ValueError as exc:
            raise ProtocolError(400, f"{name} is not an absolute IRI: {iri!r}") from exc
    return tuple(params.get(name, []))
