"""``python -m chainkg.ingest.check FILE...``: report every problem of curated fact files.

Loads all of ``data/facts/`` and the parsed tables (so references across files resolve)
but reports only the files named. Exit status 1 when a problem is found.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from chainkg.corpus import QuoteIndex, load_passages
from chainkg.errors import DataError
from chainkg.ingest.facts import parse_fact_file
from chainkg.ingest.sources import display_path, fact_files, load_tables
from chainkg.ingest.validate import find_problems
from chainkg.model import FactFile
from chainkg.ontology import load_ontology, terms_of
from chainkg.settings import Settings


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Problems of the checked files as printable lines, and how much was checked."""

    problems: list[str]
    entities: int
    facts: int


def check(paths: list[Path], settings: Settings) -> CheckReport:
    """Every problem of the files at ``paths``."""
    root = settings.root
    passages = load_passages(settings.source_file)
    terms = terms_of(load_ontology(settings.ontology_dir))
    wanted = {display_path(p, root) for p in paths}
    problems: list[str] = []
    files: list[FactFile] = []
    for path in sorted({p.resolve() for p in (*fact_files(settings.facts_dir), *paths)}):
        shown = display_path(path, root)
        try:
            files.append(parse_fact_file(path, display=shown))
        except DataError as exc:
            if shown in wanted:
                problems.append(str(exc))
    files.extend(load_tables(settings))
    found = find_problems(files, terms, QuoteIndex(passages), only=frozenset(wanted))
    problems.extend(str(p) for p in found)
    checked = [f for f in files if f.path in wanted]
    return CheckReport(problems, sum(len(f.entities) for f in checked), sum(len(f.facts) for f in checked))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    settings = Settings()
    paths = [Path(a) for a in args] or fact_files(settings.facts_dir)
    report = check(paths, settings)
    for line in report.problems:
        print(line)
    print(f"{len(report.problems)} problem(s); {report.entities} entities, {report.facts} facts checked")
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
