"""Join the report's broken lines into paragraphs and split them into passages.

A passage is paragraph-sized (at most ``MAX_CHARS`` characters, well within 512 model
tokens), carries its section path and page, and exact offsets into the source file.
Ids are ``p0001``… in reading order, stable for a given source text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from chainkg.corpus.lines import Line, LineKind, classify_lines
from chainkg.corpus.sections import heading_level, push_heading
from chainkg.model import Passage

MAX_CHARS = 380
#: rows of tables are tiny paragraphs; consecutive ones are merged up to this size
MIN_CHARS = 120
FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_SENTENCE = re.compile(r"(?<=[。！？；])")


@dataclass
class _Block:
    lines: list[Line] = field(default_factory=list)
    section: tuple[str, ...] = ()
    #: numbers of the lines after which a paragraph or heading ends inside this block
    breaks: set[int] = field(default_factory=set)

    def text(self) -> str:
        parts: list[str] = []
        previous: Line | None = None
        for line in self.lines:
            t = FOOTNOTE.sub("", line.text)
            if previous is not None and previous.number in self.breaks:
                parts.append("\n")
            elif parts and _joins_words(parts[-1], t):
                parts.append(" ")
            parts.append(t)
            previous = line
        return "".join(parts).strip()


def _joins_words(left: str, right: str) -> bool:
    return bool(left and right and left[-1].isascii() and left[-1].isalnum()
                and right[0].isascii() and right[0].isalnum())


def _paragraphs(lines: list[Line]) -> list[_Block]:
    content = [ln for ln in lines if ln.kind is LineKind.CONTENT]
    blocks: list[_Block] = []
    path: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()
    current = _Block()
    pending_heading: list[Line] = []
    for i, line in enumerate(content):
        level = heading_level(line.text)
        if level is not None and (not current.lines or line.ends_paragraph or level <= 2):
            if current.lines:
                blocks.append(current)
                current = _Block()
            path, levels = push_heading(path, levels, FOOTNOTE.sub("", line.text), level)
            pending_heading.append(line)
            continue
        if not current.lines:
            current = _Block(lines=[*pending_heading], section=path,
                             breaks={h.number for h in pending_heading})
            pending_heading = []
        current.lines.append(line)
        nxt = content[i + 1] if i + 1 < len(content) else None
        continues = nxt is not None and nxt.page_break and line.text[-1] not in "。！？；："
        if (line.ends_paragraph and not continues) or nxt is None:
            blocks.append(current)
            current = _Block()
    if pending_heading:
        blocks.append(_Block(lines=pending_heading, section=path,
                             breaks={h.number for h in pending_heading}))
    return blocks


def _merge_small(blocks: list[_Block]) -> list[_Block]:
    merged: list[_Block] = []
    for block in blocks:
        last = merged[-1] if merged else None
        if (last is not None and last.section == block.section
                and len(last.text()) < MIN_CHARS and len(block.text()) < MIN_CHARS):
            last.breaks |= {last.lines[-1].number, *block.breaks}
            last.lines.extend(block.lines)
        else:
            merged.append(_Block(list(block.lines), block.section, set(block.breaks)))
    return merged


def _split_long(block: _Block) -> list[_Block]:
    """Split a block longer than MAX_CHARS between lines, preferring sentence ends."""
    if len(block.text()) <= MAX_CHARS:
        return [block]
    pieces: list[_Block] = []
    current = _Block(section=block.section, breaks=block.breaks)
    for line in block.lines:
        current.lines.append(line)
        size = len(current.text())
        at_sentence_end = line.text[-1] in "。！？；"
        if (size >= MAX_CHARS * 0.8 and at_sentence_end) or size >= MAX_CHARS - 40:
            pieces.append(current)
            current = _Block(section=block.section, breaks=block.breaks)
    if current.lines:
        pieces.append(current)
    return pieces


def split_passages(source: str) -> list[Passage]:
    """Split the report text into passages in reading order."""
    lines = classify_lines(source)
    blocks = [piece for b in _merge_small(_paragraphs(lines)) for piece in _split_long(b)]
    passages: list[Passage] = []
    for seq, block in enumerate(blocks, start=1):
        text = block.text()
        if not text:
            continue
        first, last = block.lines[0], block.lines[-1]
        passages.append(Passage(
            id=f"p{seq:04d}", seq=seq, text=text, section=block.section,
            page=first.page, start=first.start, end=last.end,
        ))
    return passages


def load_passages(path: Path) -> list[Passage]:
    """Read the report at ``path`` (UTF-8) and split it into passages."""
    return split_passages(path.read_text(encoding="utf-8"))
