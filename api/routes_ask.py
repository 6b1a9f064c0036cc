"""``/api/ask``: question answering with cited evidence (GET ?q= and POST {"q": …})."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query, Request

router = APIRouter(prefix="/api")
MAX_QUESTION = 500


def _answer(request: Request, q: str) -> dict[str, Any]:
    if not q.strip():
        raise HTTPException(status_code=400, detail="the question 'q' is empty")
    result: dict[str, Any] = request.app.state.answerer.ask(q).to_dict()
    return result


@router.get("/ask")
def ask_get(request: Request, q: Annotated[str, Query(max_length=MAX_QUESTION)]) -> dict[str, Any]:
    return _answer(request, q)


@router.post("/ask")
def ask_post(request: Request,
             q: Annotated[str, Body(embed=True, max_length=MAX_QUESTION)]) -> dict[str, Any]:
    return _answer(request, q)
