"""Score answers against a question set exactly as the QA issue defines it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chainkg.folding import fold
from chainkg.qa.answer import Answer

ITEM_CHARS = 40


@dataclass(frozen=True, slots=True)
class Judged:
    id: str
    kind: str
    correct: bool
    evidence_hit: bool | None  # None when the item has no gold evidence


@dataclass
class Report:
    items: list[Judged] = field(default_factory=list)

    def accuracy(self, kind: str | None = None) -> float:
        chosen = [j for j in self.items if kind is None or j.kind == kind]
        return sum(j.correct for j in chosen) / len(chosen) if chosen else 0.0

    def evidence_recall(self) -> float:
        judged = [j for j in self.items if j.evidence_hit is not None]
        return sum(bool(j.evidence_hit) for j in judged) / len(judged) if judged else 0.0

    def by_kind(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for j in self.items:
            out[j.kind][0] += j.correct
            out[j.kind][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def _item_text(label: Any, value: Any) -> str:
    return fold(str(label))[:ITEM_CHARS] + "\u0000" + (fold(str(value))[:ITEM_CHARS] if value is not None else "")


def judge(gold: dict[str, Any], answer: Answer) -> Judged:
    """Right or wrong, and whether a gold evidence string is in the first five passages."""
    golds: list[str] = gold.get("answers", [])
    aliases: dict[str, list[str]] = gold.get("aliases", {})
    kind = gold.get("kind", "")
    if kind == "unanswerable":
        correct = answer.status == "no_answer"
    elif answer.status != "answered" or not answer.answers:
        correct = False
    else:
        texts = [_item_text(i.label, i.value) for i in answer.answers]
        if kind == "boolean":
            texts = texts[:1]
        n = len(golds)
        joined = "\u0001".join(texts)
        correct = len(answer.answers) <= max(2 * n, n + 3) and all(
            any(fold(option) in joined for option in (g, *aliases.get(g, []))) for g in golds)
    evidence = gold.get("evidence") or []
    hit = None
    if evidence and kind != "unanswerable":
        texts = [fold(e.text) for e in answer.evidence[:5]]
        hit = any(fold(g) in t for g in evidence for t in texts)
    return Judged(gold["id"], kind, correct, hit)


def evaluate(path: Path, ask: Callable[[str], Answer]) -> Report:
    report = Report()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            gold = json.loads(line)
            report.items.append(judge(gold, ask(gold["question"])))
    return report
