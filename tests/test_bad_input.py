"""Bad input gets a clear error naming file, line and field, and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.build import build
from chainkg.errors import DataError, QuoteNotFoundError, UnknownTermError
from chainkg.settings import Settings
from chainkg.store import open_store
from tests.conftest import make_root

GOOD = """entities:
  - id: company/example
    type: Company
    label_zh: 趣链
    label_en: Example
    evidence: 杭州趣链科技有限公司
    facts:
      - p: foundingDate
        v: "2016"
        evidence: 杭州趣链科技有限公司
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(root=make_root(tmp_path_factory.mktemp("bad"), copy_facts=True))
    build(settings, progress=lambda _: None)
    return settings


def _ask_count(settings: Settings) -> int:
    rows = open_store(settings).query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    return int(next(iter(rows))["n"].value)


def _fails(settings: Settings, text: str, error: type[Exception]) -> str:
    before = (settings.current_build.resolve(), _ask_count(settings))
    path = settings.facts_dir / "zz-bad.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        with pytest.raises(error) as info:
            build(settings, progress=lambda _: None)
    finally:
        path.unlink()
    after = (settings.current_build.resolve(), _ask_count(settings))
    assert after == before, "the previous build must stay in place and queryable"
    builds = list((settings.var_dir / "builds").iterdir())
    assert all((b / "manifest.json").exists() for b in builds), "no half-written build left"
    return str(info.value)


def test_malformed_yaml_names_file_and_line(root: Settings) -> None:
    message = _fails(root, GOOD.replace("    label_en: Example", "    label_en: [Example"),
                     DataError)
    assert "data/facts/zz-bad.yaml:" in message and "malformed YAML" in message


def test_quote_not_in_the_report(root: Settings) -> None:
    message = _fails(root, GOOD.replace("        evidence: 杭州趣链科技有限公司",
                                        "        evidence: 这句话不在报告里"), QuoteNotFoundError)
    assert "data/facts/zz-bad.yaml:10" in message and "'evidence'" in message


def test_unknown_property(root: Settings) -> None:
    message = _fails(root, GOOD.replace("p: foundingDate", "p: foundingDay"), UnknownTermError)
    assert "data/facts/zz-bad.yaml:" in message and "foundingDay" in message
    assert "'p'" in message


def test_missing_required_field(root: Settings) -> None:
    message = _fails(root, GOOD.replace("    label_en: Example\n", ""), DataError)
    assert "zz-bad.yaml:2" in message and "label_en" in message


def test_checker_reports_every_problem(root: Settings, tmp_path: Path) -> None:
    from chainkg.ingest.check import check

    bad = root.facts_dir / "zz-check.yaml"
    bad.write_text(GOOD.replace("p: foundingDate", "p: nope").replace(
        "        evidence: 杭州趣链科技有限公司", "        evidence: 不在报告里的话"), encoding="utf-8")
    try:
        problems = check([bad], root).problems
    finally:
        bad.unlink()
    assert len(problems) == 2


def test_shacl_violation_fails_the_build(root: Settings) -> None:
    statistic_without_value = """entities:
  - id: stat/no-value
    type: Statistic
    label_zh: 没有数值的统计
    label_en: A statistic without a value
    evidence: 杭州趣链科技有限公司
"""
    from chainkg.errors import ValidationError

    message = _fails(root, statistic_without_value, ValidationError)
    assert "SHACL" in message and "stat/no-value" in message


def test_failure_while_writing_the_index_keeps_the_previous_build(root: Settings, tmp_path: Path) -> None:
    from chainkg.errors import BuildError

    before = (root.current_build.resolve(), _ask_count(root))
    broken = root.model_copy(update={"embedding_model": str(tmp_path / "no-such-model")})
    with pytest.raises((BuildError, OSError)):
        build(broken, progress=lambda _: None)
    assert (root.current_build.resolve(), _ask_count(root)) == before
    leftovers = [p.name for p in (root.var_dir / "builds").iterdir() if p.name.startswith(".")]
    assert leftovers == []
