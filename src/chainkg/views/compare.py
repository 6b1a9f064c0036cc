"""Side-by-side comparisons: local support policies by city and kind, national stances by dimension.

Both are read from the browse tables' rows (subsidies, stances), so a comparison shows the
same values, with the same passages, as the table it summarises.

Cities: a subsidy of a district or park counts for the city containing it (西溪谷 → 杭州), so
appendix 5's cities and the measures the policy chapter names for their districts line up.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from chainkg.views.graphdata import GraphData
from chainkg.views.tables import STANCE_WORDS, Row
from chainkg.vocab import CKO

__all__ = ["COUNTRY_DIMENSIONS", "SUPPORT_KINDS", "compare_cities", "compare_countries"]

#: appendix 5's kinds of support in its order, then the kinds the policy chapter adds
SUPPORT_KINDS: dict[str, tuple[str, str]] = {
    "培育支持": ("cultivation", "Cultivation support"), "成长奖励": ("growth", "Growth reward"),
    "平台奖励": ("platform", "Platform reward"), "示范奖励": ("demonstration", "Demonstration reward"),
    "金融支持": ("finance", "Financial support"), "技术奖励": ("technology", "Technology reward"),
    "人才补贴": ("talent", "Talent subsidy"), "人才支持": ("talent-support", "Talent support"),
    "企业扶持": ("enterprise", "Enterprise support"), "产学研合作": ("research", "Industry–research cooperation"),
    "教育培训": ("education", "Education and training"),
    "应用示范专项扶持": ("application-demo", "Application demonstration programme"),
}
#: the stance table's columns compared across countries (appendix 3's columns)
COUNTRY_DIMENSIONS = ("trading", "ico", "bitcoin_payment", "fiat_exchange", "risk_warning", "strengthening",
                      "tax_incentive")
_UNIT = "万元"


def _column_place(place: str, data: GraphData) -> str:
    """The city (or province) a subsidy of ``place`` is compared under."""
    if place in data.members(CKO.City) or place in data.members(CKO.Province):
        return place
    cities = sorted(data.wholes(place) & data.members(CKO.City))
    return cities[0] if cities else place


def _item(row: Row, data: GraphData) -> dict[str, Any]:
    cells = row.cells
    amounts = cells["amount_text"].value
    value = cells["max_amount"].value
    return {"label": cells["name_zh"].value, "label_en": data.label(row.iri, "en"),
            "description": cells["measure"].value,
            "amount_text": "；".join(map(str, amounts)) if isinstance(amounts, list) and amounts else None,
            "amount_value": value, "unit": _UNIT if value is not None else None,
            "iri": row.iri, "passages": list(row.passages)}


def _kind(zh: str) -> dict[str, str]:
    key, en = SUPPORT_KINDS.get(zh, (zh, zh))
    return {"key": key, "label_zh": zh, "label_en": en}


def compare_cities(subsidies: list[Row], data: GraphData) -> dict[str, Any]:
    """Subsidy measures by city and kind of support (the ``/api/compare/cities`` contract)."""
    cells: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in subsidies:
        kind = str(row.cells["kind"].value or "")
        for place in sorted({_column_place(p, data) for p in row.cells["city"].links}):
            cells[(place, kind)].append(_item(row, data))
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for place, kind in cells:
        kinds_of[place].add(kind)
    cities = sorted(kinds_of, key=lambda c: (-len(kinds_of[c]), data.label(c, "zh")))
    order = list(SUPPORT_KINDS)
    kinds = sorted({k for _, k in cells}, key=lambda k: (order.index(k) if k in order else len(order), k))
    return {
        "cities": [{"iri": c, "label_zh": data.label(c, "zh"), "label_en": data.label(c, "en")} for c in cities],
        "kinds": [_kind(k) for k in kinds],
        "cells": [{"city": c, "kind": _kind(k)["key"], "items": cells[(c, k)]}
                  for c in cities for k in kinds if (c, k) in cells],
    }


def compare_countries(stances: list[Row], columns: dict[str, tuple[str, str]], data: GraphData) -> dict[str, Any]:
    """Each country's overall attitude and its stance per dimension (``/api/compare/countries``).

    ``columns`` gives the zh and en label of each dimension (the stance table's columns).
    """
    countries = []
    for row in stances:
        country = row.cells["country"].links[0] if row.cells["country"].links else row.iri
        values = {d: row.cells[d].value for d in COUNTRY_DIMENSIONS}
        countries.append({"iri": country, "label_zh": data.label(country, "zh"),
                          "label_en": data.label(country, "en"), "attitude": row.cells["attitude"].value,
                          "values": values, "stance": row.iri, "passages": list(row.passages)})
    countries.sort(key=lambda c: (str(c["attitude"] or ""), c["label_en"]))
    return {"dimensions": [{"key": d, "label_zh": columns[d][0], "label_en": columns[d][1]}
                           for d in COUNTRY_DIMENSIONS],
            "countries": countries,
            "legend": [{"value": zh, "label_en": en, "symbol": _SYMBOLS.get(zh)} for zh, en in _ENGLISH.items()]}


_ENGLISH = {"允许": "allowed", "有条件": "conditional", "禁止": "prohibited", "未明确": "unspecified",
            "是": "yes", "否": "no"}
_SYMBOLS = {zh: symbol for symbol, zh in STANCE_WORDS.items()}
