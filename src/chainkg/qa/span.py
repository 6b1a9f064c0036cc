"""The stretch of a report sentence that fills the gap a question leaves.

A question such as "DPOS 类似于哪种制度？" is its answer sentence with the answer cut out and a
question word put in its place. Lining the words on either side of the question word up with a
sentence ("…（DPOS）类似议会制，…") gives back what was cut out ("议会制"). This reads the answer
off the report when the graph holds no fact whose value is it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chainkg.text import normalise

#: a question word asking for a name or a phrase (not for a number, a date or yes/no)
_WH = re.compile(r"哪(?:一|几|两|三|四|五)?(?:个|些|种|家|类|所|位|项|条|层|方面|国|款|部|本|样|座|只|支|笔|份|张)?|"
                 r"什么样的?|什么|何种|啥|谁")
#: words that start no noun after a question word ("哪一个被报告定位为…", "哪个更高")
NOT_A_NOUN = re.compile(r"[被是把将更已也]")
#: words a question puts before its question word that a statement does not ("…是什么", "会考量…")
_LEFT_FILLER = re.compile(r"(?:主要|分别|具体|究竟|到底|都|又|还|会|要|是|于|为|了|的|在|有|叫|被|给|依靠|靠|凭借|借助|"
                          r"(?<![第同])一[个项种家份条位款部本座所名只支笔张])+$")
#: the clause a stretch may not run past
CLAUSE_END = re.compile(r"[，,。；;：:！!？?（(]")
#: words that introduce the items of a list right after the noun they are examples of
_INTRODUCER = re.compile(r"^[，,：:]?(?:诸如|例如|比如|包括|譬如|如|即|分别是|分别为|有|是|为)?[：:]?")
#: a copula before the phrase a stated item is the subject of ("X、Y 都是法院考量的要件")
_COPULA = re.compile(r"(?:都|均|也|就)?(?:是|为|属于)$")
#: function words at either end of a stretch, which belong to the sentence, not to the answer
_EDGE_START = re.compile(r"^(?:是|为|了|在|从|对于|对|于|以|由|将|把|向|和|与|及|即|主要|包括|诸如|有|"
                         r"通过|依靠|凭借|借助)+")
_EDGE_END = re.compile(r"(?:等等|等|之类|方面|的|了|和|与|及|以及)+$")
_ITEM_SPLIT = re.compile(r"、|以及|及|和|与|或")
#: items counted off one by one ("一是 X，二是 Y", "其一…其二…")
_ORDINAL_START = re.compile(r"^[，,：:]?(?:一是|一为|其一|第一)")
_ORDINAL_ITEMS = re.compile(r"(?:[一二三四五六七八九]是|[一二三四五六七八九]为|其[一二三四五六七八九]是?|"
                            r"第[一二三四五六七八九][，,是]?)([^，,；;。]+)")
#: the places of a sentence tried as the end of the question's words
_MAX_ANCHORS = 40
_CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: what a stretch between the question's words may not run past (a quoted one may pass commas)
_STRETCH_BREAK = re.compile(r"[。；;！？?，,：:（(]")
_QUOTED_STRETCH_BREAK = re.compile(r"[。；;！？?]")
#: the kind the question's words end a description of ("是目前最为成熟的共识机制。")
_KIND_AFTER = re.compile(r"的[^，,。；;：:（(]{1,8}(?:[，,。；;]|$)")
#: words before 是/为 that make it no copula ("认为", "不是")
_NOT_COPULA = ("认为", "以为", "因为", "作为", "成为", "不是", "并非", "只是", "还是", "或是", "而是")
#: words that only quantify or point ("任何技术", "这些"): no name of what the question asks for
_QUANTIFIER = re.compile(r"^(?:任何|各种|多种|几种|一些|这些|那些|某些|许多|不少|很多|其他|其它|不同|最新|相关|"
                         r"该|此|其)")
_NO_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


@dataclass(frozen=True, slots=True)
class Gap:
    """What surrounds the question word: the words before it, the noun it asks for, the rest."""

    left: str
    noun: str
    right: str
    #: the words before the question word as the question has them ("…大多基于")
    raw_left: str = ""
    #: the question's next clause, when the question word's clause ends ("哪几个方面，区块链可以…")
    after: str = ""


def squeeze(text: str) -> str:
    """Normalised text without the spaces the PDF put around Chinese words.

    >>> squeeze("比特股的出块时间大约为每个区块 3 秒")
    '比特股的出块时间大约为每个区块3秒'
    """
    return _NO_SPACE.sub("", normalise(text))


def gap(question: str) -> Gap | None:
    """The gap a question leaves, or None when it has no question word for a name or phrase.

    >>> gap("DPOS 的运作方式，报告说类似于哪种制度？")
    Gap(left='DPOS的运作方式,报告说类似', noun='制度', right='', raw_left='DPOS的运作方式,报告说类似于', after='')
    >>> gap("雄安新区和科技公司合作，在哪些领域用上了区块链？")  # doctest: +NORMALIZE_WHITESPACE
    Gap(left='雄安新区和科技公司合作,', noun='领域', right='用上了区块链',
        raw_left='雄安新区和科技公司合作,在', after='')
    >>> gap("在金融业的哪几个方面，区块链可以降低交易费用？").after
    '区块链可以降低交易费用'
    >>> gap("雄安新区跟科技公司合作，是在哪些领域采用区块链技术的？").left
    '雄安新区跟科技公司合作,'
    """
    text = squeeze(question)
    m = _WH.search(text)
    if m is None:
        return None
    rest, *tail = CLAUSE_END.split(text[m.end():], maxsplit=1)
    # ("哪两方面的问题…": the question word has its measure word; 的 opens what follows)
    noun_match = None if rest.startswith("的") or m.group(0).endswith("方面") or NOT_A_NOUN.match(rest) else (
        re.match(r"[\u4e00-\u9fff]{2}", rest))
    noun = noun_match.group(0) if noun_match else ""
    if noun and len(rest) <= 6:
        noun = rest.split("的")[0]  # the whole short phrase is the noun ("经典数学难题", not "学派的创始人")
    raw = text[:m.start()]
    after = CLAUSE_END.split(tail[0])[0] if tail else ""
    return Gap(_LEFT_FILLER.sub("", raw), noun, rest[len(noun):], raw, after)


#: the longest stretch between the question's words on both sides of its gap
_BRACKETED = 60
#: the longest name between the question's words and the noun it asks for ("1.0" 版本)
_BETWEEN = 12


def bracketed(g: Gap, sentence: str) -> str:
    """The stretch of ``sentence`` between the question's words on both sides of its question
    word, or "": those words line up on either side (at least two characters before, and the
    words after it, from their start), so the sentence may say them otherwise elsewhere.

    >>> bracketed(gap("开放的国家，集中在哪个领域领先的国家？"), "开放的国家集中在资产管理领域领先的国家，主要是欧洲。")
    '资产管理领域'
    >>> bracketed(gap("政策会延续哪几方面的趋势？"), "政策将会延续“发布更密集、覆盖更广，落地更快”的趋势。")
    '发布更密集、覆盖更广、落地更快'
    >>> bracketed(gap("罗金海被称为国内哪项技术的推动人？"), "罗金海是国内“多重签名”技术推动人。")
    '多重签名技术'
    >>> bracketed(gap("DPOS 类似于哪种制度？"), "DPOS 类似议会制，利用投票解决共识问题。")
    ''
    >>> bracketed(gap("甲市是靠哪两种办法来吸引人才的？"), "甲市通过加大补贴和扩大覆盖面来吸引人才。")
    '加大补贴和扩大覆盖面'
    """
    right = g.right.lstrip("的")
    if len(right) < 2 or len(g.left) < 2:
        return ""
    s = squeeze(sentence)
    # (the question's own words before the gap, not a clause of them: "除了 IOTA，")
    lefts = dict.fromkeys(left[-k:] for left in (g.raw_left, g.left) for k in range(len(left), 1, -1))
    for end in (at + len(left) for left in lefts for at in _occurrences(left, s)):
        window = s[end:end + _BRACKETED + len(right)]
        at = _prefix_in(right, window, 1)
        stretch = window[:at] if at > 0 else ""
        # (a stretch runs past a comma only inside quotes: a quoted list of clauses)
        quoted = stretch[:1] in "“\"「"
        if stretch and not (_QUOTED_STRETCH_BREAK if quoted else _STRETCH_BREAK).search(stretch):
            stretch = re.sub(r"[“”\"「」《》]", "", stretch).replace("，", "、").replace(",", "、")
            return _clean(stretch.rstrip("的"))
    return ""


#: how many of the question's words after its question word (its noun included) must line up
#: for a one-character word before it to do ("已经与哪些机构开展了…合作" — "已与 X 等机构开展了…合作")
_ENCLOSING = 6


def enclosed(g: Gap, sentence: str) -> str:
    """The stretch of ``sentence`` right before a long run of the question's words after its
    question word (the noun asked for and what follows it), from the first place in that clause
    where the words before the question word end (the longest end of them that occurs; a single
    Chinese character will do then).

    >>> enclosed(gap("甲公司已经与哪些机构开展了重要合作？"), "甲公司目前已与乙银行、丙支付等机构开展了重要合作。")
    '乙银行、丙支付'
    >>> enclosed(gap("甲公司已经与哪些机构开展了重要合作？"), "甲公司已与乙银行与丙支付等机构开展了重要合作。")
    '乙银行与丙支付'
    """
    right = (g.noun + g.right).lstrip("的")
    if len(right) < _ENCLOSING or not g.left:
        return ""
    s = squeeze(sentence)
    for k in range(len(right), _ENCLOSING - 1, -1):
        at = s.find(right[:k])
        if at > 0:
            break
    else:
        return ""
    window = CLAUSE_END.split(s[max(0, at - _BRACKETED):at])[-1]
    for k in range(min(len(g.left), len(window)), 0, -1):
        found = window.find(g.left[-k:])
        if found >= 0 and (k >= 2 or _CJK.match(g.left[-1])):
            stretch = window[found + k:]
            if stretch and not _STRETCH_BREAK.search(stretch):
                return _clean(stretch)
            return ""
    return ""


def _occurrences(word: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _anchors(g: Gap, sentence: str) -> list[tuple[int, int, bool]]:
    """Where the sentence states an end of the words before the question word (two characters
    or more), longest first, every occurrence: start and end of each, and whether it is the very
    end of those words (or an end of them without their last word or two: "数量最多的是" vs
    "数量最高的城市为")."""
    out: dict[tuple[int, int], bool] = {}  # (start, end) → exact, in the order found
    # (then the question's words up to its last comma: "…合作，把区块链用在了哪些领域" lines up
    # with "…合作，在金融…领域采用区块链")
    clause = max((m.end() for m in CLAUSE_END.finditer(g.left)), default=0)
    lefts = [(left, True) for left in dict.fromkeys((g.raw_left, g.left, g.left[:clause]))]
    lefts += [(g.left[:-cut], False) for cut in (2, 3) if len(g.left) > cut + 2]
    for left, exact in lefts:
        for k in range(len(left), 1, -1):
            at = sentence.find(left[-k:])
            while at >= 0 and len(out) < _MAX_ANCHORS:
                out.setdefault((at, at + k), exact)
                at = sentence.find(left[-k:], at + 1)
    return [(start, end, exact) for (start, end), exact in out.items()]


def _prefix_in(right: str, sentence: str, start: int) -> int:
    """Where the longest start of ``right`` (two characters or more) occurs from ``start``."""
    right = right.lstrip("的")
    for k in range(len(right), 1, -1):
        at = sentence.find(right[:k], start)
        if at >= 0:
            return at
    return -1


def _clean(stretch: str) -> str:
    return _EDGE_END.sub("", _EDGE_START.sub("", stretch)).strip()


def fill(g: Gap, sentence: str) -> str:
    """The stretch of ``sentence`` that fills the gap, or "" when the sentence does not line up.

    >>> fill(gap("DPOS 类似于哪种制度？"), "比特股提出的权益委托证明（DPOS）类似议会制，利用投票解决共识问题。")
    '议会制'
    >>> fill(gap("法院会考量哪几个要件？"), "要获得认可，取证环境的清洁性、技术的可靠性都是法院考量的要件。")
    '取证环境的清洁性、技术的可靠性'
    >>> fill(gap("企业还面临哪些难题？"), "企业还面临着其他难题，诸如财务成本、安全威胁等。")
    '财务成本、安全威胁'
    >>> fill(gap("企业还面临哪些难题？"), "企业还面临着其他难题，诸如财务成本，安全威胁等，而且…")
    '财务成本、安全威胁'
    >>> fill(gap("企业数量最多的是哪几座城市？"), "企业数量最高的城市为北京、上海和杭州。")
    '北京、上海和杭州'
    >>> fill(gap("DAG 的异步通讯存在哪两个问题？"), "DAG的异步通讯存在两个问题，一是确认时间未知，二是不存在排序机制。")
    '确认时间未知、不存在排序机制'
    >>> fill(gap("和公司合作，在哪些领域用上了区块链？"), "与公司合作，在金融、房屋租赁和网络安全领域采用区块链。")
    '金融、房屋租赁和网络安全'
    >>> fill(gap("DPOS 类似于哪种制度？"), "比特股的出块时间大约为每个区块3秒。")
    ''
    >>> fill(gap("机制更新是为了寻求多方共识哪两方面之间的平衡？"), "为了寻求多方共识安全与效率的平衡。")
    '安全与效率'
    >>> fill(gap("公钥算法大多基于哪几类经典数学难题？"), "算法多基于数学难题，如基于大数分解、离散对数等经典问题。")
    '大数分解、离散对数'
    >>> fill(gap("开放的国家主要分布在哪些地方？"), "开放的国家集中在领先国家，主要是欧洲国家和亚洲的新加坡、日本。")
    '欧洲国家和亚洲的新加坡、日本'
    >>> fill(gap("澳大利亚的沙箱侧重哪些方面？"), "英国沙箱注重创新，澳大利亚沙箱注重时效性和风险控制。")
    '时效性和风险控制'
    >>> fill(gap("网站的首要目标是什么？"), "其中，信息公开是网站的首要目标。")
    '信息公开'
    >>> fill(gap("该平台是哪个版本？"), "目前已发布该平台 2.0 版本。")
    '2.0版本'
    """
    s = squeeze(sentence)
    listed = _listed_before_noun(g, s) or _listed_etc(g, s)
    if listed:
        return listed
    best: tuple[str, int, str] | None = None  # anchor words, how much of the question its clause says, stretch
    for start, end, exact in _anchors(g, s):
        if best is not None and s[start:end] != best[0]:
            break  # (the first words that fill the gap win; only their other places compete)
        found = _fill_at(g, s, start, end, exact)
        if found:
            # of several places the same words occur, the one whose clause says more of the
            # question ("澳大利亚监管沙箱注重…", not the 英国 one before it)
            said = sum(pair in CLAUSE_END.split(s[:start])[-1] for pair in pairs(g.left))
            best = (s[start:end], said, found) if best is None or said > best[1] else best
    return best[2] if best else ""


def pairs(text: str) -> set[str]:
    """Every two adjacent characters of ``text``."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


#: a character of a list item (no clause ends, no 等)
_ITEM = "[^，,。；;：:等]"


def _listed_before_noun(g: Gap, s: str) -> str:
    """"刚需最强的区块链应用有哪些" — "刚需最强的数据保全、司法鉴定、跨境金融等行业应用": the
    question's words, then a list, then (after 等 and a word or so) the noun the question ends with.

    >>> g = gap("刚需最强的区块链应用有哪些？")
    >>> _listed_before_noun(g, "离落地最近的是刚需最强的数据保全、司法鉴定等行业应用。")
    '数据保全、司法鉴定'
    """
    if g.noun or g.right or len(g.left) < 6:
        return ""
    head = g.left[-2:]
    for cut in range(2, 7):
        left = g.left[:-cut]
        for k in range(min(len(left), 8), 2, -1):
            at = s.find(left[-k:])
            if at < 0:
                continue
            after = s[at + k:]
            # (the list ends at 等 when it has one, else right before the noun)
            m = (re.match(rf"({_ITEM}{{2,60}}、{_ITEM}{{2,60}})等[^，,。；;：:、]{{0,4}}{re.escape(head)}", after)
                 or re.match(rf"({_ITEM}{{2,60}}?、{_ITEM}{{2,60}}?)[^，,。；;：:、]{{0,2}}{re.escape(head)}", after))
            if m:
                return _clean(m.group(1))
            break
    return ""


#: the longest item of a list closed by 等 and the noun asked for
_LONGEST_ITEM = 20


def _listed_etc(g: Gap, s: str) -> str:
    """"…技术存在哪些问题" — "…认识到其并发量低、扩展性差、兼容性不足等问题": a list the sentence
    closes with 等 and the noun asked for (or the head of a noun the question word splits, 技术领域);
    its first item starts after the last of the question's words in its clause.

    >>> _listed_etc(gap("杭州可以发挥自身哪些资源禀赋？"), "杭州如何发挥电子商务、互联网金融等资源禀赋。")
    '电子商务、互联网金融'
    >>> _listed_etc(gap("云象在哪些技术领域都有研究？"), "在区块链安全、隐私保护、分片技术等领域均有研究。")
    '区块链安全、隐私保护、分片技术'
    >>> _listed_etc(gap("分片技术里，哪些问题还难以解决？"), "分片间通信和分片区块链整体安全性等问题还难以解决。")
    '分片间通信、分片区块链整体安全性'
    >>> _listed_etc(gap("用的是什么共识机制？"), "后又出现了POS、DPOS等共识机制。")
    ''
    """
    if len(g.noun) < 2:
        return ""
    before, asked = pairs(g.raw_left), pairs(g.raw_left + g.noun + g.right)
    # (the noun, its head, or the word after a two-character noun: 技术 of 技术领域 is no head)
    for head in dict.fromkeys((g.noun, g.noun[-2:], (g.noun + g.right)[2:4])):
        at = s.find(f"等{head}") if len(head) >= 2 else -1
        if at < 0:
            continue
        listed = _ITEM_SPLIT.split(CLAUSE_END.split(s[:at])[-1])
        if len(listed) < 2:
            continue
        # (the first item starts after the question's words: "…认识到其并发量低"; or else the
        # question's words follow the noun: "…等领域均有研究")
        first = listed[0]
        said = [i for i in range(len(first) - 1) if first[i:i + 2] in before]
        # (not when the item only starts with the question's words: "分片技术里" — "分片间通信")
        cut = said[-1] + 2 if said and said != list(range(len(said))) else 0
        after = s[at + 1 + len(head):at + 9 + len(head)]
        if not cut and not any(after[i:i + 2] in asked for i in range(len(after) - 1)):
            continue
        found = [_clean(x).removeprefix("其") for x in (first[cut:], *listed[1:])]
        if all(2 <= len(x) <= _LONGEST_ITEM for x in found):
            return "、".join(found)
    return ""


#: what makes a stretch a clause, not a list item: a verb of being, or a count ("一家")
_NOT_AN_ITEM = r"[是也有]|^[一二两三四五六七八九十\d]+[个家所项种类]"


def _noun_items(g: Gap, after: str) -> str:
    """"可以适用于哪些交易所" — "可以适用于商品交易所，产权交易所、股权债权票据交易所等": right
    after the question's words, two or more items that each end with the noun asked for.

    >>> _noun_items(gap("可以适用于哪些交易所？"), "于商品交易所，产权交易所、股权债权票据交易所等。")
    '商品交易所、产权交易所、股权债权票据交易所'
    >>> _noun_items(gap("可以适用于哪些交易所？"), "于商品交易所。")
    ''
    >>> _noun_items(gap("比特大陆是哪类企业？"), "一家矿机企业，也是一家上市企业。")
    ''
    """
    if len(g.noun) < 2 or g.right:
        return ""
    item = rf"[^，,。；;：:、等和及与]{{1,12}}?{re.escape(g.noun)}"
    m = re.match(rf"(?:于|在|为|是|有|包括)?((?:{item}(?:[，,、和及与]|以及)){{1,}}{item})(?:等|[。；;，,]|$)", after)
    found = [_clean(x) for x in re.findall(item, m.group(1))] if m else []
    # (clauses are no items: "一家矿机企业，也是一家上市企业")
    return "" if any(re.search(_NOT_AN_ITEM, x) for x in found) else "、".join(found)


def _fill_at(g: Gap, s: str, start: int, end: int, exact: bool = True) -> str:
    """The stretch filling the gap when the question's words end at ``start``–``end`` of ``s``
    (not ``exact``: they end there but for a word or two, so the noun asked for must follow)."""
    after = s[end:]
    named = _noun_items(g, after)
    if named:
        return named
    head = g.noun[-2:] if g.noun else ""
    near = after.find(head, 0, 8) if head else -1
    if near >= 0 and not CLAUSE_END.search(after[:near]):
        # "面临着其他难题，诸如 X、Y": the items follow the noun they are examples of
        rest = after[near + len(head):]
        intro = _INTRODUCER.match(rest)
        listed = _ORDINAL_ITEMS.findall(rest[:120]) if _ORDINAL_START.match(rest) else []
        if len(listed) >= 2:  # "存在两个问题，一是 X，二是 Y"
            return "、".join(_clean(item) for item in listed)
        if intro is not None and intro.group(0).strip("，,"):
            listed_text = rest[intro.end():]
            for k in range(min(4, len(g.raw_left)), 1, -1):  # "如基于 X、Y": the question's verb again
                if listed_text.startswith(g.raw_left[-k:]):
                    listed_text = listed_text[k:]
                    break
            etc = re.match(r"[^。；;]{4,100}?等", listed_text)
            if etc is not None and "、" not in etc.group(0):  # "诸如 X，Y，Z 等"
                return _clean(etc.group(0).replace("，", "、").replace(",", "、"))
            return _clean(_up_to_gap_end(g, listed_text, ""))
        # "X、Y 都是法院考量的要件": the items come before the copula
        before = s[:start]
        copula = max(before.rfind("是", max(0, start - 8)), before.rfind("为", max(0, start - 8)))
        if copula >= 0:
            clause = CLAUSE_END.split(before[:copula])[-1]
            return _clean(_COPULA.sub("", clause + "是"))
        # "BaaS 平台是哪个版本" — "BaaS 平台 1.0 版本": what stands between the words and the noun
        between = after[:near]
        # (not a function word, nor the start of the noun itself: "基于数学难题" for "经典数学难题")
        if (exact and 0 < len(between) <= _BETWEEN and _clean(between) == between and between not in g.noun
                and not between.startswith(("着", "过")) and not _QUANTIFIER.match(between)):
            return between + g.noun
        return ""
    if exact and not head and not g.right and start > 0 and s[start - 1] in "是为" and (
            not after or CLAUSE_END.match(after) or _KIND_AFTER.match(after)) and (
            s[max(0, start - 2):start] not in _NOT_COPULA):
        # "位于最底层的基石是什么" — "X 是位于最底层的基石。": the question's words are what the
        # sentence says of its subject, which is the answer
        return _clean(_COPULA.sub("", CLAUSE_END.split(s[:start])[-1]))
    if exact:
        stretch = _up_to_gap_end(g, after, head)
        named = _clean(stretch)
        # "申请了一项什么专利" — "申请了区块链钱包找回专利": one name, and the noun right after it
        if head and named and after[len(stretch):].startswith(g.noun) and len(named) <= _BETWEEN and not (
                _ITEM_SPLIT.search(named)):
            return named + g.noun
        return named
    # "…的国家主要分布在哪些地方" — "…的国家…，主要是欧洲发达国家和亚洲的新加坡、日本": the
    # question's words but for their last word or two, then a copula and a list
    copula_list = re.match(r"(?:是|为|有|包括)([^，,。；;：:]*、[^，,。；;：:]*)", after)
    if copula_list:
        return _clean(copula_list.group(1))
    # "澳大利亚的沙箱侧重哪些方面" — "澳大利亚监管沙箱注重X和Y": the question's last word said
    # with a verb of the same head (侧重/注重, 设立/成立), then what fills the gap
    verb = g.left[-2:]
    if len(verb) == 2 and _CJK_PAIR.fullmatch(after[:2]) and after[1] == verb[1] and after[0] != verb[0]:
        return _clean(_up_to_gap_end(g, after[2:], head))
    return ""


def _up_to_gap_end(g: Gap, text: str, head: str) -> str:
    """``text`` up to the end of its clause, or to where the question's words after the gap resume."""
    stop = CLAUSE_END.search(text)
    limit = stop.start() if stop else len(text)
    at = _prefix_in(g.noun + g.right, text, 1)
    limit = min(limit, at) if at > 0 else limit
    # "哪两方面之间的平衡" — "安全与效率的平衡": the noun the gap's words modify, after 的
    modified = g.right.rsplit("的", 1)[1] if "的" in g.right[1:] else ""
    at = text.find(f"的{modified}", 1, limit) if len(modified) >= 2 else -1
    limit = at if at > 0 else limit
    if head:
        at = text.find(head, 0, limit)
        limit = at if at > 0 else limit
    return text[:limit]


def fill_before(g: Gap, sentence: str, least: int = 4) -> str:
    """For a question word that opens its clause ("哪一国的沙箱最看重 X"), the start of the
    sentence's clause that states most of the rest of the question, up to where it does.

    >>> fill_before(gap("几个国家里，哪一国的沙箱最看重申请流程的时效性？"),
    ...             "英国监管沙箱注重创新，澳大利亚监管沙箱注重申请流程的时效性和风险控制。")
    '澳大利亚监管'
    >>> fill_before(gap("此外，哪些城市正在编制专项政策？"), "重庆也发布了通知，正在制定专项政策方案。", 5)
    ''
    """
    if g.left and not CLAUSE_END.search(g.left[-1:]):
        return ""  # the question word does not open its clause
    right = re.sub(r"^的", "", g.noun + g.right)
    best, stretch = 0, ""
    for clause in CLAUSE_END.split(squeeze(sentence)):
        # the longest run of the question's words this clause repeats, not at its start
        for k in range(len(right), 2, -1):
            found = [h for h in (clause.find(right[j:j + k], 1) for j in range(len(right) - k + 1)) if h > 0]
            if found and k > best:
                at = min(found)
                prefix_at = clause.find(right[:2], 1)  # "沙箱" of "的沙箱最看重" before the run
                cut = prefix_at if 0 < prefix_at < at else at
                best, stretch = k, _clean(clause[:cut])
                break
    if least > 4 and (stretch[:2] in pairs(right) or _QUANTIFIER.match(stretch)):
        return ""  # (with no kind asked: not the question's own words, "正在制定…" for "正在编制…")
    return stretch if best >= least else ""


def items(stretch: str, as_list: bool) -> list[str]:
    """The items a stretch names: split at 、/和/以及 for a list, else the whole stretch.

    >>> items("金融、房屋租赁和网络安全", True)
    ['金融', '房屋租赁', '网络安全']
    """
    if not as_list:
        return [stretch]
    parts = [_clean(p) for p in _ITEM_SPLIT.split(stretch)]
    return [p for p in parts if len(p) >= 2] or [stretch]
