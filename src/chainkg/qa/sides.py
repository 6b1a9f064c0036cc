"""Which side of a candidate fact answers the question, and how well the other side (the
anchor) matches what the question is about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chainkg.text import normalise

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer


def states_value(a: Answerer, i: int, q_all: set[str], q_text: str) -> bool:
    """The question itself states fact ``i``'s literal (most of its bigrams are in the question)."""
    shown = a.shown(i)
    if len(shown) >= 2:
        return len(shown & q_all) >= 0.8 * len(shown)
    value = normalise(a.display(a.facts.rows[i])).lower()
    return len(value) >= 2 and value in q_text


def answer_sides(a: Answerer, cands: dict[int, float], linked: set[str], near: set[str], generic: set[str],
                 q_all: set[str], q_text: str) -> dict[int, bool]:
    """Fact index → whether its subject (rather than its object or value) is the answer.

    ``linked`` are the question's specific entities, ``near`` those plus the bridges one hop
    from them, ``generic`` the entities it names that say little (区块链)."""
    sides: dict[int, bool] = {}
    for i in cands:
        row = a.facts.rows[i]
        # the answer is the side away from the question's entities (or from a bridge to them)
        sides[i] = (bool(row.obj and row.obj in linked) and row.subject not in linked) or (
            bool(row.obj and row.obj in near) and row.subject not in near) or (
            # "哪个城市是最早…的": a value the question states describes the entity it asks for
            row.obj is None and row.subject not in linked and states_value(a, i, q_all, q_text)) or (
            # (and from a generic one, when nothing specific is on either side: 区块链 of "公有链 ⊂ 区块链")
            bool(row.obj and row.obj in generic) and row.subject not in near and row.subject not in generic)
    return sides


def anchor_focus(a: Answerer, qg: set[str], anchors: set[str], linked: set[str],
                 ties: dict[str, set[str]]) -> dict[str, float]:
    """How well each anchor entity, with all its facts, matches what the question is about."""
    out: dict[str, float] = {}
    for iri in anchors:
        cover = len(qg & a.entity_grams(iri)) / max(1, len(qg))
        linkiness = 1.0 if iri in linked else min(1.0, 0.6 * len(ties.get(iri, ())))
        out[iri] = 0.6 * cover + 0.4 * linkiness
    return out
