"""Scoring candidate facts against a question: lexical overlap, passage relevance, links, types."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chainkg.ingest.factrows import FactRow
from chainkg.ingest.literals import DATE_PROPERTIES
from chainkg.qa.analysis import Question, question_dates
from chainkg.text import normalise

#: question words that say what is asked, not what it is about
_QUESTION_WORDS = re.compile(
    r"哪一?些|哪几|哪个|哪家|哪位|哪所|哪一?天|哪一?年|哪国|哪本|哪类|哪|什么时候|什么|多少|几|是否|是不是|吗|呢|谁|"
    r"怎么|如何|请问|报告(?:里|中)?(?:说|提到|认为|指出|称)?|根据|按照?|照|的|了|是|有|在|和|与|及|"
    # English function words, as whole words only ("in" must not cut "mining")
    r"\b(?:those|the|a|an|of|in|on|to|by|for|which|what|who|when|how|many|much|does|did|do|is|are|was|"
    r"were|report|reports|named|as|according|say|says|said|give|both|have|has|had|with|that|this|its|it|"
    r"from|and|or|they|their|there|be|been|any|all|can|could|would|will|into|about|than|then|also)\b", re.I)
#: a count written in words, and nothing more ("十所", "五十家以上"; not "一种允许…的制度")
_WORDED_COUNT = re.compile(r"^[近约超]?[一二两三四五六七八九十百千]+(?:多)?"
                           r"(?:个|家|所|项|种|条|位|名|国|座|起|笔|件|类)(?:以上|左右|之多|多)?$")
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
NUMERIC_PROPERTIES = frozenset({"value", "amount", "amountCNY", "amountUSD", "maxAmountCNY", "patentCount",
                                "grantedPatentCount", "softwareCopyrightCount", "employeeCount", "rank",
                                "statedValue", "throughput"})
#: the XSD types of a literal that is a date
DATE_TYPES = ("date", "gYear", "gYearMonth")
#: the weight of a property the question names and asks the value of ("…的整体态度是什么")
ASKED_PROPERTY = 0.4
#: properties whose value is the largest of several the passage states, and the words asking for it
_MAXIMUM_PROPERTIES = frozenset({"maxAmountCNY"})
_ASKS_MAXIMUM = re.compile(r"最高|最多|最大|上限|至多|封顶|\b(?:max(?:imum)?|most|highest|largest|up to|cap)\b", re.I)
#: properties that describe rather than answer (a statistic's measure and unit say what it counts)
_WEAK_PROPERTIES = frozenset({"description", "relatedTo", "dataSource", "sectionNumber", "englishTerm",
                              "measure", "unit", "about"})


def grams(text: str) -> set[str]:
    """Character bigrams of CJK runs and whole ASCII words (lower case)."""
    out: set[str] = set()
    for piece in _PUNCT.split(normalise(text).lower()):
        if not piece:
            continue
        for word in re.findall(r"[a-z0-9.]+|[^a-z0-9.]+", piece):
            if word[0].isascii():
                # a crude stem: "frequently"/"frequent", "countries"/"country" share their first five letters
                out.add(word[:5] if len(word) > 5 and word.isalpha() else word)
            else:
                out.update(word[i:i + 2] for i in range(len(word) - 1))
                if len(word) == 1:
                    out.add(word)
    return out


def question_grams(question: Question, linked_names: list[str]) -> set[str]:
    """Bigrams of what the question is about, without its question words and linked names."""
    text = question.text.lower()
    for name in sorted((n for n in linked_names if n), key=len, reverse=True):
        text = text.replace(name, " ")
    return grams(_QUESTION_WORDS.sub(" ", text))


def is_date(row: FactRow) -> bool:
    return row.datatype in DATE_TYPES or row.predicate in DATE_PROPERTIES


def is_number(row: FactRow) -> bool:
    if row.predicate == "rank":  # a position, not a quantity: fits 第几 questions, not 多少
        return False
    return row.is_numeric or row.predicate in NUMERIC_PROPERTIES or (
        row.value is not None and bool(re.search(r"\d", row.value) or _WORDED_COUNT.match(row.value)))


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate fact, which side of it answers the question, and its score."""

    index: int
    answer_is_subject: bool
    score: float
    link: float
    #: how much of the question's content the fact itself matches (words and property meaning)
    relevance: float = 0.0


def type_bonus(question: Question, row: FactRow, answer_is_subject: bool,
               answer_types: frozenset[str] = frozenset()) -> float:
    """How well the answer side's kind fits what the question asks for."""
    answer_is_entity = answer_is_subject or row.obj is not None
    value_is_date = is_date(row) and not answer_is_subject
    bonus = 0.0
    value_only = not question.wants_any("entity", "list", "yesno")
    if question.wants_any("date"):
        # a date stated inside a worded value ("增速自2018年5月开始放缓") answers when
        dated_text = not answer_is_entity and not value_is_date and bool(question_dates(row.value or ""))
        bonus += 0.25 if value_is_date else 0.1 if dated_text else (-0.2 if value_only else -0.05)
        if value_is_date and question.wants_day:
            bonus += 0.08 if row.datatype == "date" else -0.05
    if question.wants_any("number", "count", "diff"):
        # a statistic stands for its value
        fits = (is_number(row) and not answer_is_subject and not is_date(row)) or "Statistic" in answer_types
        bonus += 0.2 if fits else (-0.2 if value_only and not question.wants_any("date") else -0.05)
    if question.wants_any("entity", "list"):
        bonus += 0.12 if answer_is_entity else 0.0
    if question.wanted_type:
        if answer_is_entity:
            bonus += 0.25 if question.wanted_type in answer_types else -0.15
        elif not question.wants_any("count"):  # a count may be stated as a number
            bonus -= 0.1
    if question.wants_any("rank"):
        bonus += 0.3 if row.predicate == "rank" and not answer_is_subject else 0.0
    if question.wants_any("text"):
        bonus += 0.15 if not answer_is_entity and not is_date(row) else -0.1
    if question.wants_any("yesno") and row.datatype == "boolean":
        bonus += 0.1
    if row.predicate in _WEAK_PROPERTIES:
        bonus -= 0.08
    if row.predicate in _MAXIMUM_PROPERTIES and not _ASKS_MAXIMUM.search(question.text):
        bonus -= 0.05  # the largest of several amounts answers only what asks for the largest
    return bonus
