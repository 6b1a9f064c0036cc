"""Browse tables, comparisons and charts over the real build: what the web UI's pages show."""

from __future__ import annotations

import csv
import doctest
import io
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

import chainkg.views.catalog
import chainkg.views.graphdata
from chainkg.store import OxigraphStore
from chainkg.views import TableQuery, ViewNotFoundError, ViewParameterError, Views
from chainkg.vocab import ID_BASE

ROOT = Path(__file__).resolve().parents[1]
QULIAN = ID_BASE + "company/qulian"


@pytest.fixture(scope="module")
def views(store: OxigraphStore) -> Views:
    return Views(store, build_id="test")


def _count(store: OxigraphStore, where: str) -> int:
    return int(next(iter(store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}")))["n"].value)


def _all(views: Views, key: str, **query: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = views.browse(key, TableQuery(limit=1000, **query))["rows"]
    return rows


def _states(store: OxigraphStore, passage: str, iri: str) -> bool:
    """Whether the passage's named graph says something about ``iri``."""
    return bool(store.query("ASK { GRAPH ?g { { ?x ?p ?o } UNION { ?o ?p ?x } } }",
                            bindings={"g": ox.NamedNode(ID_BASE + "passage/" + passage), "x": ox.NamedNode(iri)}))


def test_table_counts_match_the_graph(views: Views, store: OxigraphStore) -> None:
    counts = {t["key"]: t["count"] for t in views.tables()}
    assert counts["stances"] == 30
    assert counts["universities"] == _count(store, "?x a cko:University")
    assert counts["courses"] == _count(store, "?x a cko:CourseOffering") > 40
    assert counts["policies"] == _count(store, "?x a cko:Policy FILTER NOT EXISTS { ?x a cko:Law }")
    assert counts["subsidies"] == _count(store, "?x a cko:Subsidy") > 60
    assert {"companies", "platforms", "alliances", "funding"} <= counts.keys()
    assert all(len(views.rows(key)) == n for key, n in counts.items())


def test_company_row_shows_platforms_funding_and_provenance(views: Views, store: OxigraphStore) -> None:
    row = next(r for r in _all(views, "companies") if r["iri"] == QULIAN)
    assert "Hyperchain" in row["platforms"] and row["location"] == ["杭州市"]
    assert row["rounds"] == 3 and row["funding_total"] == 151750  # 15亿 + 1750万, in 万元
    assert ID_BASE + "platform/hyperchain" in row["links"]["platforms"]
    assert row["passages"] and all(_states(store, p, QULIAN) or _states(store, p, ID_BASE + "platform/hyperchain")
                                   or _states(store, p, ID_BASE + "round/qulian-2018-06") for p in row["passages"])


def test_filter_matches_traditional_and_full_width_input(views: Views) -> None:
    assert [r["iri"] for r in _all(views, "companies", q="趣鏈")] == [QULIAN]
    assert any(r["name_en"] == "Hyperchain" for r in _all(views, "platforms", q="ＨＹＰＥＲＣＨＡＩＮ"))
    assert views.browse("companies", TableQuery(q="no such name anywhere"))["total"] == 0


def test_numbers_sort_numerically_and_missing_values_last(views: Views) -> None:
    amounts = [r["amount_value"] for r in _all(views, "funding", sort="amount_value")]
    known = [a for a in amounts if a is not None]
    assert known == sorted(known) and len(known) >= 3 and str(known[0]) != min(map(str, known))
    assert amounts[len(known):] == [None] * (len(amounts) - len(known))
    descending = [r["amount_value"] for r in _all(views, "funding", sort="amount_value", order="desc")]
    assert descending[:len(known)] == known[::-1] and descending[-1] is None
    courses = [r["courses"] for r in _all(views, "universities", sort="courses", order="desc")]
    assert courses == sorted(courses, reverse=True) and courses[0] >= 2


def test_paging_keeps_the_total(views: Views) -> None:
    page = views.browse("courses", TableQuery(limit=10, offset=40, sort="start_year"))
    assert page["total"] == len(views.rows("courses")) and len(page["rows"]) == page["total"] - 40


def test_bad_keys_and_parameters_say_what_is_allowed(views: Views) -> None:
    with pytest.raises(ViewNotFoundError, match="companies, platforms"):
        views.browse("nope", TableQuery())
    with pytest.raises(ViewParameterError, match="sort by one of: name_zh"):
        views.browse("companies", TableQuery(sort="nope"))
    for bad in ({"limit": 0}, {"limit": 100000}, {"offset": -1}, {"order": "up"}):
        with pytest.raises(ViewParameterError):
            TableQuery(**bad)
    with pytest.raises(ViewNotFoundError, match="patents-by-city"):
        views.chart("nope")


def _parse_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_has_every_matching_row_with_joined_lists(views: Views) -> None:
    table = _parse_csv(views.browse_csv("funding", TableQuery(limit=1)))
    assert table[0][:3] == ["融资方", "日期", "轮次"] and table[0][-2:] == ["IRI", "出处段落"]
    assert len(table) - 1 == len(views.rows("funding"))
    investors = table[0].index("投资方")
    assert any("；" in r[investors] for r in table[1:])
    english = _parse_csv(views.browse_csv("funding", TableQuery(), lang="en"))
    assert english[0][:2] == ["Company", "Date"] and english[1:] == table[1:]


def test_cities_compare_appendix_5(views: Views, store: OxigraphStore) -> None:
    data = views.compare_cities()
    cities = {c["label_zh"]: c["iri"] for c in data["cities"]}
    assert {"杭州市", "上海", "苏州", "青岛", "广州", "长沙", "贵州"} <= cities.keys()
    appendix = ["cultivation", "growth", "platform", "demonstration", "finance", "technology", "talent"]
    assert [k["key"] for k in data["kinds"]][:7] == appendix
    cells = {(c["city"], c["kind"]): c["items"] for c in data["cells"]}
    assert all((cities[city], kind) in cells for city in ("杭州市", "青岛", "贵州") for kind in appendix)
    (item,) = cells[(cities["杭州市"], "cultivation")]
    assert item["amount_value"] == 50 and item["unit"] == "万元" and "1.5" in item["amount_text"]
    items = {i["iri"] for c in data["cells"] for i in c["items"]}
    assert len(items) == _count(store, "?x a cko:Subsidy")
    xixigu = [i for i in cells[(cities["杭州市"], "talent-support")] if "西溪谷" in i["label"]]
    assert xixigu and all(i["passages"] for c in data["cells"] for i in c["items"])


def test_countries_compare_appendix_3(views: Views) -> None:
    data = views.compare_countries()
    assert len(data["countries"]) == 30
    assert [d["key"] for d in data["dimensions"]][:2] == ["trading", "ico"]
    china = next(c for c in data["countries"] if c["label_zh"] == "中国")
    assert china["attitude"] == "严禁" and china["values"]["ico"] == "禁止"
    japan = next(c for c in data["countries"] if c["label_en"] == "Japan")
    assert japan["values"]["trading"] == "允许" and japan["values"]["ico"] == "有条件"
    assert all(c["passages"] and set(c["values"]) == {d["key"] for d in data["dimensions"]} for c in data["countries"])


def test_every_chart_has_points_with_provenance(views: Views, store: OxigraphStore) -> None:
    for entry in views.charts():
        chart = views.chart(entry["key"])
        points = [p for s in chart["series"] for p in s["points"]]
        assert points, entry["key"]
        for point in points:
            assert point["passages"] and isinstance(point["y"], int | float), (entry["key"], point)
            if point["iri"]:
                assert any(_states(store, p, point["iri"]) for p in point["passages"])


def _points(views: Views, key: str, series: int = 0) -> dict[Any, Any]:
    return {p["x"]: p["y"] for p in views.chart(key)["series"][series]["points"]}


def test_chart_values_are_the_reports(views: Views, store: OxigraphStore) -> None:
    assert _points(views, "patents-by-city") == {"北京": 277, "深圳": 212, "上海": 125, "杭州市": 80, "广州": 47}
    assert _points(views, "funding-per-year") == {2015: 15, 2016: 69, 2017: 121, 2018: 305}
    assert _points(views, "security-losses") == {2017: 6.34, "2018年上半年": 27}
    assert sum(_points(views, "attack-surfaces").values()) == pytest.approx(100)
    per_year = _points(views, "course-start-years")
    assert sum(per_year.values()) == _count(store, "?x a cko:CourseOffering ; cko:startDate ?d")
    assert min(per_year) == 2013


def test_results_are_computed_once_across_threads(store: OxigraphStore) -> None:
    fresh = Views(store, build_id="threads")
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda key: fresh.rows(key), ["companies", "stances"] * 6))
    assert all(r is results[0] for r in results[::2]) and all(r is results[1] for r in results[1::2])
    fresh.warm_up()
    assert fresh.rows("companies") is results[0] and fresh.chart("attack-surfaces")["series"]


def test_doctests_of_the_views() -> None:
    for module in (chainkg.views.graphdata, chainkg.views.catalog):
        assert doctest.testmod(module).failed == 0


def test_ontology_terms_used_by_the_views_exist() -> None:
    ontology = (ROOT / "ontology" / "chainkg.ttl").read_text(encoding="utf-8")
    used = {m for f in (ROOT / "src" / "chainkg" / "views").glob("*.py")
            for m in re.findall(r"CKO\.(\w+)", f.read_text(encoding="utf-8"))}
    assert len(used) > 30
    assert [t for t in sorted(used) if not re.search(rf"^cko:{t}\b", ontology, re.M)] == []


def test_views_do_not_import_the_web_framework() -> None:
    code = "import sys, chainkg.views; print(sorted(m for m in sys.modules if m.split('.')[0] in " \
           "('fastapi', 'starlette', 'uvicorn', 'jinja2')))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "[]"


# ---------------------------------------------------------------- over HTTP


def test_http_browse_filter_sort_and_errors(server: str) -> None:
    tables = {t["key"]: t for t in httpx.get(server + "/api/browse").json()["tables"]}
    assert tables["stances"]["count"] == 30 and tables["companies"]["label_zh"] == "企业"
    body = httpx.get(server + "/api/browse/companies", params={"q": "趣鏈"}).json()
    assert body["total"] == 1 and "Hyperchain" in body["rows"][0]["platforms"]
    assert {"key", "label_zh", "label_en", "type"} <= body["columns"][0].keys()
    r = httpx.get(server + "/api/browse/universities", params={"sort": "courses", "order": "desc", "limit": 5})
    assert [row["courses"] for row in r.json()["rows"]] == sorted((row["courses"] for row in r.json()["rows"]),
                                                                  reverse=True)
    assert httpx.get(server + "/api/browse/nope").status_code == 404
    bad_sort = httpx.get(server + "/api/browse/companies", params={"sort": "nope"})
    assert bad_sort.status_code == 400 and "name_zh" in bad_sort.json()["detail"]
    for params in ({"limit": 5000}, {"offset": -1}, {"format": "xml"}, {"lang": "fr"}):
        assert httpx.get(server + "/api/browse/companies", params=params).status_code == 400, params
    assert httpx.get(server + "/api/browse/companies", params={"limit": "x"}).status_code == 422


def test_http_csv_download(server: str) -> None:
    r = httpx.get(server + "/api/browse/subsidies", params={"format": "csv", "q": "杭州"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == "attachment; filename=chainkg-subsidies.csv"
    assert r.content.startswith(b"\xef\xbb\xbf")
    rows = _parse_csv(r.content.decode("utf-8"))
    total = httpx.get(server + "/api/browse/subsidies", params={"q": "杭州"}).json()["total"]
    assert len(rows) - 1 == total > 5 and any("杭州培育支持" in row for row in rows)
    negotiated = httpx.get(server + "/api/browse/subsidies", params={"lang": "en"}, headers={"Accept": "text/csv"})
    assert _parse_csv(negotiated.text)[0][0] == "Name"


def test_http_compare_and_charts(server: str) -> None:
    assert len(httpx.get(server + "/api/compare/countries").json()["countries"]) == 30
    assert len(httpx.get(server + "/api/compare/cities").json()["cities"]) >= 7
    listed = httpx.get(server + "/api/charts").json()
    assert {"funding-per-year", "companies-by-city", "patents-by-city", "security-losses", "attack-surfaces",
            "course-start-years"} <= {c["key"] for c in listed}
    for entry in listed:
        chart = httpx.get(server + "/api/charts/" + entry["key"]).json()
        assert chart["kind"] in ("bar", "line", "pie") and chart["series"][0]["points"]
        assert all(p["passages"] for s in chart["series"] for p in s["points"])
    assert httpx.get(server + "/api/charts/nope").status_code == 404
