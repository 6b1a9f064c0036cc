"""The items of a list answer: the facts that belong with the best one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chainkg.qa.scoring import Scored

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer


def group_of(a: Answerer, scored: list[Scored], top: Scored, *, by: str = "passage",
             selection: bool = False) -> list[Scored]:
    """The items of a list: facts with the top fact's property and answer side that share
    its quote (``by="quote"``), its anchor entity and a passage (``"passage"``, also taking
    same-quote facts: the report enumerates a list in one place) or just its anchor entity
    (``"anchor"``, for counting). One item per distinct answer.

    With ``selection`` (a list or count question), a top fact whose anchor is a literal the
    question states ("态度是严禁的国家") selects every subject with that value, wherever
    the graph has it, not only among the candidates."""
    row = a.facts.rows[top.index]
    anchor = (row.obj or row.value) if top.answer_is_subject else row.subject
    out: list[Scored] = []
    answers: set[str] = set()
    extra: list[Scored] = []
    if selection and by != "quote" and top.answer_is_subject and row.obj is None and row.value:
        extra = [Scored(i, True, top.score, 0.0, top.relevance)
                 for i in a.facts.by_value.get((row.predicate, row.value), [])]
    for s in [*scored, *extra]:
        r = a.facts.rows[s.index]
        if r.predicate != row.predicate or s.answer_is_subject != top.answer_is_subject:
            continue
        same_anchor = ((r.obj or r.value) if s.answer_is_subject else r.subject) == anchor
        if by == "quote":
            member = r.quote == row.quote
        elif by == "anchor" or extra:  # a selection by value takes that value wherever stated
            member = same_anchor
        else:
            member = r.quote == row.quote or (same_anchor and not set(r.passages).isdisjoint(row.passages))
        answer = (r.subject if s.answer_is_subject else r.obj) or r.value or ""
        if member and answer not in answers:
            answers.add(answer)
            out.append(s)
    return out
