"""Selections over a table of the report by the values of its columns ("附录3里 ICO 一栏打叉、
整体态度却是鼓励支持的国家有哪些"): each column the question names by its property's label, the
value it asks for next to that label (a tick or a cross, yes or no, a worded category), and the
entities that have every one of those values.

>>> wanted_symbol("ico 一栏打叉", 0, 3)
'x'
>>> wanted_symbol("交易一栏标“o”的国家", 0, 2), wanted_symbol("交易一栏标 o 的国家", 0, 2)
('o', 'o')
>>> wanted_symbol("交易一栏是“/”的国家", 0, 2)
'/'
>>> wanted_flag("有税收优惠、却没有增强监管趋势", 8, 15)
'false'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chainkg.qa.analysis import Question, quoted_phrases
from chainkg.text import flat

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: the words a question uses for each mark of a table cell
_SYMBOLS: dict[str, re.Pattern[str]] = {
    "√": re.compile(r"√|✓|打勾|打钩|画勾|勾|允许|check|tick", re.I),
    "x": re.compile(r"打叉|画叉|叉|×|禁止|\bx\b|cross", re.I),
    "/": re.compile(r"斜杠|斜线|空白|未表态|[“「]\s*/\s*[”」]|\"\s*/\s*\"|slash", re.I),
    "o": re.compile(r"圆圈|画圈|○|\bo\b|circle", re.I),
}
#: the condition that a row's text says the words quoted
_SAYS = "says"
_NEGATED = re.compile(r"(没有|没|无|不|未|非|\bno\b|\bnot\b|\bwithout\b)\s*$", re.I)
_NO_AFTER = re.compile(r"^\s*(为|是|一栏|栏)?\s*(否|no\b)", re.I)
_TABLE = re.compile(r"表|一栏|栏|列|column|table", re.I)
#: how far from a column's name the words for its value may stand
_BEFORE, _AFTER = 6, 12


def wanted_symbol(text: str, start: int, end: int, reach: int = 1) -> str | None:
    """The mark the question asks a column to have, from the words near its name (``reach``
    times further in English, whose words are longer)."""
    window = text[max(0, start - _BEFORE * reach):start] + " " + text[end:end + _AFTER * reach]
    found = [(m.start(), mark) for mark, pattern in _SYMBOLS.items() for m in [pattern.search(window)] if m]
    return min(found)[1] if found else None


def wanted_flag(text: str, start: int, end: int) -> str:
    """"true" unless the column's name is denied right before it or answered 否 right after."""
    denied = _NEGATED.search(text[max(0, start - 3):start]) or _NO_AFTER.match(text[end:end + 6])
    return "false" if denied else "true"


@dataclass(frozen=True, slots=True)
class Selection:
    """The entities with every value asked for, and the facts that state those values."""

    subjects: list[str]
    facts: list[int]
    #: how many columns the question asked values of
    conditions: int


def _named_at(text: str, label: str) -> tuple[int, int] | None:
    """Where the question names a column: its label, or the acronym an English label starts
    with ("ICO" of "ICO stance")."""
    names = [label.split("（")[0].strip()]
    first = label.split()[0] if label.split() else ""
    if first.isupper() and len(first) >= 3:
        names.append(first)
    for name in names:
        at = text.find(name.lower())
        if len(name) >= 2 and at >= 0:
            return at, at + len(name)
    return None


def _quoted_conditions(a: Answerer, q: Question, named: set[str]) -> list[tuple[str, str]]:
    """Conditions a question quotes without naming their column ("附录5“金融支持”一项里，写着
    “没有特别说明”的城市"): a category value of one column, and words the row's text says."""
    quoted = set(quoted_phrases(q.text))
    found: list[tuple[str, str]] = []
    for phrase in sorted(quoted):
        # (a worded value of one property only: "金融支持" of the kind of support)
        hits = {(p, v) for (p, v) in a.facts.by_value if p not in named and flat(v) == phrase}
        if len(hits) == 1:
            found.append(hits.pop())
            quoted.discard(phrase)
    # (the words quoted that are no value: what the row says; both, or neither: a quoted value
    # alone is more often the topic than a condition, "附录5“金融支持”里苏州有哪些措施")
    said = [(_SAYS, phrase) for phrase in sorted(quoted) if len(phrase) >= 2]
    return found + said if found and said else []


def select(a: Answerer, q: Question) -> Selection | None:
    """The rows of a table that have every column value the question asks for, when it names
    at least two columns, or one column of marks (√, x, /) or yes/no cells, or one category
    column of an appendix it names; in the part of the report it names, if it names one."""
    text = q.text.lower()
    conditions: list[tuple[str, str]] = []
    cells = False  # a column of marks or of yes/no cells
    for name, info in a.predicates.items():
        values = a.texts.column_values(name)
        # (an English question may name the column by its Chinese label too: "(比特币支付) column")
        found = (_named_at(text, info.label_zh) if q.lang == "zh" else (
            _named_at(text, info.label_en) or _named_at(text, info.label_zh))) if values else None
        if found is None:
            continue
        at, end = found
        if values <= {"true", "false"}:
            conditions.append((name, wanted_flag(text, at, end)))
            cells = True
        elif values <= set(_SYMBOLS):
            mark = wanted_symbol(text, at, end, 1 if q.lang == "zh" else 6)
            if mark is None:
                return None
            conditions.append((name, mark))
            cells = True
        else:
            named = [v for v in values if v.lower() in text]
            if len(named) != 1:
                continue
            conditions.append((name, named[0]))
    if q.section.startswith("附录"):
        conditions += _quoted_conditions(a, q, {name for name, _ in conditions})
    # one column of marks or of yes/no cells is a selection only when the question points at the
    # table (a count the report's text states otherwise answers "法律允许虚拟货币交易的有几个")
    if not conditions or (len(conditions) < 2 and not ((cells or q.section.startswith("附录")) and (
            q.section or _TABLE.search(text)))):
        return None
    chosen: set[str] | None = None
    used: list[int] = []
    for predicate, value in conditions:
        rows = a.facts.by_value.get((predicate, value), [])
        if q.section:  # the table of the part the question names, not the text elsewhere saying so
            rows = [i for i in rows if a.inside(a.facts.rows[i], q.section)] or rows
        subjects = {a.facts.rows[i].subject for i in rows} if predicate != _SAYS else {
            e.iri for e in a.entities.values() if any(value in flat(d) for d in e.descriptions)}
        chosen = subjects if chosen is None else chosen & subjects
        used.extend(rows)
    if not chosen:
        return None
    facts = [i for i in used if a.facts.rows[i].subject in chosen]
    order = {a.facts.rows[i].subject: k for k, i in reversed(list(enumerate(facts)))}
    return Selection(sorted(chosen, key=order.__getitem__), facts, len(conditions))
