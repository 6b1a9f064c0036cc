"""Where the report contradicts itself, both statements are kept, each with its passage."""

from __future__ import annotations

from chainkg.describe import resolve
from chainkg.store import OxigraphStore

ID = "https://w3id.org/chainkg/id/"


def test_denmark_tax_incentives_text_versus_appendix_3(store: OxigraphStore) -> None:
    rows = list(store.query(f"""SELECT ?v ?path WHERE {{
        VALUES ?denmark {{ <{ID}country/denmark> }}
        GRAPH ?g {{ ?s cko:taxIncentive ?v }}
        {{ BIND(?denmark AS ?s) }} UNION {{ ?s cko:stanceOf ?denmark }}
        ?g cko:sectionPath ?path }}"""))
    by_value = {(r["v"].value, r["path"].value.split(" / ")[0]) for r in rows}
    assert ("true", "三、全球区块链变化与发展趋势") in by_value
    assert ("false", "附录 3、全球 30 国监管态度一览") in by_value


def test_eleven_and_ten_provinces_both_kept(store: OxigraphStore) -> None:
    rows = list(store.query("""SELECT DISTINCT ?v ?g WHERE { GRAPH ?g {
        ?s a cko:Statistic ; cko:value ?v ; cko:statedValue ?sv }
        FILTER(CONTAINS(STR(?sv), "省")) FILTER(?v IN (10, 11)) }"""))
    values = {int(r["v"].value) for r in rows}
    assert values == {10, 11}
    assert len({r["g"].value for r in rows}) >= 2


def test_variant_company_names_are_aliases(store: OxigraphStore) -> None:
    assert resolve(store, "嘉楠云智") == resolve(store, "嘉楠耘智") == [ID + "company/canaan"]
