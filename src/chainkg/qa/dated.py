"""Which things of a kind were founded (or issued, or launched) in a year the question names:
"第六章介绍的企业里，2016 年成立的公司有哪几家？".

The question names the date property by its verb (成立 for 成立时间), the kind by its noun (公司)
and the year; the answer is every entity of that kind whose date of that property falls in that
year, stated in the part of the report the question names (any part when it names none).

>>> date_verb("成立时间"), date_verb("发布日期"), date_verb("开课时间"), date_verb("成立")
('成立', '发布', '开课', '')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chainkg.qa.analysis import Question
from chainkg.qa.answer import Answer, AnswerItem
from chainkg.qa.census import condition_year, measure_word
from chainkg.qa.render import render_date
from chainkg.qa.scoring import DATE_TYPES
from chainkg.vocab import CKO, PASSAGE_BASE

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: a date property's label: the verb, then the word for its date
_DATE_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:时间|日期|年份)$")


def date_verb(label: str) -> str:
    """The verb of a date property's Chinese label ("成立时间" → 成立), "" for another label."""
    m = _DATE_LABEL.match(label)
    return m.group(1) if m else ""


def dated_members(a: Answerer, q: Question) -> Answer | None:
    """The entities of the kind asked for whose date of the property the question's verb names is
    in its year (how many first, when it asks how many); None when the question is not that kind
    or none is found. For a question in one part (the caller splits it)."""
    if q.lang != "zh" or not q.wanted_type or not q.wants_any("list", "count"):
        return None
    year = condition_year(q)
    named = {name for name, info in a.predicates.items() if (verb := date_verb(info.label_zh)) and verb in q.text}
    if not year or len(named) != 1:
        return None
    (prop,) = named
    rows = [i for i, r in enumerate(a.facts.rows)
            if r.predicate == prop and r.datatype in DATE_TYPES and (r.value or "").startswith(year)
            and q.wanted_type in a.types(r.subject)
            and (not q.section or any(a.in_part(PASSAGE_BASE + p, q.section) for p in r.passages))]
    subjects = list(dict.fromkeys(a.facts.rows[i].subject for i in rows))
    if not subjects:
        return None
    items = [a.entity_item(iri, q.lang) for iri in subjects]
    if q.wants_any("count"):
        items.insert(0, AnswerItem(f"{len(subjects)}{measure_word(q)}", len(subjects), None))
    # (IRIs from the graph and the question's year, digits and a hyphen only: none of the user's text)
    values = " ".join(f"<{iri}>" for iri in subjects)
    sparql = (f"PREFIX cko: <{CKO}>\nSELECT ?e ?date WHERE {{\n  VALUES ?e {{ {values} }}\n"
              f"  ?e cko:{prop} ?date .\n  FILTER(STRSTARTS(STR(?date), \"{year}\"))\n}}")
    label = a.predicates[prop].label_zh
    text = f"{label}在{render_date(year, 'zh')}的：{'、'.join(i.label for i in items[-len(subjects):])}。"
    return Answer(q.raw, "answered", items, text, sparql, a.evidence_for([a.facts.rows[i] for i in rows], []),
                  1.0, tuple(rows))
