"""Filter, sort and page a table's rows; render them as JSON-ready dicts or as CSV for Excel.

``q`` matches any text or date cell after the same normalisation as questions (NFKC, full/half
width, traditional → simplified, case folded), so ``趣鏈`` finds 趣链. Numbers sort
numerically; rows without a value sort last in either order.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from chainkg.text import normalise
from chainkg.views.errors import ViewParameterError
from chainkg.views.graphdata import Value
from chainkg.views.tables import Row, Table

__all__ = ["CSV_SEPARATOR", "MAX_LIMIT", "TableQuery", "haystack", "matches", "select", "table_csv", "table_json"]

MAX_LIMIT = 1000
#: multi-valued cells in CSV (a full-width semicolon: Chinese values contain commas)
CSV_SEPARATOR = "；"


@dataclass(frozen=True, slots=True)
class TableQuery:
    """What a caller asks of a table. Invalid numbers or order raise ``ViewParameterError``."""

    q: str = ""
    sort: str | None = None
    order: str = "asc"
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.order not in ("asc", "desc"):
            raise ViewParameterError(f"order must be 'asc' or 'desc', not {self.order!r}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ViewParameterError(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        if self.offset < 0:
            raise ViewParameterError(f"offset must be 0 or more, not {self.offset}")


def haystack(table: Table, row: Row) -> str:
    """The normalised text of a row's text and date cells; NUL between values, so a match
    never spans two of them."""
    return "\0".join(normalise(str(v)).casefold() for c in table.columns if c.type in ("text", "date")
                     for v in _as_list(row.cells[c.key].value))


def matches(needle: str, text: str) -> bool:
    """Whether normalised ``needle`` occurs in an already normalised ``text``."""
    return normalise(needle).casefold() in text


def select(table: Table, rows: list[Row], texts: dict[str, str], query: TableQuery) -> tuple[list[Row], int]:
    """The rows matching ``query.q``, sorted; all of them (for CSV) and their number."""
    sort = query.sort or table.default_sort
    column = table.column(sort)
    if column is None:
        valid = ", ".join(c.key for c in table.columns)
        raise ViewParameterError(f"cannot sort table '{table.key}' by {sort!r}; sort by one of: {valid}")
    found = [r for r in rows if matches(query.q, texts[r.iri])] if query.q.strip() else list(rows)
    keyed = [(_sort_key(r.cells[sort].value, column.type), r) for r in found]
    present = sorted(((k, r) for k, r in keyed if k is not None), key=lambda kr: kr[0],
                     reverse=query.order == "desc")
    return [r for _, r in present] + [r for k, r in keyed if k is None], len(found)


def _sort_key(value: Value | list[Value] | None, kind: str) -> tuple[Any, ...] | None:
    first = _as_list(value)[0] if _as_list(value) else None
    if first is None or first == "":
        return None
    if kind == "number" and isinstance(first, int | float):
        return (float(first),)
    return (str(first).casefold(),)


def _as_list(value: Value | list[Value] | None) -> list[Value]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def row_json(table: Table, row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {"iri": row.iri, "passages": list(row.passages)}
    out.update({key: cell.value for key, cell in row.cells.items()})
    links = {key: list(cell.links) for key, cell in row.cells.items() if cell.links}
    out["links"] = links
    return out


def table_json(table: Table, rows: list[Row], total: int, query: TableQuery) -> dict[str, Any]:
    """The JSON contract of ``/api/browse/{key}`` for one page of ``rows``."""
    page = rows[query.offset:query.offset + query.limit]
    return {"key": table.key, "label_zh": table.label_zh, "label_en": table.label_en,
            "columns": [{"key": c.key, "label_zh": c.label_zh, "label_en": c.label_en, "type": c.type,
                         "multi": c.multi} for c in table.columns],
            "rows": [row_json(table, r) for r in page], "total": total,
            "sort": query.sort or table.default_sort, "order": query.order,
            "limit": query.limit, "offset": query.offset}


def table_csv(table: Table, rows: list[Row], *, lang: str = "zh") -> str:
    """CSV of every row, with a BOM so Excel reads UTF-8; headers in ``lang`` (zh or en)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    provenance = ["IRI", "出处段落"] if lang == "zh" else ["IRI", "Passages"]
    writer.writerow([c.label_en if lang == "en" else c.label_zh for c in table.columns] + provenance)
    for row in rows:
        cells = [CSV_SEPARATOR.join(str(v) for v in _as_list(row.cells[c.key].value)) for c in table.columns]
        writer.writerow([*cells, row.iri, CSV_SEPARATOR.join(row.passages)])
    return "\ufeff" + buffer.getvalue()
