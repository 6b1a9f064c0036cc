"""The analyst web interface: page shells in the visitor's language (``/`` ask, ``/search``,
``/browse``, ``/browse/{key}``, ``/compare``, ``/charts``, ``/query``), the static files they use
and an allowlist of front-end library files installed by npm into ``frontend/node_modules``.

The pages hold no data of their own: their scripts fetch the JSON API and build the DOM from
text nodes. Without ``node_modules`` the SPARQL editor falls back to a plain text area.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response

from api.routes_sparql import error_response
from api.templating import Pages, page_language, render

router = APIRouter()

NODE_MODULES = Path(__file__).resolve().parents[1] / "frontend" / "node_modules"
#: the only library files served, under /vendor/<name>: their prebuilt files, as npm installed them
VENDOR_FILES = {
    "codemirror/codemirror.js": "codemirror/lib/codemirror.js",
    "codemirror/codemirror.css": "codemirror/lib/codemirror.css",
    "codemirror/sparql.js": "codemirror/mode/sparql/sparql.js",
    "codemirror/matchbrackets.js": "codemirror/addon/edit/matchbrackets.js",
}
#: classes offered as search filters, besides "entity" and "passage"
SEARCH_CLASSES = ("Company", "BlockchainPlatform", "Policy", "Subsidy", "Country", "City", "University",
                  "Alliance", "FundingRound", "InvestmentFund", "Person", "Technology", "SecurityIncident")
_Text = Annotated[str, Query(max_length=2_000)]


def _pages(request: Request) -> Pages:
    pages: Pages = request.app.state.pages
    return pages


@router.get("/", include_in_schema=False)
def ask_page(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    pages = _pages(request)
    examples = pages.strings.examples
    first = page_language(request)
    ordered = [(e, lang) for lang in sorted(examples, key=lambda lang: lang != first) for e in examples[lang]]
    return render(request, "ask.html", {"question": q, "examples": ordered}, active="ask")


@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: _Text = "", type: Annotated[str, Query(max_length=40)] = "") -> Response:
    classes = {c.local: c for c in request.app.state.publication.ontology.classes}
    lang = page_language(request)
    labels = {name: (c.label_en if lang == "en" else c.label_zh) or name for name, c in classes.items()}
    options = [(name, labels[name]) for name in SEARCH_CLASSES if name in classes]
    return render(request, "search.html", {"query": q, "type": type, "classes": options, "class_labels": labels},
                  active="search")


@router.get("/browse", include_in_schema=False)
def browse_page(request: Request) -> Response:
    return render(request, "browse.html", {"key": None}, active="browse")


@router.get("/browse/{key}", include_in_schema=False)
def browse_table_page(request: Request,
                      key: Annotated[str, PathParam(max_length=40, pattern=r"^[a-z0-9_-]+$")]) -> Response:
    return render(request, "browse.html", {"key": key}, active="browse")


@router.get("/compare", include_in_schema=False)
def compare_page(request: Request) -> Response:
    return render(request, "compare.html", active="compare")


@router.get("/charts", include_in_schema=False)
def charts_page(request: Request) -> Response:
    return render(request, "charts.html", active="charts")


@router.get("/query", include_in_schema=False)
def query_page(request: Request, q: Annotated[str, Query(max_length=20_000)] = "") -> Response:
    return render(request, "query.html", {"query": q}, active="sparql")


@router.get("/vendor/{name:path}", include_in_schema=False)
def vendor_file(name: str) -> Response:
    """A front-end library file from the allowlist; 404 when npm has not installed it."""
    relative = VENDOR_FILES.get(name)
    path = NODE_MODULES / relative if relative else None
    if path is None or not path.is_file():
        return error_response(404, f"no front-end file {name!r} (run `make frontend`)")
    return FileResponse(path, headers={"Cache-Control": "public, max-age=3600"})
