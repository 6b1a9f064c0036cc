"""``/sparql``: the SPARQL 1.1 Protocol, query side — read-only, no outbound network, time-limited.

Statuses: 400 bad request (syntax with position — of a query or an update —, two queries or
updates, no query, wrong or missing Content-Type, non-UTF-8, a GET with a body), 403 any
well-formed update, 405 other methods, 406 nothing acceptable, 413 query or body too large,
415 unsupported charset or content coding, 503 timeout. Reading the request is
``chainkg.protocol``'s job; this module binds it to HTTP.

The handlers are coroutines that await the query pool: a thread is used only for work that
could hold the event loop for long — reading a request larger than ``INLINE_BYTES`` (an
update's text may be lexed) and serialising the service description the first time.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from chainkg.errors import QueryError, QueryTimeoutError, StoreError, UpdateRefusedError
from chainkg.formats import RDF_ALIASES, RDF_OFFER, RDFLIB_FORMATS, RESULT_OFFER, content_type, negotiate
from chainkg.protocol import Operation, OperationKind, ProtocolError, read_get, read_post
from chainkg.service_description import service_description
from chainkg.sparql import QueryJob


class RequestOnlyRoute(APIRoute):
    """A route whose endpoint is ``async def endpoint(request) -> Response``, called as it is.

    FastAPI's own handler would solve dependencies for it — parsing the query string into
    parameters nobody reads — ~40 µs of a ~0.75 ms point lookup. The route keeps its place in
    the OpenAPI document.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        if not inspect.iscoroutinefunction(self.endpoint):
            raise TypeError(f"{self.path}: the endpoint of a RequestOnlyRoute must be 'async def'")
        endpoint: Callable[[Request], Awaitable[Response]] = self.endpoint

        async def handler(request: Request) -> Response:
            return await endpoint(request)

        return handler


router = APIRouter(route_class=RequestOnlyRoute)
P = ParamSpec("P")
T = TypeVar("T")

#: a request up to this size is read on the event loop (microseconds); a larger one in a thread
INLINE_BYTES = 1024

ALLOW = "GET, HEAD, POST, OPTIONS"
CORS_HEADERS = {"Access-Control-Allow-Origin": "*",
                "Access-Control-Expose-Headers": "X-Result-Truncated, X-Result-Row-Limit, Vary, Link"}
_SD_OFFER = ("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples")


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status,
                             headers={**CORS_HEADERS, "Vary": "Accept", **(headers or {})})


def _job(request: Request, operation: Operation) -> QueryJob:
    settings = request.app.state.settings
    if len(operation.text) > settings.max_query_chars:
        raise ProtocolError(413, f"the {operation.kind.value} is longer than {settings.max_query_chars} characters")
    accept = request.headers.get("accept")
    graph_media = negotiate(accept, RDF_OFFER)
    return QueryJob(operation.text, operation.dataset, settings.sparql_base_iri, negotiate(accept, RESULT_OFFER),
                    RDF_ALIASES.get(graph_media, graph_media) if graph_media else None, settings.max_rows,
                    is_update=operation.kind is OperationKind.UPDATE)


async def _read(size: int, reader: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    if size <= INLINE_BYTES:
        return reader(*args, **kwargs)
    return await run_in_threadpool(reader, *args, **kwargs)


async def answer(request: Request, operation: Operation) -> Response:
    """Answer ``operation`` from the worker pool.

    The worker checks the text before running it (one lexing per request) — an update too,
    so that even parsing it for the 400-or-403 verdict happens under the time limit.
    """
    if operation.kind is OperationKind.SERVICE_DESCRIPTION:
        return await run_in_threadpool(_service_description, request)
    try:
        job = _job(request, operation)
        outcome = await request.app.state.query_pool.run(job)
    except ProtocolError as exc:
        return error_response(exc.status, str(exc))
    except UpdateRefusedError as exc:
        return error_response(403, str(exc))
    except QueryTimeoutError as exc:
        return error_response(503, str(exc), {"Retry-After": "1"})
    except QueryError as exc:
        return error_response(400, f"bad {operation.kind.value}: {exc}")
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
    # the description of one build at one address never changes: serialised once (~80 ms)
    cache: dict[tuple[str, str], bytes] = request.app.state.service_descriptions
    body = cache.get((endpoint, media))
    if body is None:
        if len(cache) >= 16:  # the endpoint address comes from the client's Host: keep it bounded
            cache.clear()
        triples = int(request.app.state.manifest.get("counts", {}).get("triples", 0))
        graph = service_description(endpoint, triples=triples,
                                    named_graphs=sorted(request.app.state.store.named_graphs()))
        body = cache[(endpoint, media)] = graph.serialize(format=RDFLIB_FORMATS[media], encoding="utf-8")
    return Response(body, media_type=content_type(media), headers={**CORS_HEADERS, "Vary": "Accept"})


def _has_body(request: Request) -> bool:
    length = request.headers.get("content-length", "0").strip()
    return "transfer-encoding" in request.headers or length not in ("", "0")


@router.api_route("/sparql", methods=["GET", "HEAD"])
async def sparql_get(request: Request) -> Response:
    raw: bytes = request.scope["query_string"]
    try:
        operation = await _read(len(raw), read_get, raw, has_body=_has_body(request))
    except ProtocolError as exc:
        return error_response(exc.status, str(exc))
    return await answer(request, operation)


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


@router.post("/sparql")
async def sparql_post(request: Request) -> Response:
    try:
        body = await _read_body(request, request.app.state.settings.max_body_bytes)
        raw: bytes = request.scope["query_string"]
        operation = await _read(len(raw) + len(body), read_post, raw,
                                content_type=request.headers.get("content-type"),
                                content_encoding=request.headers.get("content-encoding"), body=body)
    except ProtocolError as exc:
        return error_response(exc.status, str(exc))
    return await answer(request, operation)


@router.options("/sparql")
async def sparql_options(request: Request) -> Response:
    """CORS preflight for browser clients such as YASGUI (no credentials, so any header may be sent)."""
    asked = request.headers.get("access-control-request-headers", "")
    return Response(status_code=204, headers={
        **CORS_HEADERS, "Allow": ALLOW, "Access-Control-Allow-Methods": ALLOW,
        "Access-Control-Allow-Headers": asked or "Accept, Content-Type", "Access-Control-Max-Age": "86400"})


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"])
async def sparql_other_methods(request: Request) -> Response:
    return error_response(405, f"{request.method} is not allowed on /sparql; use GET or POST", {"Allow": ALLOW})

