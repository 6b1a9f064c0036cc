"""Counting what a part of the report lists: "附录4一共列了多少项政策？", "附录7里有几所俄罗斯高校？".

The count is a SPARQL query over the graph: entities of the class asked for that a passage of
the named section states a fact about (and, when the question names entities, that are tied to
one of them). Only IRIs from the graph go into the query text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

import pyoxigraph as ox

from chainkg.ingest.factrows import FactRow
from chainkg.qa.analysis import MEASURE_WORDS, Question
from chainkg.qa.scoring import Scored
from chainkg.vocab import CKO

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

_MEASURE_WORD = re.compile(rf"(?:多少|几)\s*({MEASURE_WORDS})")


def census_query(cls: str, passages: list[str], anchors: list[str], dated: bool = False) -> str:
    """Count the entities of ``cls`` stated about in ``passages`` (tied to one of ``anchors``;
    ``dated``: with a date, of their own or of something tied to them, in the year bound to
    ``?year``, "2018年开课的高校")."""
    values = " ".join(f"<{p}>" for p in passages)
    tie = ""
    if anchors:
        tied = " ".join(f"<{iri}>" for iri in anchors)
        tie = f"  VALUES ?anchor {{ {tied} }}\n  {{ ?e ?link ?anchor }} UNION {{ ?anchor ?link ?e }}\n"
    if dated:
        # (stated in the same passage of that part: the table row, not a date found elsewhere)
        tie += ("  GRAPH ?passage { { ?e ?datedBy ?date } UNION { ?x ?tied ?e . ?x ?datedBy ?date } }\n"
                "  FILTER(isLiteral(?date) && DATATYPE(?date) IN (xsd:date, xsd:gYearMonth, xsd:gYear)"
                " && STRSTARTS(STR(?date), STR(?year)))\n")
    # (a bound variable must be projected: the year is, grouped on)
    return (f"PREFIX cko: <{CKO}>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
            f"SELECT {'?year ' if dated else ''}(COUNT(DISTINCT ?e) AS ?n) WHERE {{\n"
            f"  VALUES ?passage {{ {values} }}\n"
            f"  ?e a cko:{cls} .\n"
            "  GRAPH ?passage { { ?e ?p ?o } UNION { ?s ?p ?e } }\n"
            f"{tie}"
            f"}}{' GROUP BY ?year' if dated else ''}")


def condition_year(q: Question) -> str:
    """The one year, or year and month, a question names as a condition ("2018年开课的",
    "开始时间标为2018年4月的" → "2018-04", "started … in 2018")."""
    years = {d[:7] for d in q.dates} | set(re.findall(r"\bin ((?:19|20)\d\d)\b", q.raw))
    months = {y for y in years if len(y) > 4}
    if len({y[:4] for y in years}) == 1 and len(months) == 1:
        years = months  # ("2018年…2018年4月": the month says more; two months are no one condition)
    return years.pop() if len(years) == 1 else ""


def section_passages(a: Answerer, section: str) -> list[str]:
    """The passages of the section whose path starts with ``section``, in report order."""
    return sorted(iri for iri in a.passages if a.in_part(iri, section))


def census(a: Answerer, q: Question, anchors: list[str]) -> tuple[int, str, list[str]] | None:
    """How many entities of the class asked for the question's section lists, the query that
    counted them, and the section's passages; None when the question is not that kind."""
    # an appendix lists (its tables' rows are the entities); a chapter states figures of its own
    if not (q.wants_any("count") and q.section.startswith("附录") and q.wanted_type):
        return None
    passages = section_passages(a, q.section)
    if not passages:
        return None
    year = condition_year(q)
    query = census_query(q.wanted_type, passages, anchors, dated=bool(year))
    rows = list(a.store.query(query, bindings={"year": ox.Literal(year)} if year else None))
    n = int(rows[0]["n"].value) if rows else 0
    if year:  # the query as people can run it: the year (four digits) as a value
        # (digits and a hyphen only, from the question's dates: nothing of the user's text)
        query = query.replace("WHERE {\n", f'WHERE {{\n  VALUES ?year {{ "{year}" }}\n', 1)
    return (n, query, passages) if n else None


def measure_word(q: Question) -> str:
    """The measure word the question counts with ("多少项" → "项"), 个 by default."""
    m = _MEASURE_WORD.search(q.text)
    return m.group(1) if m else ("" if q.lang == "en" else "个")


def most_counted(a: Answerer, q: Question, scored: list[Scored]) -> tuple[str, list[int]] | None:
    """"附录4里哪个地区列的专项政策最多": of the entities of the kind asked for that the
    section's facts point to by the best such fact's property, the one the most subjects point
    to, and those facts; None unless that one is a clear winner."""
    if not (q.section and q.wants_any("most") and q.wants_any("entity", "count")):
        return None
    inside = {iri.rsplit("/", 1)[-1] for iri in section_passages(a, q.section)}

    def fits(row: FactRow) -> bool:
        return (row.obj is not None and not inside.isdisjoint(row.passages)
                and (not q.wanted_type or q.wanted_type in a.types(row.obj)))

    top = next((a.facts.rows[s.index] for s in scored[:50]
                if not s.answer_is_subject and fits(a.facts.rows[s.index])), None)
    if top is None:
        return None
    pointing: dict[str, dict[str, int]] = defaultdict(dict)
    for i, row in enumerate(a.facts.rows):
        if row.predicate == top.predicate and fits(row):
            pointing[row.obj or ""].setdefault(row.subject, i)
    ranked = sorted(pointing.items(), key=lambda kv: -len(kv[1]))
    if len(ranked) < 2 or len(ranked[0][1]) == len(ranked[1][1]):
        return None
    winner, subjects = ranked[0]
    return winner, list(subjects.values())
