"""``/sparql``: the SPARQL 1.1 Protocol, query side (read-only)."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from chainkg.errors import QueryError, UpdateRefusedError
from chainkg.formats import RDF_TYPES, RESULT_TYPES, negotiate
from chainkg.sparql import run_query

router = APIRouter()

_RESULT_OFFER = ["application/sparql-results+json", "application/sparql-results+xml",
                 "text/csv", "text/tab-separated-values", "application/json"]
_RDF_OFFER = ["text/turtle", "application/n-triples", "application/ld+json",
              "application/rdf+xml", "application/n-quads"]


def _error(status: int, message: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status)


def _answer(request: Request, query: str) -> Response:
    settings = request.app.state.settings
    if len(query) > settings.max_query_chars:
        return _error(413, f"query longer than {settings.max_query_chars} characters")
    try:
        result = run_query(request.app.state.store, query)
    except UpdateRefusedError as exc:
        return _error(403, str(exc))
    except QueryError as exc:
        return _error(400, f"bad query: {exc}")
    offer = _RDF_OFFER if result.kind.is_graph else _RESULT_OFFER
    media = negotiate(request.headers.get("accept"), offer)
    if media is None:
        return _error(406, "none of the acceptable media types can be produced; offered: "
                      + ", ".join(offer))
    fmt = RDF_TYPES[media] if result.kind.is_graph else RESULT_TYPES[media]
    body = result.serialize(fmt)
    return Response(body, media_type=media, headers={"Vary": "Accept"})


@router.get("/sparql")
def sparql_get(request: Request, query: str | None = None) -> Response:
    if query is None:
        return _error(400, "missing 'query' parameter")
    return _answer(request, query)


@router.post("/sparql")
async def sparql_post(request: Request) -> Response:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return _error(400, "the request body is not UTF-8")
    if ctype == "application/sparql-query":
        query = text
    elif ctype == "application/x-www-form-urlencoded":
        form = parse_qs(text)
        if "update" in form:
            return _error(403, "this endpoint is read-only: SPARQL Update is refused")
        queries = form.get("query", [])
        if len(queries) != 1:
            return _error(400, "exactly one 'query' parameter is required")
        query = queries[0]
    else:
        return _error(415, "use application/sparql-query or application/x-www-form-urlencoded")
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_answer, request, query)
