"""The command line as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from chainkg.settings import Settings


def _run(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CHAINKG_ROOT": str(settings.root)}
    return subprocess.run([sys.executable, "-m", "chainkg.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_stats_json(built: Settings) -> None:
    out = _run(built, "stats", "--json")
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert stats["facts_without_provenance"] == 0
    assert stats["classes"]["CourseOffering"] >= 47
    assert stats["classes"]["Investor"] > 0  # inferred types are counted
    assert stats["named_graphs"] > 100


def test_sparql_formats(built: Settings) -> None:
    q = "SELECT ?l WHERE { <https://w3id.org/chainkg/id/university/tsinghua> rdfs:label ?l FILTER(lang(?l) = 'zh') }"
    table = _run(built, "sparql", q)
    assert "清华大学" in table.stdout
    as_json = json.loads(_run(built, "sparql", q, "--format", "json").stdout)
    assert as_json["results"]["bindings"][0]["l"]["value"] == "清华大学"
    assert "清华大学" in _run(built, "sparql", q, "--format", "csv").stdout
    ttl = _run(built, "sparql", "CONSTRUCT WHERE { <https://w3id.org/chainkg/id/university/tsinghua> rdfs:label ?l }",
               "--format", "turtle")
    assert "清华大学" in ttl.stdout


def test_sparql_refuses_updates(built: Settings) -> None:
    out = _run(built, "sparql", "DELETE WHERE { ?s ?p ?o }")
    assert out.returncode == 2 and "read-only" in out.stderr


def test_describe_by_alias(built: Settings) -> None:
    out = _run(built, "describe", "趣链科技")
    assert out.returncode == 0, out.stderr
    assert "https://w3id.org/chainkg/id/company/qulian" in out.stdout
    assert "六、杭州市产业环境初步形成" in out.stdout  # provenance passage shown


def test_export_nquads_keeps_provenance(built: Settings) -> None:
    out = _run(built, "export", "--format", "nq")
    assert out.returncode == 0
    assert "<https://w3id.org/chainkg/id/passage/p" in out.stdout


def test_validate_checks_without_writing(built: Settings) -> None:
    builds_before = sorted((built.var_dir / "builds").iterdir())
    out = _run(built, "validate")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("valid:")
    assert sorted((built.var_dir / "builds").iterdir()) == builds_before
