"""Parse the report's regular appendix tables (3, 6, 7) into entities and facts.

Each row's own text is its evidence quote, so every parsed fact lands in the passage
that holds the row. Names of countries and schools map to ids through the reviewed
reference files in ``data/reference/``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chainkg.corpus.lines import LineKind, classify_lines
from chainkg.errors import DataError
from chainkg.model import EntityDecl, Fact, FactFile, LiteralValue, SourceRef

_STANCE_ROW = re.compile(r"^(\S+) (鼓励支持|严格监管|严禁|政策空白) ([√ox/]) ([√ox/]) ([√ox/]) ([√ox/]) "
                         r"([是否]) ([是否]) ([是否])$")
_ALLIANCE_ROW = re.compile(r"^(\d{1,2}) (.+?) (Financial Services|[A-Z][a-z]+)$")
_COURSE_ROW = re.compile(r"^(\d{1,2}) (\S+) (\d{4}) 年(?: (\d{1,2}) 月)? (\S+)$")
_SECTORS_ZH = {
    "Accounting": "会计", "Insurance": "保险", "Financial Services": "金融服务",
    "Healthcare": "医疗健康", "Standardization": "标准化", "Transportation": "交通运输",
    "Government": "政府",
}


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Name:
    """A reviewed name mapping: Chinese name → id and English label."""

    id: str
    en: str


def read_names(path: Path) -> dict[str, Name]:
    """Read a ``zh,id,en`` reference CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["zh"]: Name(row["id"], row["en"]) for row in csv.DictReader(fh)}


def _rows(source: str, heading: str) -> Iterator[_Row]:
    """Content lines from the line that starts with ``heading`` to the next appendix."""
    inside = False
    for line in classify_lines(source):
        if line.kind is not LineKind.CONTENT:
            continue
        if line.text.startswith("附录"):
            inside = line.text.startswith(heading)
            continue
        if inside:
            yield _Row(line.number, line.text)


class _Builder:
    def __init__(self, display: str) -> None:
        self.display = display
        self.entities: list[EntityDecl] = []
        self.facts: list[Fact] = []

    def entity(self, row: _Row, id_: str, type_: str, zh: str, en: str,
               aliases: tuple[str, ...] = ()) -> None:
        src = SourceRef(self.display, row.line, "row")
        self.entities.append(EntityDecl(id_, (type_,), zh, en, aliases, row.text, src))

    def fact(self, row: _Row, subject: str, predicate: str, *, ref: str | None = None,
             value: LiteralValue | None = None) -> None:
        src = SourceRef(self.display, row.line, "row")
        self.facts.append(Fact(subject, predicate, row.text, src, ref=ref, value=value))

    def done(self, name: str) -> FactFile:
        return FactFile(f"{self.display}#{name}", tuple(self.entities), tuple(self.facts))


def _country(b: _Builder, row: _Row, zh: str, countries: dict[str, Name]) -> str:
    name = countries.get(zh)
    if name is None:
        raise DataError(f"country {zh!r} is not in data/reference/countries.csv",
                        file=b.display, line=row.line, field="country")
    b.entity(row, name.id, "Country", zh, name.en)
    return name.id


def parse_stances(source: str, display: str, countries: dict[str, Name]) -> FactFile:
    """Appendix 3: each country's overall attitude and the seven columns."""
    b = _Builder(display)
    for row in _rows(source, "附录 3"):
        m = _STANCE_ROW.match(row.text)
        if not m:
            continue
        zh = m.group(1)
        country = _country(b, row, zh, countries)
        stance = "stance/" + country.split("/", 1)[1]
        b.entity(row, stance, "RegulatoryStance", f"{zh}监管态度",
                 f"Regulatory stance of {countries[zh].en}")
        b.fact(row, stance, "stanceOf", ref=country)
        b.fact(row, stance, "overallAttitude", value=m.group(2))
        for i, prop in enumerate(("virtualCurrencyTrading", "icoStance", "bitcoinPayment",
                                  "fiatExchange"), start=3):
            b.fact(row, stance, prop, value=m.group(i))
        for i, prop in enumerate(("riskWarningIssued", "strengtheningRegulation",
                                  "taxIncentive"), start=7):
            b.fact(row, stance, prop, value=m.group(i) == "是")
    return b.done("appendix-3")


def read_ids(path: Path) -> dict[str, str]:
    """Read a ``name,id`` reference CSV: names a table writes → the ids the curated facts use."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["name"]: row["id"] for row in csv.DictReader(fh)}


def parse_alliances(source: str, display: str, known: dict[str, str] | None = None) -> FactFile:
    """Appendix 6: the alliances and their sectors (an alliance the curated facts already know,
    "Hyperledger Project" = 超级账本, keeps their id)."""
    known = known or {}
    b = _Builder(display)
    for row in _rows(source, "附录 6"):
        m = _ALLIANCE_ROW.match(row.text)
        if not m:
            continue
        name, sector = m.group(2), m.group(3)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        sector_id = "category/sector-" + re.sub(r"[^a-z0-9]+", "-", sector.lower())
        b.entity(row, sector_id, "Category", _SECTORS_ZH.get(sector, sector), sector)
        alliance = known.get(name, f"alliance/{slug}")
        b.entity(row, alliance, "Alliance", name, name)
        b.fact(row, alliance, "sector", ref=sector_id)
    return b.done("appendix-6")


def parse_courses(source: str, display: str, countries: dict[str, Name],
                  schools: dict[str, Name]) -> FactFile:
    """Appendix 7: the 47 course rows (region, start date, school)."""
    b = _Builder(display)
    for row in _rows(source, "附录 7"):
        m = _COURSE_ROW.match(row.text)
        if not m:
            continue
        number, region, year, month, school_zh = m.groups()
        country = _country(b, row, region, countries)
        school = schools.get(school_zh)
        if school is None:
            raise DataError(f"school {school_zh!r} is not in data/reference/universities.csv",
                            file=display, line=row.line, field="school")
        b.entity(row, school.id, "University", school_zh, school.en)
        b.fact(row, school.id, "locatedIn", ref=country)
        course = f"course/appendix7-{int(number):02d}"
        b.entity(row, course, "CourseOffering", f"{school_zh}区块链课程",
                 f"Blockchain course at {school.en}")
        b.fact(row, course, "offeredBy", ref=school.id)
        b.fact(row, course, "locatedIn", ref=country)
        b.fact(row, course, "startDate", value=f"{year}-{int(month):02d}" if month else year)
    return b.done("appendix-7")


def parse_tables(source: str, *, display: str, reference_dir: Path) -> list[FactFile]:
    """All parsed tables of the report."""
    countries = read_names(reference_dir / "countries.csv")
    schools = read_names(reference_dir / "universities.csv")
    return [
        parse_stances(source, display, countries),
        parse_alliances(source, display, read_ids(reference_dir / "alliances.csv")),
        parse_courses(source, display, countries, schools),
    ]
