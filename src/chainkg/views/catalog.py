"""``Views``: the browse tables, comparisons and charts of one build, each computed once.

>>> from chainkg.store import OxigraphStore
>>> views = Views(OxigraphStore.in_memory(), build_id="empty")
>>> [(t["key"], t["count"]) for t in views.tables()][:2]
[('companies', 0), ('platforms', 0)]
>>> views.table("nope")
Traceback (most recent call last):
chainkg.views.errors.ViewNotFoundError: no table 'nope'; tables: companies, platforms, policies, subsidies, \
stances, universities, courses, alliances, funding, countries, laws, events
"""

from __future__ import annotations

from typing import Any

from chainkg.store.base import GraphStore
from chainkg.views.charts import CHARTS, Chart, chart_json
from chainkg.views.compare import compare_cities, compare_countries
from chainkg.views.errors import ViewNotFoundError
from chainkg.views.graphdata import GraphData, Memo
from chainkg.views.table_query import TableQuery, haystack, select, table_csv, table_json
from chainkg.views.tables import TABLES, Row, Table, build_rows, members

__all__ = ["Views"]


def _find(kind: str, key: str, known: dict[str, Any]) -> Any:
    if key not in known:
        raise ViewNotFoundError(f"no {kind} {key!r}; {kind}s: {', '.join(known)}")
    return known[key]


class Views:
    """Read-only analyst views over ``store``; ``build_id`` says which build they describe."""

    def __init__(self, store: GraphStore, *, build_id: str) -> None:
        self.build_id = build_id
        self._data = GraphData(store)
        self._memo = Memo()
        self._tables = {t.key: t for t in TABLES}
        self._charts = {c.key: c for c in CHARTS}

    def warm_up(self) -> None:
        """Compute every table, its search text, both comparisons and every chart now."""
        for key in self._tables:
            self._texts(key)
        self.compare_cities()
        self.compare_countries()
        for key in self._charts:
            self.chart(key)

    def table(self, key: str) -> Table:
        table: Table = _find("table", key, self._tables)
        return table

    def rows(self, key: str) -> list[Row]:
        """Every row of the table, in IRI order."""
        return self._memo.once(("rows", key), lambda: build_rows(self.table(key), self._data))

    def _texts(self, key: str) -> dict[str, str]:
        table = self.table(key)
        return self._memo.once(("texts", key), lambda: {r.iri: haystack(table, r) for r in self.rows(key)})

    def tables(self) -> list[dict[str, Any]]:
        """The ``/api/browse`` list: key, labels and number of rows of every table (class members
        counted without building the rows)."""
        return [{"key": t.key, "label_zh": t.label_zh, "label_en": t.label_en, "count": len(members(t, self._data))}
                for t in TABLES]

    def select(self, key: str, query: TableQuery) -> tuple[Table, list[Row], int]:
        """The table, its rows matching and sorted as asked (not paged), and their number."""
        table = self.table(key)
        texts = self._texts(key) if query.q.strip() else {}
        rows, total = select(table, self.rows(key), texts, query)
        return table, rows, total

    def browse(self, key: str, query: TableQuery) -> dict[str, Any]:
        table, rows, total = self.select(key, query)
        return table_json(table, rows, total, query)

    def browse_csv(self, key: str, query: TableQuery, *, lang: str = "zh") -> str:
        table, rows, _ = self.select(key, query)
        return table_csv(table, rows, lang=lang)

    def compare_cities(self) -> dict[str, Any]:
        return self._memo.once(("cities",), lambda: compare_cities(self.rows("subsidies"), self._data))

    def compare_countries(self) -> dict[str, Any]:
        columns = {c.key: (c.label_zh, c.label_en) for c in self.table("stances").columns}
        return self._memo.once(("countries",), lambda: compare_countries(self.rows("stances"), columns, self._data))

    def charts(self) -> list[dict[str, str]]:
        return [{"key": c.key, "title_zh": c.title_zh, "title_en": c.title_en} for c in CHARTS]

    def chart(self, key: str) -> dict[str, Any]:
        chart: Chart = _find("chart", key, self._charts)
        return self._memo.once(("chart", key), lambda: chart_json(chart, self._data))
