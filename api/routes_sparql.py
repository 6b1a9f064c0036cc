"""``/sparql``: the SPARQL 1.1 Protocol, query side — read-only, no outbound network, time-limited.

Statuses: 400 bad request (syntax with position, two queries, no query, wrong or missing
Content-Type, non-UTF-8), 403 any update, 405 other methods, 406 nothing acceptable,
413 query or body too large, 415 unsupported charset or content coding, 503 timeout.
"""

from __future__ import annotations

from email.message import Message
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from chainkg.errors import QueryError, QueryTimeoutError, StoreError, UpdateRefusedError
from chainkg.formats import RDF_ALIASES, RDF_OFFER, RDFLIB_FORMATS, RESULT_OFFER, content_type, negotiate
from chainkg.service_description import service_description
from chainkg.sparql import Dataset, QueryJob

router = APIRouter()

ALLOW = "GET, HEAD, POST, OPTIONS"
CORS_HEADERS = {"Access-Control-Allow-Origin": "*",
                "Access-Control-Expose-Headers": "X-Result-Truncated, X-Result-Row-Limit, Vary, Link"}
_SD_OFFER = ("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples")
_FORM = "application/x-www-form-urlencoded"
Params = dict[str, list[str]]


class ProtocolError(Exception):
    """A request the protocol rejects, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status,
                             headers={**CORS_HEADERS, "Vary": "Accept", **(headers or {})})


def parse_params(raw: bytes) -> Params:
    """Form-encoded parameters, strictly UTF-8 (a bad byte is a 400, never a silent U+FFFD)."""
    try:
        return parse_qs(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                        encoding="utf-8", errors="strict", max_num_fields=200)
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request is not valid UTF-8 (byte {exc.start})") from exc
    except ValueError as exc:
        raise ProtocolError(400, f"malformed parameters: {exc}") from exc


def _graphs(params: Params, name: str) -> tuple[str, ...]:
    for iri in params.get(name, []):
        try:
            ox.NamedNode(iri)
        except ValueError as exc:
            raise ProtocolError(400, f"{name} is not an absolute IRI: {iri!r}") from exc
    return tuple(params.get(name, []))


def _job(request: Request, params: Params) -> QueryJob:
    settings = request.app.state.settings
    if "update" in params:
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is refused")
    queries = params.get("query", [])
    if not queries:
        raise ProtocolError(400, "missing 'query' parameter")
    if len(queries) > 1:
        raise ProtocolError(400, f"exactly one query per request; got {len(queries)}")
    query = queries[0]
    if len(query) > settings.max_query_chars:
        raise ProtocolError(413, f"the query is longer than {settings.max_query_chars} characters")
    if not query.strip():
        raise ProtocolError(400, "the query is empty")
    accept = request.headers.get("accept")
    graph_media = negotiate(accept, RDF_OFFER)
    dataset = Dataset(_graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri"))
    return QueryJob(query, dataset, settings.sparql_base_iri, negotiate(accept, RESULT_OFFER),
                    RDF_ALIASES.get(graph_media, graph_media) if graph_media else None, settings.max_rows)


def answer(request: Request, params: Params) -> Response:
    """Run the query of ``params`` in the worker pool and answer as negotiated (blocking).

    The worker checks the query (updates, SERVICE) before running it: one lexing per request.
    """
    try:
        job = _job(request, params)
        outcome = request.app.state.query_pool.run(job)
    except ProtocolError as exc:
        return error_response(exc.status, str(exc))
    except UpdateRefusedError as exc:
        return error_response(403, str(exc))
    except QueryTimeoutError as exc:
        return error_response(503, str(exc), {"Retry-After": "1"})
    except QueryError as exc:
        return error_response(400, f"bad query: {exc}")
    except StoreError as exc:
        return error_response(503, str(exc), {"Retry-After": "5"})
    if outcome.media_type is None:
        offer = RDF_OFFER if outcome.kind.is_graph else RESULT_OFFER
        return error_response(406, f"a {outcome.kind.value} result cannot be given in any acceptable "
                              f"media type; offered: {', '.join(offer)}")
    headers = {**CORS_HEADERS, "Vary": "Accept"}
    if outcome.truncated:
        headers["X-Result-Truncated"] = "true"
        headers["X-Result-Row-Limit"] = str(job.max_rows)
    return Response(outcome.body, media_type=content_type(outcome.media_type), headers=headers)


def _service_description(request: Request) -> Response:
    media = negotiate(request.headers.get("accept"), _SD_OFFER) or "text/turtle"
    endpoint = str(request.url.replace(query="", fragment=""))
    triples = int(request.app.state.manifest.get("counts", {}).get("triples", 0))
    graph = service_description(endpoint, triples=triples,
                                named_graphs=request.app.state.store.named_graphs())
    body = graph.serialize(format=RDFLIB_FORMATS[media], encoding="utf-8")
    return Response(body, media_type=content_type(media), headers={**CORS_HEADERS, "Vary": "Accept"})


@router.api_route("/sparql", methods=["GET", "HEAD"])
def sparql_get(request: Request) -> Response:
    try:
        params = parse_params(request.scope["query_string"])
    except ProtocolError as exc:
        return error_response(exc.status, str(exc))
    if not params:
        return _service_description(request)
    return answer(request, params)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise ProtocolError(413 if declared.isdigit() else 400, f"the request body is larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, f"the request body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def post_params(request: Request, body: bytes) -> Params:
    """The parameters of a POST: URL parameters plus the form or the direct query."""
    coding = request.headers.get("content-encoding", "identity").strip().lower()
    if coding != "identity":
        raise ProtocolError(415, f"Content-Encoding {coding!r} is not supported; send the body uncompressed")
    header = request.headers.get("content-type")
    if not header:
        raise ProtocolError(400, f"missing Content-Type: use application/sparql-query or {_FORM}")
    message = Message()
    message["content-type"] = header
    media, charset = message.get_content_type(), message.get_param("charset")
    if isinstance(charset, str) and charset.lower().replace("-", "") != "utf8":
        raise ProtocolError(415, f"charset {charset!r} is not supported; send UTF-8")
    params = parse_params(request.scope["query_string"])
    if media == "application/sparql-update" or "update" in params:
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is refused")
    if media == "application/sparql-query":
        if "query" in params:
            raise ProtocolError(400, "two queries: one in the URL and one in the body")
        try:
            return {**params, "query": [body.decode("utf-8")]}
        except UnicodeDecodeError as exc:
            raise ProtocolError(400, f"the request body is not valid UTF-8 (byte {exc.start})") from exc
    if media == _FORM:
        for name, values in parse_params(body).items():
            params.setdefault(name, []).extend(values)
        return params
    raise ProtocolError(400, f"unsupported Content-Type {media!r}: use application/sparql-query or {_FORM}")


@router.post("/sparql")
async def sparql_post(request: Request) -> Response:
    try:
        body = await _read_body(request, request.app.state.settings.max_body_bytes)
        params = post_params(request, body)
    except ProtocolError as exc:
        return error_response(exc.status, str(exc))
    return await run_in_threadpool(answer, request, params)


@router.options("/sparql")
def sparql_options() -> Response:
    """CORS preflight for browser clients such as YASGUI."""
    return Response(status_code=204, headers={
        **CORS_HEADERS, "Allow": ALLOW, "Access-Control-Allow-Methods": ALLOW,
        "Access-Control-Allow-Headers": "Accept, Content-Type", "Access-Control-Max-Age": "86400"})


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"])
def sparql_other_methods(request: Request) -> Response:
    return error_response(405, f"{request.method} is not allowed on /sparql; use GET or POST", {"Allow": ALLOW})
