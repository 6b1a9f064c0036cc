"""``/.well-known/void`` (VoID + DCAT), ``/dumps/`` (downloads with size and SHA-256) and
``/api/queries`` (the documented example queries)."""

from __future__ import annotations

import base64
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, PlainTextResponse, Response

from api.routes_linked_data import choose, not_acceptable, rdf_response
from api.routes_sparql import CORS_HEADERS, error_response
from chainkg.void import void_description

router = APIRouter()

_VOID_OFFER = ("text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples")


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/.well-known/void")
def void(request: Request) -> Response:
    media = choose(request, _VOID_OFFER)
    if media is None:
        return not_acceptable(_VOID_OFFER)
    graph = void_description(request.app.state.publication.facts, _base_url(request))
    return rdf_response(graph, media)


@router.get("/dumps/")
def dumps(request: Request) -> dict[str, Any]:
    base = _base_url(request)
    return {"dumps": [{"name": d.name, "url": f"{base}/dumps/{d.name}", "media_type": d.media_type,
                       "bytes": d.size, "sha256": d.sha256, "description": d.description}
                      for d in request.app.state.publication.dumps]}


@router.get("/dumps/SHA256SUMS")
def checksums(request: Request) -> Response:
    lines = [f"{d.sha256}  {d.name}\n" for d in request.app.state.publication.dumps]
    return PlainTextResponse("".join(lines), headers=CORS_HEADERS)


@router.get("/dumps/{name}")
def dump_file(request: Request, name: str) -> Response:
    for d in request.app.state.publication.dumps:
        if d.name == name:
            digest = base64.b64encode(bytes.fromhex(d.sha256)).decode("ascii")
            return FileResponse(d.path, media_type=d.media_type, filename=d.name,
                                headers={**CORS_HEADERS, "Repr-Digest": f"sha-256=:{digest}:",
                                         "ETag": f'"{d.sha256}"'})
    return error_response(404, f"no dump called {name!r}; see /dumps/")


@router.get("/api/queries")
def queries(request: Request) -> dict[str, Any]:
    return {"queries": [{"name": e.name, "title": {"zh": e.title_zh, "en": e.title_en},
                         "description": {"zh": e.description_zh, "en": e.description_en},
                         "question": e.question, "query": e.query}
                        for e in request.app.state.publication.examples]}
