"""A list a sentence states right before the words the question puts after its question word.

"报告说在金融业的哪几个方面，区块链可以通过多方维护分布式账本来缩短资金处理链条？" is answered by
"在银行凭证、贸易金融、跨境清算方面，区块链通过多方维护分布式账本的模式创新，可以缩短资金处理链条…":
the question's words after its question word (here its next clause) recur in the sentence, though
not word for word, and the list stands right before them. The words before the question word may
be said otherwise ("在金融业的" — "在"), so only the words after it anchor the list.
"""

from __future__ import annotations

import re

from chainkg.qa.span import CLAUSE_END, Gap, squeeze

#: how many characters of the question's words after its question word must recur as one run
_RUN = 6
#: the longest item of a list read this way
_LONGEST_ITEM = 20
#: words at the start of the clause that introduce the list rather than belong to it (whole
#: words only: a single 以 or 对 may start an item, 以太坊, 对冲基金)
_LEAD = re.compile(r"^(?:在|对于|针对|包括|诸如|例如|比如|其中)+")
#: words between the list and the question's words that belong to the sentence: the noun the
#: question asks for, 等, and the auxiliaries before a verb ("…平台也要根据…")
_TRAIL = re.compile(r"(?:等等|等|之类|也要|也需|都要|均需|均要|需要|应当|必须|可以|根据|按照|依照|依据|通过)+$")


def _run_at(follow: str, sentence: str) -> int:
    """Where the longest run (at least _RUN characters) of ``follow`` starts in ``sentence``, or -1
    (a run that starts the sentence has no list before it, so it does not count)."""
    for k in range(len(follow), _RUN - 1, -1):
        for j in range(len(follow) - k + 1):
            at = sentence.find(follow[j:j + k])
            if at > 0:
                return at
    return -1


def listed_before(g: Gap, sentence: str) -> str:
    """The items, joined by 、, that ``sentence`` lists right before the question's words after
    its question word (its noun aside), or "" when it states no such list.

    >>> from chainkg.qa.span import gap
    >>> g = gap("在金融业的哪几个方面，区块链可以通过多方维护账本来降低交易费用？")
    >>> listed_before(g, "在银行凭证、贸易金融、跨境清算方面，区块链通过多方维护账本的模式创新，降低交易费用。")
    '银行凭证、贸易金融、跨境清算'
    >>> listed_before(gap("指引还要求哪几类主体按《证券期货法》取得牌照？"),
    ...               "指引还对于发行平台、财务顾问和交易平台也要根据《证券期货法》获取牌照。")
    '发行平台、财务顾问、交易平台'
    >>> listed_before(g, "在以太坊、对冲基金、行政许可方面，区块链可以通过多方维护账本来降低交易费用。")
    '以太坊、对冲基金、行政许可'
    >>> listed_before(g, "在以太坊、对冲基金、数据共享与交换方面，区块链可以通过多方维护账本来降低交易费用。")
    '以太坊、对冲基金、数据共享与交换'
    >>> listed_before(g, "在跨境支付领域，区块链通过多方维护账本的模式创新，降低交易费用。")
    ''
    """
    follow = g.right.lstrip("的") or g.after
    if len(follow) < _RUN:
        return ""
    s = squeeze(sentence)
    at = _run_at(follow, s)
    if at < 0:
        return ""
    # (the run may be inside the clause the question's words open: "区块链通过多方维护…" for
    # "区块链可以通过多方维护…"; the list is before that clause's start)
    ends = [m.end() for m in CLAUSE_END.finditer(s, 0, at)]
    head = s.find(follow[:2], ends[-1] if ends else 0, at + 1)
    at = head if head >= 0 else at
    clause = CLAUSE_END.split(s[:at].rstrip(",，"))[-1]
    # items apart at 、; the last one may join two more by 和/以及/及 ("…财务顾问和交易平台"),
    # not by 与/或, which join words inside an item ("数据共享与交换")
    found = clause.split("、")
    found[-1:] = re.split(r"以及|及|和", found[-1])
    # (the first item starts after the question's words before its question word: "指引还对…")
    before = {g.raw_left[i:i + 3] for i in range(len(g.raw_left) - 2)}
    said = [i for i in range(len(found[0]) - 2) if found[0][i:i + 3] in before]
    found[0] = _LEAD.sub("", found[0][said[-1] + 3:] if said else found[0])
    last = _TRAIL.sub("", found[-1])
    if g.noun and last.endswith(g.noun):
        last = _TRAIL.sub("", last[:-len(g.noun)])
    found[-1] = last
    if len(found) < 2 or "、" not in clause or not all(2 <= len(x) <= _LONGEST_ITEM for x in found):
        return ""  # (a list, written as one: a clause is no list)
    return "、".join(found)

