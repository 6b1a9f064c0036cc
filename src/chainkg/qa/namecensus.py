"""Entities picked by a word in their names: "附录4的专项政策里，名称中带“试行”字样的有几项",
"附录6的联盟名称里带“Project”一词的有几个", "附录2里监管文件名称中带“草案”二字的国家有哪些".

The word is looked for in the names of the entities the named part of the report states facts
about, as that part writes them (a label or an alias it uses; any name when no part is named);
of the kind the question names, when some are of it; and, when the question asks for another kind ("…文件…的国家"), each
stands for its one neighbour of that kind (a law for its country).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chainkg.qa.analysis import TYPE_WORDS, Question
from chainkg.qa.selection import Selection
from chainkg.text import flat, normalise
from chainkg.vocab import PASSAGE_BASE

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: "带有", "直接写有", "都含"
_HAS = r"(?:直接|都|也|明确)?(?:带有?|带[着著]|含有?|包含|包括|出现了?|写有|写[着著]|标有|标[着著]|冠以|有)"
_QUOTED = r"[“「『\"'‘]\s*([^”」』\"'’]{1,30}?)\s*[”」』\"'’]"
#: "名称中带“X”字样的", "名字里含有 X 二字的", "with “X” in their names", "whose names contain “X”"
_NAMED_WITH = (
    re.compile(rf"(?:名称|名字|标题|全称)(?:中|里|当中|内)?{_HAS}\s*{_QUOTED}"),
    re.compile(rf"(?:名称|名字|标题|全称)(?:中|里|当中|内)?{_HAS}\s*"
               r"([^\s“”「」\"'，,。？?的]{1,20}?)\s*(?:字样|二字|两字|这个词|一词|字眼|这个字)"),
    re.compile(rf"\b(?:with|contain(?:s|ing)?|includ(?:e|es|ing)|hav(?:e|ing)|has)\s+(?:the\s+(?:word|term)\s+)?"
               rf"{_QUOTED}\s+in\s+(?:its|their|the)\s+(?:names?|titles?)", re.I),
    re.compile(rf"\b(?:names?|titles?)\s+(?:contains?|containing|includes?|including|with)\s+"
               rf"(?:the\s+(?:word|term)\s+)?{_QUOTED}", re.I),
)


def name_word(text: str) -> str:
    """The word a question picks entities by, in their names; "" when it picks none that way.

    >>> name_word("附录4的专项政策里，名称中带“试行”字样的有几项？"), name_word("名字里含有草案二字的有哪些？")
    ('试行', '草案')
    >>> name_word("附錄2裡，法案名稱中直接寫有「ICO」字樣的是哪幾個國家？")
    'ico'
    >>> name_word("Which alliances have “Project” in their names?"), name_word("联盟的名称是什么？")
    ('project', '')
    """
    for pattern in _NAMED_WITH:
        m = pattern.search(normalise(text))
        if m:
            return " ".join(normalise(m.group(1)).lower().split())
    return ""


def named_with(a: Answerer, q: Question) -> Selection | None:
    """The entities whose names have the word the question picks by (see the module docstring),
    with a fact stating each; None when the question picks none that way or none has it."""
    word = name_word(q.raw)
    if not word:
        return None
    part = [p for p in a.passages if a.in_part(p, q.section)] if q.section else []
    inside = {p.removeprefix(PASSAGE_BASE) for p in part} if q.section else None
    # (the names as that part of the report writes them, not other names the graph gives:
    # Appendix 2 writes 首次代币发行监管引导, not the alias "ICO 监管引导")
    written = flat(" ".join(a.passages[p].text for p in part))
    # (a word in Latin letters is a whole word: "ICO" is not in "Mexico")
    pattern = re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")

    def has(name: str) -> bool:
        if word.isascii():
            return bool(pattern.search(" ".join(normalise(name).lower().split())))
        return flat(word) in flat(name)

    # each entity of that part with the first fact stating it there, then its names read once
    first: dict[str, int] = {}
    for i, row in enumerate(a.facts.rows):
        if inside is None or not inside.isdisjoint(row.passages):
            for iri in (row.subject, row.obj):
                if iri in a.entities:
                    first.setdefault(iri, i)
    found = {iri: i for iri, i in first.items()
             if any(has(n) and (not written or flat(n) in written) for n in a.entities[iri].names)}
    kinds = {cls for w, cls in TYPE_WORDS if w in q.text}
    found = {iri: i for iri, i in found.items() if kinds & a.types(iri)} or found
    if q.wanted_type and not any(q.wanted_type in a.types(iri) for iri in found):
        # ("…文件名称中带“草案”的国家": each document stands for its country)
        standing = {a.stands_for(iri, q.wanted_type): i for iri, i in found.items()}
        found = {iri: i for iri, i in standing.items() if iri is not None}
    if not found:
        return None
    return Selection(list(found), list(found.values()), 1)
