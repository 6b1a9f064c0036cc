"""The SPARQL query behind an answer: generated from the chosen facts, run against the store.

Only IRIs taken from the graph go into the query text; the question's words never do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chainkg.ingest.factrows import FactRow
from chainkg.vocab import CKO

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer


def plan(rows: list[FactRow]) -> str:
    """A SELECT over the (subject, property) pairs of ``rows``, with the passage of each fact."""
    pairs = sorted({(r.subject, r.predicate) for r in rows})
    values = "\n    ".join(f"(<{s}> cko:{p})" for s, p in pairs)
    return (f"PREFIX cko: <{CKO}>\n"
            "SELECT ?s ?p ?o ?passage WHERE {\n"
            f"  VALUES (?s ?p) {{\n    {values}\n  }}\n"
            "  GRAPH ?passage { ?s ?p ?o }\n"
            "  ?passage a cko:Passage .\n"
            "}")


def confirm(a: Answerer, rows: list[FactRow]) -> tuple[str, bool]:
    """The query, and whether the store returns every chosen fact."""
    query = plan(rows)
    found = {(sol["s"].value, sol["p"].value, sol["o"].value) for sol in a.store.query(query)}
    return query, all((r.subject, str(CKO[r.predicate]), r.obj or r.value or "") in found for r in rows)
