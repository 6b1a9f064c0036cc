"""Classify the physical lines of the PDF-extracted report.

The text has one physical line per printed line, blank lines between them, a running
header (``杭州市区块链产业报告（2018）``) followed by a page-number line on some pages, and a
leading space on the first line of each page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

RUNNING_HEADER = "杭州市区块链产业报告（2018）"
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


class LineKind(Enum):
    BLANK = "blank"
    HEADER = "header"
    PAGE_NUMBER = "page_number"
    CONTENT = "content"


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: its text without the leading page-break space, and offsets."""

    number: int  # 1-based
    kind: LineKind
    text: str  # stripped of the page-break space and trailing white space
    start: int  # offset of text[0] in the source
    end: int  # offset just past text[-1]
    page_break: bool  # the line starts a new printed page
    ends_paragraph: bool  # the PDF left trailing white space: end of a paragraph or heading
    page: int | None = None


def classify_lines(source: str) -> list[Line]:
    """Split ``source`` into classified lines with exact offsets."""
    out: list[Line] = []
    offset = 0
    previous_header = False
    for number, raw in enumerate(source.split("\n"), start=1):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if not stripped:
            kind = LineKind.BLANK
        elif stripped == RUNNING_HEADER:
            kind = LineKind.HEADER
        elif previous_header and _PAGE_NUMBER.match(raw):
            kind = LineKind.PAGE_NUMBER
        else:
            kind = LineKind.CONTENT
        if kind is not LineKind.BLANK:
            previous_header = kind is LineKind.HEADER
        start = offset + lead
        out.append(
            Line(
                number=number,
                kind=kind,
                text=stripped,
                start=start,
                end=start + len(stripped),
                page_break=raw.startswith(" ") and kind in (LineKind.CONTENT, LineKind.PAGE_NUMBER),
                ends_paragraph=raw != raw.rstrip(),
            )
        )
        offset += len(raw) + 1
    return _with_pages(out)


def _with_pages(lines: list[Line]) -> list[Line]:
    """Number the pages: count page breaks from the nearest printed page number."""
    breaks = [i for i, line in enumerate(lines) if line.page_break]
    anchors: list[tuple[int, int]] = []  # (position in ``breaks``, printed page number)
    for i, line in enumerate(lines):
        if line.kind is LineKind.PAGE_NUMBER and line.page_break:
            anchors.append((breaks.index(i), int(line.text)))
    if not anchors:
        return lines
    page_at: dict[int, int] = {}
    for k, b in enumerate(breaks):
        ka, pa = min(anchors, key=lambda a: abs(a[0] - k))
        page_at[b] = max(pa + (k - ka), 1)
    result: list[Line] = []
    page: int | None = None
    for i, line in enumerate(lines):
        page = page_at.get(i, page)
        result.append(_replace_page(line, page))
    return result


def _replace_page(line: Line, page: int | None) -> Line:
    return Line(
        line.number, line.kind, line.text, line.start, line.end,
        line.page_break, line.ends_paragraph, page,
    )
