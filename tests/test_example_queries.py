"""Every documented example query runs; those tied to a dev question return its gold answers."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from chainkg.examples import ExampleQuery, load_examples
from chainkg.folding import fold
from chainkg.sparql import run_query, to_table
from chainkg.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = load_examples(ROOT / "docs" / "queries")
GOLD = {q["id"]: q for q in map(json.loads, (ROOT / "data/eval/dev-questions.jsonl").open(encoding="utf-8"))}


def test_examples_exist_for_the_answerable_dev_questions() -> None:
    answered = {e.question for e in EXAMPLES if e.question}
    answerable = {qid for qid, q in GOLD.items() if q["kind"] != "unanswerable"}
    assert answered <= set(GOLD)
    assert len(answered & answerable) >= 30


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_example_runs_and_answers(example: ExampleQuery, store: OxigraphStore) -> None:
    result = run_query(store, example.query)
    rows = to_table(result)
    assert len(rows) > 1, "an example query should return something"
    if example.question is None:
        return
    gold = GOLD[example.question]
    cells = [fold(cell) for row in rows[1:] for cell in row]
    if gold["kind"] == "boolean" and result.kind.value == "ASK":
        cells = [fold("是" if isinstance(result.raw, ox.QueryBoolean) and bool(result.raw) else "否")]
    assert len(rows) - 1 <= 50, "an answer query should return a focused result"
    for answer in gold["answers"]:
        options = [fold(o) for o in (answer, *gold.get("aliases", {}).get(answer, []))]
        assert any(o in cell for o in options for cell in cells), f"{example.question}: {answer} not in result"
