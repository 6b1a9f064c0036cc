"""Charts of figures the report states: each point is a ``cko:Statistic`` (or a count of entities)
with the passages it comes from. No number is computed that the graph does not hold, except
counts of entities per year, whose points name the entities counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from chainkg.views.graphdata import GraphData, Sheet
from chainkg.vocab import CKO

__all__ = ["CHARTS", "Chart", "Series", "chart_json", "count_by_year", "statistics"]

Point = dict[str, Any]
Points = Callable[[GraphData], list[Point]]
XFrom = Literal["area", "about", "period"]


@dataclass(frozen=True, slots=True)
class Series:
    name_zh: str
    name_en: str
    points: Points


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title_zh: str
    title_en: str
    kind: Literal["bar", "line", "pie"]
    x_label: tuple[str, str]
    y_label: tuple[str, str]
    series: tuple[Series, ...]


def _x(sheet: Sheet, x_from: XFrom, data: GraphData) -> tuple[Any, str | None]:
    """The point's x (a label, a year as int, or a period as stated) and its English label."""
    if x_from == "period":
        period = sheet.first(CKO.refPeriod)
        text = str(period.value) if period else ""
        return (int(text), None) if text.isdigit() and len(text) == 4 else (text, None)
    target = sheet.first(CKO.refArea if x_from == "area" else CKO.about)
    if target is None:
        return None, None
    return data.label(str(target.value), "zh"), data.label(str(target.value), "en")


def statistics(*measures: str, x_from: XFrom, prefix: bool = False, label: str = "stated") -> Points:
    """Statistics whose ``cko:measure`` is one of ``measures`` (or starts with one, if ``prefix``).

    ``label`` is the point's label: the value as stated, or the measure (when a series joins
    two measures, the label says which one each point is).
    """
    def points(data: GraphData) -> list[Point]:
        found = []
        for sheet in data.sheets(CKO.Statistic).values():
            measure, value = sheet.first(CKO.measure), sheet.first(CKO.value)
            if measure is None or value is None or not _measured(str(measure.value), measures, prefix):
                continue
            x, x_en = _x(sheet, x_from, data)
            shown = sheet.first(CKO.statedValue) if label == "stated" else measure
            found.append({"x": x, "x_en": x_en, "y": value.value, "label": str(shown.value) if shown else None,
                          "iri": sheet.iri, "passages": list(sheet.passages())})
        return _ordered(found, by_x=x_from == "period")
    return points


def _measured(measure: str, measures: tuple[str, ...], prefix: bool) -> bool:
    return any(measure.startswith(m) if prefix else measure == m for m in measures)


def _ordered(points: list[Point], *, by_x: bool) -> list[Point]:
    if by_x:
        return sorted(points, key=lambda p: str(p["x"]))
    return sorted(points, key=lambda p: (-float(p["y"]), str(p["x"])))


def count_by_year(cls: str, *dates: str) -> Points:
    """Members of ``cls`` per year of their earliest date; each point names them."""
    def points(data: GraphData) -> list[Point]:
        by_year: dict[int, list[Sheet]] = defaultdict(list)
        passages: dict[int, set[str]] = defaultdict(set)
        for sheet in data.sheets(cls).values():
            stated = [v for d in dates for v in sheet.values(d) if str(v.value)[:4].isdigit()]
            if stated:
                first = min(stated, key=lambda v: str(v.value))
                year = int(str(first.value)[:4])
                by_year[year].append(sheet)
                passages[year].update(first.passages)
        return [{"x": year, "x_en": None, "y": len(sheets), "iri": None, "passages": sorted(passages[year]),
                 "label": "、".join(sorted(data.label(s.iri, "zh") for s in sheets))}
                for year, sheets in sorted(by_year.items())]
    return points


def chart_json(chart: Chart, data: GraphData) -> dict[str, Any]:
    """The ``/api/charts/{key}`` contract."""
    return {"key": chart.key, "title_zh": chart.title_zh, "title_en": chart.title_en, "kind": chart.kind,
            "x_label_zh": chart.x_label[0], "x_label_en": chart.x_label[1],
            "y_label_zh": chart.y_label[0], "y_label_en": chart.y_label[1],
            "series": [{"name_zh": s.name_zh, "name_en": s.name_en, "points": s.points(data)} for s in chart.series]}


_YEAR = ("年份", "Year")
_SHARE = ("占比（%）", "Share (%)")
CHARTS: tuple[Chart, ...] = (
    Chart("funding-per-year", "区块链融资事件数（按年）", "Blockchain funding events per year", "bar", _YEAR,
          ("事件数", "Events"), (
              Series("国内区块链企业融资事件（表1）", "Funding events of Chinese blockchain companies (table 1)",
                     statistics("区块链企业融资事件数", "区块链初创企业融资事件数", x_from="period",
                                label="measure")),
              Series("图谱中的融资轮次", "Funding rounds in the graph",
                     count_by_year(CKO.FundingRound, CKO.date)))),
    Chart("companies-by-city", "国内区块链企业地区分布", "Chinese blockchain companies by region", "bar",
          ("地区", "Region"), _SHARE, (
              Series("企业数量占比", "Share of companies", statistics("区块链企业数量地区占比", x_from="area")),)),
    Chart("patents-by-city", "2018年区块链专利公开数量（按城市）", "Blockchain patent publications by city, 2018",
          "bar", ("城市", "City"), ("专利公开数（件）", "Publications"), (
              Series("专利公开数量", "Patent publications", statistics("区块链专利公开数量", x_from="area")),)),
    Chart("security-losses", "区块链安全事件造成的经济损失", "Economic losses from blockchain security incidents",
          "bar", ("时期", "Period"), ("损失（亿美元）", "Losses (100M USD)"), (
              Series("经济损失", "Losses", statistics("区块链安全事件造成的经济损失", x_from="period")),)),
    Chart("attack-surfaces", "安全事件受攻击面占比", "Security incidents by attack surface", "pie",
          ("受攻击面", "Attack surface"), _SHARE, (
              Series("受攻击面", "Attack surface", statistics("风险事故受攻击面占比", x_from="about", prefix=True)),)),
    Chart("attack-victims", "安全事件受攻击对象占比", "Security incidents by victim", "bar",
          ("受攻击对象", "Victim"), _SHARE, (
              Series("受攻击对象", "Victim", statistics("受攻击对象占比", x_from="about", prefix=True)),)),
    Chart("course-start-years", "高校区块链课程开课年份", "University blockchain courses by start year", "bar", _YEAR,
          ("课程数", "Courses"), (
              Series("开设课程", "Courses started", count_by_year(CKO.CourseOffering, CKO.startDate)),)),
    Chart("companies-by-sector", "国内区块链企业行业分布", "Chinese blockchain companies by sector", "bar",
          ("行业", "Sector"), _SHARE, (
              Series("企业数量占比", "Share of companies", statistics("区块链企业数量行业占比", x_from="about")),)),
    Chart("new-companies-by-quarter", "季度新增区块链企业数量", "New blockchain companies per quarter", "bar",
          ("季度", "Quarter"), ("新增企业（家）", "New companies"), (
              Series("新增企业", "New companies", statistics("季度新增区块链企业数量", x_from="period")),)),
)
