"""The graph's properties as a question names them: their labels, and which ones a question
spells out ("…的整体态度是什么")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chainkg.qa.analysis import Question
from chainkg.qa.scoring import ASKED_PROPERTY

#: right after a property's name, words that ask for its value ("整体态度是什么", "成立时间为？")
_ASKS_FOR = re.compile(r"\s*(是|为|有)?\s*(什么|多少|哪|谁|几|何|\?|$)|\s*(is|was|are|were)?\s*\?")
#: right before a property's English name, words that ask for its value ("which English label")
_ASKS_BEFORE_EN = re.compile(r"\b(?:which|what)\s+(?:is\s+|are\s+|was\s+)?(?:the\s+|its\s+)?$")


#: English property labels that are also everyday words ("What about…", "What measures…")
_FUNCTION_WORDS = frozenset({"about", "measure", "unit", "date", "note"})


@dataclass(frozen=True, slots=True)
class PredicateInfo:
    label_zh: str
    label_en: str
    #: other Chinese names of the property (its skos:altLabel), which a question may use instead
    aliases_zh: tuple[str, ...] = ()
    #: other English names of the property ("English label" for English term)
    aliases_en: tuple[str, ...] = ()


def _find(label: str, text: str, lang: str) -> int:
    """Where ``label`` starts in ``text`` (an English one as whole words, not "what about"), or -1.

    >>> _find("english label", "which english label is it?", "en"), _find("about", "what about beijing?", "en")
    (6, -1)
    """
    if lang == "zh":
        return text.find(label)
    m = re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text)
    if m is None or (label in _FUNCTION_WORDS and re.search(r"\bwhat\s+$", text[:m.start()])):
        return -1
    return m.start()


def named_properties(predicates: dict[str, PredicateInfo], question: Question) -> dict[str, float]:
    """Properties whose label the question spells out ("…的整体态度是什么"), weighted more
    when the question asks for that property's value right after naming it."""
    text = question.text.lower()
    out: dict[str, float] = {}
    for name, info in predicates.items():
        labels = [info.label_zh, *info.aliases_zh] if question.lang == "zh" else [info.label_en, *info.aliases_en]
        for label in (lb.lower().split("（")[0].split("(")[0].strip() for lb in labels):
            if len(label) < (2 if question.lang == "zh" else 5) or label.isascii() == (question.lang == "zh"):
                continue
            # ("软件著作权数" is named by "多少件软件著作权": a count's label without its 数)
            counted = re.sub(r"(?:数量|数)$", "", label) if question.lang == "zh" else label
            at = _find(label, text, question.lang)
            if at < 0 and len(counted) >= 3 and counted != label and question.wants_any("number"):
                at, label = text.find(counted), counted
            if at >= 0:
                asked = (_ASKS_FOR.match(text, at + len(label)) is not None
                         or (question.lang == "en" and _ASKS_BEFORE_EN.search(text[:at]) is not None))
                out[name] = max(out.get(name, 0.0), ASKED_PROPERTY if asked else 0.12)
    return out
