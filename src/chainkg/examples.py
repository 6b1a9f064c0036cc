"""The documented example queries of ``docs/queries/*.rq``: header fields and query text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chainkg.errors import DataError

_FIELD = re.compile(r"^#\s*(title|description|question):\s*(.*)$")


@dataclass(frozen=True, slots=True)
class ExampleQuery:
    """One example: bilingual title and description, the dev question it answers, the query."""

    name: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    question: str | None
    query: str


def _split(value: str, path: Path, field: str) -> tuple[str, str]:
    zh, sep, en = value.partition("|")
    if not sep or not zh.strip() or not en.strip():
        raise DataError("needs 'Chinese | English'", file=str(path), line=1, field=field)
    return zh.strip(), en.strip()


def read_example(path: Path) -> ExampleQuery:
    """Parse one ``.rq`` file; a missing title or description is a DataError."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    for line in text.splitlines():
        m = _FIELD.match(line.strip())
        if m:
            fields[m.group(1)] = m.group(2).strip()
        elif line.strip() and not line.lstrip().startswith("#"):
            break
    for required in ("title", "description"):
        if required not in fields:
            raise DataError("missing header line", file=str(path), line=1, field=required)
    title = _split(fields["title"], path, "title")
    description = _split(fields["description"], path, "description")
    return ExampleQuery(path.stem, *title, *description, fields.get("question") or None, text)


def load_examples(directory: Path) -> list[ExampleQuery]:
    """Every example query of ``directory``, sorted by file name."""
    return [read_example(p) for p in sorted(directory.glob("*.rq"))]
