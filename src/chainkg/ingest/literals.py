"""Turn a curated value into an RDF literal: the rules of docs/curation.md."""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal
from rdflib.namespace import XSD

from chainkg.model import LiteralValue

DATE_PROPERTIES = frozenset(
    {"date", "startDate", "foundingDate", "issueDate", "proposedIn", "refPeriod"}
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    """True when ``text`` contains a CJK ideograph."""
    return bool(_CJK.search(text))


def to_literal(value: LiteralValue, predicate: str, *, datatype: str | None = None,
               lang: str | None = None) -> Literal:
    """The literal for ``value`` on ``predicate``.

    >>> to_literal("2018-06", "date").datatype == XSD.gYearMonth
    True
    >>> to_literal("1750万元", "amount").language
    'zh'
    """
    if datatype is not None:
        return Literal(str(value), datatype=XSD[datatype])
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    text = str(value).strip()
    if _DATE.match(text):
        return Literal(text, datatype=XSD.date)
    if _YEAR_MONTH.match(text):
        return Literal(text, datatype=XSD.gYearMonth)
    if _YEAR.match(text) and predicate in DATE_PROPERTIES:
        return Literal(text, datatype=XSD.gYear)
    if lang is not None:
        return Literal(text, lang=lang)
    if has_cjk(text):
        return Literal(text, lang="zh")
    return Literal(text)
