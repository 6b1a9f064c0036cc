"""Yes/no questions: whether what the report states affirms the question's claim, or denies it
by a negation, by saying the opposite, by another figure, or by saying the thing differs."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chainkg.ingest.factrows import FactRow
from chainkg.model import Hit
from chainkg.qa.analysis import Question, chinese_class_nouns
from chainkg.qa.answer import AnswerItem
from chainkg.qa.linker import Link
from chainkg.qa.reading import closest_sentence
from chainkg.qa.scoring import Scored
from chainkg.qa.span import fill, gap, pairs, squeeze

if TYPE_CHECKING:
    from chainkg.qa.answerer import Answerer

#: figures as digits, for comparing the figures of a yes/no question with the fact's
DIGITS = re.compile(r"(?<![a-z\d.])\d+(?:\.\d+)?", re.I)
#: a year written in digits
YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
#: how a yes/no question asks ("有没有", "是不是"), not what it claims
_QUESTION_FORMS = re.compile(r"有没有|是不是|是否|能不能|会不会|吗|呢")
#: words that deny what follows them in their clause
_CLAUSE_NEGATION = re.compile(r"并不|并非|不能|不会|无法|尚不|尚未|尚无|没有|未能|不是|不可|不意味|不等于|"
                              r"不认为|不属于|不被|无需|无须|不需要?|不必|不用|不同于|有别于|区别于|"
                              r"不包括|不包含|不含|不计入")
#: a clause that says its subject differs from what it names ("与法币不同")
_UNLIKE = re.compile(r"(?:与|和|跟|同)([^，,。；;]{1,12}?)(?:不同|不一样|有别|有所区别|有区别)")
#: going up or getting better, and going down or getting worse
_RISE = re.compile(r"越好|更好|变好|提高|提升|增加|上升|加快|越高|更高|越快|更快|"
                   r"越大|更大|变大|增大|扩大|多于|高于|大于|超过")
_FALL = re.compile(r"降低|下降|减少|变差|越差|更差|减慢|越低|更低|越慢|更慢|"
                   r"越小|更小|变小|减小|缩小|少于|低于|小于|不及")
#: having something, and lacking it ("已经普遍具备专业性培训了吗" — "普遍缺乏专业性培训")
_HAVE = re.compile(r"具备|具有|拥有|有了")
_LACK = re.compile(r"缺乏|缺少|欠缺|匮乏|稀缺")
#: forbidding something, and allowing it ("禁止比特币流通吗" — "允许流通")
_FORBID = re.compile(r"禁止|严禁|取缔|不允许|不准")
_ALLOW = re.compile(r"(?<!不)(?:允许|准许)")
#: all of something, and only part of it or case by case ("一律认定为证券吗" — "根据每个 ICO 的
#: 实际情况认定"; "都要处理所有交易吗" — "只处理一小部分交易")
_ALL = re.compile(r"所有|全部|一律|全都|一概|都要|均要|统统")
_PART = re.compile(r"只|仅|一小部分|少部分|部分|根据[^，,。；;]{0,12}情况|视[^，,。；;]{0,8}而定")
#: a state and its opposite, said after what they are said of ("边界越来越清晰吗" — "边界日益模糊";
#: "只局限在硬件方面吗" — "远不止硬件方面")
_STATES = ((re.compile(r"(?<![不未])(?:清晰|明确|明朗|清楚)"), re.compile(r"模糊|不(?:够)?(?:明朗|明确|清晰|清楚)")),
           (re.compile(r"(?<![不未])(?:完善|完备|成熟)"),
            re.compile(r"不(?:够)?(?:完善|完备|成熟)|尚未成熟|初期|起步")),
           (re.compile(r"只|仅|局限|限于"), re.compile(r"不止|不只|不仅|不限于|不局限")))
#: the marks of a table's cells (√ yes, o partly, x no, / not stated)
_MARKS = "√ox/"
#: a mark the question names, standing alone ("打了 √", "标「o」"), not a letter of a word
_MARK = re.compile(r"(?<![A-Za-z0-9/-])([√ox/])(?![A-Za-z0-9/-])")
#: how much of a yes/no question the sentence that may deny it must repeat
_SAID = 0.4
#: words that deny the word right after them
_NEGATION = re.compile(r"(非|不|没有|没|未|无|并非)$")


def yes_or_no(a: Answerer, q: Question, scored: list[Scored], top: FactRow, links: list[Link], hits: list[Hit]
              ) -> tuple[Scored | None, AnswerItem]:
    """是/否 (yes/no) for what the best fact ``top`` says, and the fact that denies what the
    question claims, if one does (it is then what the answer rests on)."""
    refusal = denial(a, q, scored, top, links)
    row = a.facts.rows[refusal.index] if refusal is not None else top
    # (the sentence that says most of what the question claims may deny it: "一般不认为是证券")
    said = closest_sentence(a, q, hits, _SAID) if q.lang == "zh" else ""
    yes = refusal is None and affirms(a, links, row) and not contradicts(a, q, row) and not (
        said and (denies(a, q, f"，{said}") or fills_otherwise(q.text, said)))
    word = ("是" if yes else "否") if q.lang == "zh" else ("yes" if yes else "no")
    return refusal, AnswerItem(word, yes, None)


#: a claim that names what something is: "首先要扶持的是垂直行业应用吗"
_IS_CLAIM = re.compile(r"^(.{4,}?(?:是|为))([^，,。；;是为]{2,16})(?:吗|呢)?[？?]?$")


def fills_otherwise(question: str, sentence: str) -> bool:
    """Whether ``sentence`` names something else where the claim "…是 X 吗" names X: asked as
    "…是什么", the sentence fills the gap with words that share nothing with X.

    >>> fills_otherwise("首先要扶持的是垂直行业应用吗？", "要做大做强产业，首先要扶持公链基础设施。")
    True
    >>> fills_otherwise("首先要扶持的是公链基础设施吗？", "要做大做强产业，首先要扶持公链基础设施。")
    False
    """
    m = _IS_CLAIM.match(squeeze(question))
    g = gap(f"{m.group(1)}什么") if m else None
    if m is None or g is None:
        return False
    stretch = fill(g, sentence)
    claimed = m.group(2)
    return len(stretch) >= 2 and not pairs(stretch) & pairs(claimed)


def words_of(a: Answerer, text: str) -> list[str]:
    """The words of ``text`` (as jieba cuts them) of two characters or more."""
    return [w for w in a.index.segmenter.tokens(text) if len(w) >= 2]


def denial(a: Answerer, q: Question, scored: list[Scored], top: FactRow, links: list[Link]) -> Scored | None:
    """A fact about the entity the answer or the question is about that negates a word of the
    question ("以公司形式运作吗" — "以基金会的形式运作（非公司性质）"; in English, the class the
    question names: "Is Ethereum a company?"), among the best candidates and the facts about
    the question's entities."""
    words = words_of(a, _QUESTION_FORMS.sub("", q.text))
    if q.lang == "en":
        words += chinese_class_nouns(q.text)
    linked = {iri for lk in a.specific(links) for iri in lk.iris}
    best = [s for s in scored[:30] if s.score >= 0.6 * scored[0].score
            and a.facts.rows[s.index].subject in linked | {top.subject}]
    own = [Scored(i, False, 0.0, 1.0) for iri in linked for i in a.facts.by_subject.get(iri, [])]
    for s in [*best, *own]:
        r = a.facts.rows[s.index]
        text = f"{r.value or ''} {r.quote}".lower()
        for w in words:
            at = text.find(w)
            if at > 0 and _NEGATION.search(text[max(0, at - 3):at]):
                return s
        unlike = _UNLIKE.search(text)
        if unlike and any(w in unlike.group(1) for w in words):
            return s  # "当成法币吗" — "与法币不同"
    return None


def contradicts(a: Answerer, q: Question, row: FactRow) -> bool:
    """The fact found states what the yes/no question claims otherwise (see ``_denies``), or has
    another mark in a table's cell than the one the question names ("打了 √ 吗" — "/")."""
    marks = set(_MARK.findall(q.text))
    if len(marks) == 1 and row.value is not None and len(row.value) == 1 and row.value in _MARKS and (
            row.value not in marks):
        return True
    return denies(a, q, f"{row.value or ''}，{row.quote}")


def denies(a: Answerer, q: Question, text: str) -> bool:
    """``text`` states what the yes/no question claims otherwise: with another figure
    ("2.0 版本已经上线了吗" — "1.0 版本已经上线"), under a negation that governs the words of
    the question ("通过测试并不意味着…可直接进入市场"), or the other way ("节点越多性能就越好吗" —
    "节点数量增多时性能会降低")."""
    asked = {n for n in DIGITS.findall(q.text) if not YEAR.fullmatch(n)}
    stated = set(DIGITS.findall(text))
    if asked and stated and not asked & stated:
        return True
    claim = _QUESTION_FORMS.sub("", q.text)
    if _CLAUSE_NEGATION.search(claim):
        return False  # the question itself denies: its words are judged by the fact's own polarity
    words = words_of(a, claim)
    rises, falls = bool(_RISE.search(claim)), bool(_FALL.search(claim))
    # (the claim's direction, when it has one: the word that goes the other way, and its own)
    turn = (_FALL, _RISE) if rises and not falls else (_RISE, _FALL) if falls and not rises else None
    has, lacks = bool(_HAVE.search(claim)), bool(_LACK.search(claim))
    whole = bool(_ALL.search(claim))
    opposite = _LACK if has and not lacks else _HAVE if lacks and not has else None
    forbids, allows = bool(_FORBID.search(claim)), bool(_ALLOW.search(claim))
    if opposite is None and forbids != allows:
        opposite = _ALLOW if forbids else _FORBID
    for clause in re.split(r"[，,。；;：:]", text.lower()):
        m = _CLAUSE_NEGATION.search(clause)
        if m and any(w in clause[m.end():] for w in words):
            return True
        unlike = _UNLIKE.search(clause)
        if unlike and any(w in unlike.group(1) for w in words):
            return True  # "把加密货币当成法币吗" — "与法币不同"
        o = opposite.search(clause) if opposite is not None else None
        if o and any(w in clause[o.end():] for w in words):
            return True  # "具备专业性培训了吗" — "缺乏专业性培训"
        part = _PART.search(clause) if whole else None
        if part and not _ALL.search(clause) and any(w in clause[part.start():] for w in words):
            return True  # "一律…吗" — "根据每个 ICO 的实际情况认定"
        for state, other in _STATES:
            o = other.search(clause) if state.search(claim) and not other.search(claim) else None
            if o and any(w in clause for w in words if w not in o.group(0)):
                return True
        if turn is not None:
            t = turn[0].search(clause)
            if t and not turn[1].search(clause) and any(w in clause[:t.start()] for w in words):
                return True
    return False


def affirms(a: Answerer, links: list[Link], row: FactRow) -> bool:
    """Whether the fact found says what the yes/no question claims.

    A false boolean says no. An entity-valued fact says no when the question names another
    entity of the same kind in its place (是否被归为严禁 vs 严格监管); otherwise yes.
    """
    if row.datatype == "boolean":
        return row.value != "false"
    linked = {iri for lk in a.specific(links) for iri in lk.iris}
    if row.obj is None or row.obj in linked or row.subject not in linked:
        return True
    kinds = a.types(row.obj) - {"Organization", "Place", "Technology"}
    return not any(kinds & a.types(iri) for iri in linked - {row.subject})
