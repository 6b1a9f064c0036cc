"""Counting what a part of the report lists: "附录4一共列了多少项政策？", "附录7里有几所俄罗斯高校？".

The count is a SPARQL query over the graph: entities of the class asked for that a passage of
the named section states a fact about (and, when the question names entities, that are tied to
one of them). Only IRIs from the graph go into the query text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chainkg.qa.analysis import Question
from chainkg.vocab import CKO

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

_MEASURE_WORD = re.compile(r"(?:多少|几)\s*(个|家|所|项|位|条|部|本|国|种|款|次|起)")


def census_query(cls: str, passages: list[str], anchors: list[str]) -> str:
    """Count the entities of ``cls`` stated about in ``passages`` (tied to one of ``anchors``)."""
    values = " ".join(f"<{p}>" for p in passages)
    tie = ""
    if anchors:
        tied = " ".join(f"<{iri}>" for iri in anchors)
        tie = f"  VALUES ?anchor {{ {tied} }}\n  {{ ?e ?link ?anchor }} UNION {{ ?anchor ?link ?e }}\n"
    return (f"PREFIX cko: <{CKO}>\n"
            "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {\n"
            f"  VALUES ?passage {{ {values} }}\n"
            f"  ?e a cko:{cls} .\n"
            "  GRAPH ?passage { { ?e ?p ?o } UNION { ?s ?p ?e } }\n"
            f"{tie}"
            "}")


def section_passages(a: Answerer, section: str) -> list[str]:
    """The passages of the section whose path starts with ``section``, in report order."""
    return sorted(iri for iri, doc in a.passages.items() if doc.section.startswith(section))


def census(a: Answerer, q: Question, anchors: list[str]) -> tuple[int, str, list[str]] | None:
    """How many entities of the class asked for the question's section lists, the query that
    counted them, and the section's passages; None when the question is not that kind."""
    # an appendix lists (its tables' rows are the entities); a chapter states figures of its own
    if not (q.wants_any("count") and q.section.startswith("附录") and q.wanted_type):
        return None
    passages = section_passages(a, q.section)
    if not passages:
        return None
    query = census_query(q.wanted_type, passages, anchors)
    rows = list(a.store.query(query))
    n = int(rows[0]["n"].value) if rows else 0
    return (n, query, passages) if n else None


def measure_word(q: Question) -> str:
    """The measure word the question counts with ("多少项" → "项"), 个 by default."""
    m = _MEASURE_WORD.search(q.text)
    return m.group(1) if m else ("" if q.lang == "en" else "个")
