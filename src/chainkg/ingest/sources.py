"""Gather every source of facts: the curated YAML files and the appendix table parsers."""

from __future__ import annotations

from pathlib import Path

from chainkg.ingest.facts import parse_fact_file
from chainkg.ingest.tables import parse_tables
from chainkg.model import FactFile
from chainkg.settings import Settings


def fact_files(facts_dir: Path) -> list[Path]:
    """The curated files in a stable order."""
    return sorted(facts_dir.glob("*.yaml"))


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to the project root, for messages."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def load_tables(settings: Settings) -> list[FactFile]:
    """The facts parsed from the report's regular appendix tables."""
    return parse_tables(settings.source_file.read_text(encoding="utf-8"),
                        display=display_path(settings.source_file, settings.root),
                        reference_dir=settings.reference_dir)


def load_all(settings: Settings) -> list[FactFile]:
    """Parse every curated file (raising on the first malformed one) and the tables."""
    files = [parse_fact_file(p, display=display_path(p, settings.root))
             for p in fact_files(settings.facts_dir)]
    return files + load_tables(settings)
