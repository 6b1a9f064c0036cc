"""``/api/browse``, ``/api/compare/…`` and ``/api/charts``: the data behind the web UI's Browse,
Compare and Charts pages (``chainkg.views``), as JSON or, for tables, CSV.

Statuses: 404 unknown table or chart, 400 invalid sort, order, limit, offset, format or lang
(the message lists what is allowed), 422 a parameter of the wrong type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from chainkg.formats import negotiate
from chainkg.views import TableQuery, ViewNotFoundError, ViewParameterError, Views

router = APIRouter(prefix="/api")
T = TypeVar("T")
_TABLE_OFFER = ("application/json", "text/csv")


def get_views(request: Request) -> Views:
    """The views of the build the app serves (created, and warmed in the background, at start)."""
    views: Views = request.app.state.browse_views
    return views


ViewsDep = Annotated[Views, Depends(get_views)]


def _translated(call: Callable[[], T]) -> T:
    """Run a view, answering its errors with 404 (unknown key) or 400 (bad parameter)."""
    try:
        return call()
    except ViewNotFoundError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    except ViewParameterError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc


def _wants_csv(request: Request, format: str | None) -> bool:
    if format is None:
        return negotiate(request.headers.get("accept"), _TABLE_OFFER) == "text/csv"
    if format not in ("json", "csv"):
        raise HTTPException(status_code=400, detail=f"format must be 'json' or 'csv', not {format!r}")
    return format == "csv"


@router.get("/browse")
def browse_tables(views: ViewsDep) -> dict[str, Any]:
    return {"tables": views.tables()}


@router.get("/browse/{key}")
def browse_table(request: Request, views: ViewsDep, key: str,
                 q: Annotated[str, Query(max_length=200)] = "",
                 sort: Annotated[str | None, Query(max_length=64)] = None,
                 order: Annotated[str, Query(max_length=8)] = "asc",
                 limit: int = 50, offset: int = 0,
                 format: Annotated[str | None, Query(max_length=8)] = None,
                 lang: Annotated[str, Query(max_length=8)] = "zh") -> Response:
    """One table as JSON (one page) or CSV (every matching row, UTF-8 with BOM)."""
    as_csv = _wants_csv(request, format)
    if lang not in ("zh", "en"):
        raise HTTPException(status_code=400, detail=f"lang must be 'zh' or 'en', not {lang!r}")
    query = _translated(lambda: TableQuery(q=q, sort=sort, order=order, limit=limit, offset=offset))
    if not as_csv:
        return JSONResponse(_translated(lambda: views.browse(key, query)))
    text = _translated(lambda: views.browse_csv(key, query, lang=lang))
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename=chainkg-{key}.csv", "Vary": "Accept"})


@router.get("/compare/cities")
def compare_cities(views: ViewsDep) -> dict[str, Any]:
    return views.compare_cities()


@router.get("/compare/countries")
def compare_countries(views: ViewsDep) -> dict[str, Any]:
    return views.compare_countries()


@router.get("/charts")
def charts(views: ViewsDep) -> list[dict[str, str]]:
    return views.charts()


@router.get("/charts/{key}")
def chart(views: ViewsDep, key: str) -> dict[str, Any]:
    return _translated(lambda: views.chart(key))
