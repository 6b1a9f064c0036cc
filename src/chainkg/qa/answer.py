"""The answer contract of ``/api/ask`` and ``chainkg ask`` (field names are public API)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class AnswerItem:
    label: str
    value: str | int | float | None
    iri: str | None


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    passage: str
    text: str
    section: str
    page: int | None
    score: float


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    status: str  # "answered" | "no_answer"
    answers: list[AnswerItem] = field(default_factory=list)
    answer_text: str = ""
    sparql: str | None = None
    evidence: list[EvidenceItem] = field(default_factory=list)
    confidence: float = 0.0
    #: the fact-table rows the answer rests on (internal: lets a later part of a question move on)
    used: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        del out["used"]
        return out
