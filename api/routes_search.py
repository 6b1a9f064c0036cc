"""``/api/search`` and ``/api/suggest``: hybrid search and entity type-ahead."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

router = APIRouter(prefix="/api")


@router.get("/search")
def search(request: Request, q: Annotated[str, Query(max_length=500)],
           type: Annotated[str | None, Query(max_length=40)] = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    if not q.strip():
        raise HTTPException(status_code=400, detail="the query 'q' is empty")
    hits = request.app.state.index.search(q, kind=type, limit=limit)
    return {"query": q, "type": type, "hits": [asdict(h) for h in hits]}


@router.get("/suggest")
def suggest(request: Request, q: Annotated[str, Query(max_length=100)],
            limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    hits = request.app.state.index.suggest(q, limit=limit)
    return {"query": q, "hits": [asdict(h) for h in hits]}
