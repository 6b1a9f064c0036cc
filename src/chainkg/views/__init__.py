"""Analyst views of the graph for the web UI: browse tables, comparisons and charts.

Every row, cell and point carries the ids of the report passages it comes from. The views
read the store with SPARQL (no user text ever enters a query) and compute each result once
per ``Views`` object, i.e. once per build when the app keeps one per build.

Modules: ``graphdata`` (facts per entity with passages), ``columns`` and ``tables`` (what
each table shows), ``table_query`` (filter, sort, page, CSV), ``compare``, ``charts``,
``catalog`` (``Views``), ``errors``.
"""

from chainkg.views.catalog import Views
from chainkg.views.errors import ViewNotFoundError, ViewParameterError
from chainkg.views.table_query import MAX_LIMIT, TableQuery

__all__ = ["MAX_LIMIT", "TableQuery", "ViewNotFoundError", "ViewParameterError", "Views"]
