"""``/id/…`` and ``/ontology``: linked data by content negotiation (``?format=`` overrides Accept),
and the published JSON-LD context at ``/context.jsonld``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from rdflib import Graph

from api.routes_sparql import CORS_HEADERS, error_response
from api.templating import page_language, render
from chainkg.formats import FORMAT_NAMES, RDFLIB_FORMATS, content_type, negotiate
from chainkg.linked_data import jsonld_context, resource_graph, resource_view
from chainkg.neighbourhood import neighbourhood, related_entities
from chainkg.vocab import ID_BASE

router = APIRouter()

RDF_PAGE_OFFER = ("text/html", "text/turtle", "application/ld+json", "application/n-triples",
                  "application/rdf+xml")
_NAMES = {"text/html": "HTML", "text/turtle": "Turtle", "application/ld+json": "JSON-LD",
          "application/n-triples": "N-Triples", "application/rdf+xml": "RDF/XML"}
_SHORT = {"text/html": "html", "text/turtle": "ttl", "application/ld+json": "jsonld",
          "application/n-triples": "nt", "application/rdf+xml": "rdfxml"}


@dataclass(frozen=True, slots=True)
class FormatLink:
    name: str
    media: str
    href: str


def choose(request: Request, offer: tuple[str, ...]) -> str | None:
    """The media type for this request: ``?format=`` when given, else the Accept header."""
    wanted = request.query_params.get("format")
    if wanted is not None:
        media = FORMAT_NAMES.get(wanted.lower(), wanted.lower())
        return media if media in offer else None
    return negotiate(request.headers.get("accept"), offer)


def not_acceptable(offer: tuple[str, ...]) -> Response:
    return error_response(406, "no acceptable representation; offered: " + ", ".join(offer)
                          + " (or ?format=" + "|".join(_SHORT[m] for m in offer if m in _SHORT) + ")")


def rdf_response(graph: Graph, media: str, *, context_url: str | None = None) -> Response:
    headers = {**CORS_HEADERS, "Vary": "Accept"}
    if media == "application/ld+json":
        body = graph.serialize(format="json-ld", context=jsonld_context()["@context"], encoding="utf-8")
        if context_url:
            headers["Link"] = f'<{context_url}>; rel="http://www.w3.org/ns/json-ld#context"'
    else:
        body = graph.serialize(format=RDFLIB_FORMATS[media], encoding="utf-8")
    return Response(body, media_type=content_type(media), headers=headers)


def local_link(iri: str) -> str:
    """Where this server answers for ``iri`` (entity IRIs are served under /id/)."""
    return "/id/" + iri[len(ID_BASE):] if iri.startswith(ID_BASE) else iri


@router.get("/id/{local:path}")
def resource(request: Request, local: str) -> Response:
    iri = ID_BASE + local
    media = choose(request, RDF_PAGE_OFFER)
    if media is None:
        return not_acceptable(RDF_PAGE_OFFER)
    store = request.app.state.store
    view = resource_view(store, iri)
    if view is None:
        return error_response(404, f"nothing in ChainKG is identified by {iri}")
    if media != "text/html":
        return rdf_response(resource_graph(store, iri), media, context_url=str(request.url_for("context")))
    links = [FormatLink(_NAMES[m], m, f"{request.url.path}?format={_SHORT[m]}") for m in RDF_PAGE_OFFER[1:]]
    context: dict[str, Any] = {"view": view, "formats": links, "link": local_link,
                               "graph": neighbourhood(view, lang=page_language(request)),
                               "related": related_entities(store, iri)}
    return render(request, "resource.html", context, headers={**CORS_HEADERS, "Vary": "Accept"})


_ONTOLOGY_OFFER = ("text/html", "text/turtle", "application/rdf+xml", "application/ld+json",
                   "application/n-triples")


@router.get("/ontology")
def ontology(request: Request) -> Response:
    media = choose(request, _ONTOLOGY_OFFER)
    if media is None:
        return not_acceptable(_ONTOLOGY_OFFER)
    publication = request.app.state.publication
    if media == "text/turtle":
        return Response(publication.ontology_file.read_bytes(), media_type=content_type(media),
                        headers={**CORS_HEADERS, "Vary": "Accept"})
    if media != "text/html":
        return rdf_response(publication.ontology.graph, media)
    docs = publication.ontology
    sections = [("类 Classes", docs.classes), ("对象属性 Object properties", docs.object_properties),
                ("数据属性 Datatype properties", docs.datatype_properties)]
    return render(request, "ontology.html", {"docs": docs, "sections": sections}, active="ontology",
                  headers={**CORS_HEADERS, "Vary": "Accept"})


@router.get("/context.jsonld", name="context")
def context() -> Response:
    body = json.dumps(jsonld_context(), ensure_ascii=False, indent=2).encode("utf-8")
    return JSONResponse(json.loads(body), media_type="application/ld+json", headers=CORS_HEADERS)
