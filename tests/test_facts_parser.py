"""Curated YAML → entities and facts, with file, line and field in every error."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.namespace import XSD

from chainkg.errors import DataError
from chainkg.ingest.facts import parse_fact_file
from chainkg.ingest.literals import to_literal


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ENTITY = """entities:
  - id: company/demo
    type: Company
    label_zh: 示例公司
    label_en: Demo
    aliases: [示例]
    evidence: 杭州趣链科技有限公司
    facts:
      - {p: patentCount, v: 43, evidence: 申请发明专利}
      - {p: locatedIn, o: city/hangzhou}
"""


def test_entities_and_facts_are_read_with_their_lines(tmp_path: Path) -> None:
    parsed = parse_fact_file(_write(tmp_path, ENTITY), display="f.yaml")
    (entity,) = parsed.entities
    assert entity.aliases == ("示例",) and entity.source.line == 7
    first, second = parsed.facts
    assert first.value == 43 and first.evidence == "申请发明专利"
    assert second.ref == "city/hangzhou" and second.evidence == "杭州趣链科技有限公司"


@pytest.mark.parametrize(("change", "line", "field"), [
    (("      - {p: locatedIn, o: city/hangzhou}", "      - {p: locatedIn, o: 杭州}"), 10, "o"),
    (("      - {p: locatedIn, o: city/hangzhou}", "      - {p: locatedIn}"), 10, "v"),
    (("    label_en: Demo\n", ""), 2, "label_en"),
    (("  - id: company/demo", "  - id: Company Demo"), 2, "id"),
    (("    aliases: [示例]", "    colour: blue"), 6, "colour"),
])
def test_errors_name_file_line_and_field(tmp_path: Path, change: tuple[str, str], line: int,
                                         field: str) -> None:
    with pytest.raises(DataError) as info:
        parse_fact_file(_write(tmp_path, ENTITY.replace(*change)), display="f.yaml")
    assert (info.value.file, info.value.line, info.value.field) == ("f.yaml", line, field)


def test_literal_rules() -> None:
    assert to_literal("2018-06-28", "date").datatype == XSD.date
    assert to_literal("2015", "startDate").datatype == XSD.gYear
    assert to_literal("2015", "statedValue").language is None
    assert to_literal(1.5, "value").datatype == XSD.decimal
    assert to_literal(True, "taxIncentive").datatype == XSD.boolean
    assert to_literal("Payment tokens", "feature").language is None
