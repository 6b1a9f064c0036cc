"""Question analysis: language, normalised text, what kind of answer is wanted, constraints."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chainkg.qa.span import NOT_A_NOUN
from chainkg.text import language, normalise

#: the measure words a count is asked in ("几张", "多少家"), not the first character of a noun
#: (多少场景, 多少份额, 多少支持, 多少篇幅, 多少部分, 多少本土企业)
MEASURE_WORDS = (r"(?:个|家|所|项|种|次|位|名|轮|款|条|国|座|张|件|台|笔|起|篇(?!幅)|本(?!土|地)|部(?!分|门|署)|"
                 r"份(?!额)|场(?!景)|支(?![持付]))")
_CUES: dict[str, re.Pattern[str]] = {
    "date": re.compile(r"什么时候|何时|哪一?天|哪一?年|哪个月|几月|几号|日期|时间|\bwhen\b|"
                       r"(?:what|which) (?:year|month|day)\b|what date|\bdate\b", re.I),
    "count": re.compile(rf"(?<!哪)(多少|几)({MEASURE_WORDS})(?!百分点)|how many", re.I),
    "number": re.compile(r"多少|(?<!哪)几|多大|多高|多长|多久|(?<!一定)规模|占比|(?<!一定)比例|比重|金额|"
                         r"how much|how many|what percentage|"
                         r"\bhow (large|big|high)\b|\bamount\b|\bwhat (share|proportion|fraction|portion)\b|"
                         r"\bshare of\b", re.I),
    "diff": re.compile(r"(高|多|大|少|低|快)(出|了)多少|相差|差多少|差距|净(增加|增长|减少)了?多少|"
                       r"从.{1,20}到.{1,20}(下降|上升|增加|减少|增长|提高|降低)了?多少|多少个百分点|"
                       r"比.{1,12}(高|多|大|少|低|快)(多少|几)|"
                       r"(?<![最有降减提增至])(高|大|低|快|多|少)多少(?=[？?，,]|$)|"
                       r"how (?:much|many) (more|less|fewer|higher|lower)|\bby how much\b|difference", re.I),
    "sum": re.compile(r"加起来|加在一起|合计|总和|之和|总共|一共|\bin total\b|\bcombined\b|\baltogether\b|"
                      r"\bsum\b", re.I),
    "compare": re.compile(r"谁(更|的.*更)|(多|高|大|早)还是(少|低|小|晚)|哪(个|所|家|一个|国)?(先|更早|更晚)|"
                          r"哪(个|家|国|一个).*更|谁[^，,？?]{0,6}(多|高|大|少|低|早|晚)(?:[，,？?]|$)|"
                          r"更(高|多|大|早|晚|少|低)|比(?!特).*谁|"
                          r"哪(个|家|国|一个|座)[^，,？?]{0,6}(大|高|多|少|低|小)(?:[，,？?]|$)|"
                          r"\b(higher|more|larger|greater|earlier|later|fewer|lower)\b", re.I),
    "most": re.compile(r"最(多|高|大|少|低|小)|\b(most|highest|largest|biggest|lowest|fewest|least|smallest)\b",
                       re.I),
    "rank": re.compile(r"第几|排名|排第|名列|\brank(ed|ing)?\b|\bwhat place\b|\bwhich place\b", re.I),
    "yesno": re.compile(r"吗[？?]?$|是否|是不是|有没有|能不能|会不会|可不可以|算不算|"
                        r"^(is|are|does|do|did|was|were|can|has|have|had|will|would)\b|"
                        # "According to X, had …?" — but not "Which cities, according to X, have …?"
                        r"^(?!.*\b(which|what|who|when|where|how)\b).*[,，]\s*"
                        r"(is|are|does|do|did|was|were|can|has|have|had|will|would)\b", re.I),
    "list": re.compile(r"哪些|哪几|有哪|哪(两|三|四|五|六|七)|分别|\bwhich\b.*\b(organizations|companies|"
                       r"countries|projects|ones)\b|\blist\b|\bwhat are\b|\bname the\b|"
                       # "which two areas", "which other countries": a plural noun after "which"
                       r"\bwhich\s+(?:(?:two|three|four|five|six|other|several|main)\s+)*"
                       r"[a-z]{2,}s\b(?<!ss)(?<!us)(?<!is)", re.I),
    "entity": re.compile(r"谁|哪家|哪个(?!月)|哪位|哪所|哪国|哪本|哪部|哪类|哪一类|"
                         r"哪一?(种|层|项|条|款|座|国|家|所|位|份|篇|张|支|只|句|段|方)|哪一个(?!月)|"
                         r"什么(?!时候)|叫什么|"
                         r"\bwho\b|\bwhich\b(?! year| month| day)|\bwhat\b(?! year| date)", re.I),
    "text": re.compile(r"怎么|如何|怎样|什么作用|做什么|\bhow (does|do|did|is|are|was)\b|\bin what way\b", re.I),
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: words that ask for something other than yes or no
_ASKS = re.compile(r"多少|几|哪|什么|谁|何时|多久|多大|怎么|如何|\b(which|what|who|when|how|where)\b", re.I)
#: a comparison of when ("更早", "先", "earlier")
_EARLIER = re.compile(r"更早|更晚|最早|最晚|先|\b(earlier|later|first)\b", re.I)
#: "几个X里，哪…": a group of several that a later question word picks from
_SEVERAL = re.compile(r"(?:那|这)?几(?:个|家|所|国|种)[^，,？?]{1,20}?(?:里|中|之中|当中)[，,](?=.*(?:哪|谁|什么))")
EXPLICIT_SUM = re.compile(r"加起来|加在一起|合计|总和|之和|\bin total\b|\bcombined\b|\bsum\b", re.I)
_DAY = re.compile(r"哪一?天|几号|几月几日|哪一日|\bwhich day\b|\bwhat date\b|\bexact date\b", re.I)
_EXCLUDED = re.compile(r"(?:除了|除去|除)(.{1,30}?)(?:以外|之外|外)?[，,、]|"
                       r"\b(?:besides|other than|apart from|except)\b(.{1,40}?)[,，]", re.I)
_DATE = re.compile(r"((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?|"
                   r"((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?")
COUNT_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_STATED_COUNT = re.compile(r"(两|二|三|四|五|六|七|八|九|十)(?:类|个|种|项|家|所|大|款|条|层|点|方面)")
_SECTION = re.compile(r"附录\s*(\d)|第\s*([一二三四五六七八])\s*章|appendix\s*(\d)|chapter\s*(\d)|"
                      r"(?<![附图发代列])表\s*(\d)|\btable\s*(\d)", re.I)
_CN_NUMBERS = "一二三四五六七八"
_EXPECTED = re.compile(r"哪(两|二|三|四|五|六|七|八|九|十)|\b(two|three|four|five|six|seven)\b", re.I)


def question_dates(text: str) -> tuple[str, ...]:
    """The dates a text states, as ISO prefixes.

    >>> question_dates("趣链2016年8月31日那笔融资")
    ('2016-08-31',)
    """
    out: list[str] = []
    for m in _DATE.finditer(text):
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        out.append("-".join([y, *(f"{int(x):02d}" for x in (mo, d) if x)]))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Question:
    """A question ready for answering."""

    raw: str
    text: str  # NFKC, simplified Chinese, white space collapsed
    lang: str  # "zh" or "en"
    wants: frozenset[str]
    numbers: tuple[str, ...]
    #: text the question sets aside ("除了 IOTA，…"): what it names is not the answer
    excluded: str = ""
    #: the question asks for a day, not just a year or month
    wants_day: bool = False
    #: dates the question states, as ISO prefixes ("2016-08-31", "2018-06", "2019")
    dates: tuple[str, ...] = ()
    #: how many items a list question expects ("哪三个" → 3), 0 when it does not say
    expected_items: int = 0
    #: the class of entity asked for, from a noun such as 公司 or 书 ("" when none)
    wanted_type: str = ""
    #: the part of the report the question points at ("附录 3", "八、"), as a section-path prefix
    section: str = ""
    #: the noun right after the question word ("哪个学派" → 学派), which the answer's name often ends with
    asked_noun: str = ""

    def wants_any(self, *kinds: str) -> bool:
        return any(k in self.wants for k in kinds)


_PART_END = re.compile(r"[？?]")
#: a part that only asks for the figures of what the previous part compared or listed
_FOLLOW_UP = re.compile(r"^[^，,]{0,4}?(各|分别|各自)(是|为|有)?(多少|几)[^，,]{0,3}$|"
                        r"^(哪(个|一个|家|边|方)?|谁)更?(高|大|多|少|低|小|早|晚)(一些|一点)?$|"
                        r"^(各|分别|各自)(是|在)?(什么时候|何时|哪一?年|哪一?天)$|"
                        r"^(一共|共|总共)?有(多少|几)(个|项|家|所|条|部|种)?$|"
                        r"^(分别|都|具体)?(是|有)哪(些|几个|几家|几所)$|"
                        # "谁更高？高出多少笔？": how far apart the two compared are
                        r"^((高|多|大|少|低|快)出?了?|相差|差了?)(多少|几)[^，,]{0,3}$|"
                        r"^(give|what are) (both|each)|^which (ones|are they)$", re.I)
#: a definite description that names the entity the rest of the question is about
_DESCRIPTION = re.compile(r"^(.{4,60}?的那(?:个|家|本|位|笔|所|只|款|部|项|份|条)[^，,？?是叫在有哪什多几位属]{0,8})"
                          r"[，,]?(.+)$")
#: what is left after a description when the question only asks for the name of what it describes
_NAMING = re.compile(r"^(它|其)?(叫|是)(什么|啥|哪个|哪家|哪一个)(名字)?$|^(名字|名称)(是|叫)(什么|啥)$")
#: nouns that say what kind of entity is meant, and the ontology class they name
TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("公司", "Company"), ("企业", "Company"), ("厂商", "Company"), ("银行", "Company"), ("基金", "Organization"),
    ("资本", "Organization"), ("机构", "Organization"), ("巨头", "Organization"), ("联盟", "Alliance"),
    ("大学", "University"), ("高校", "University"), ("学校", "University"), ("法院", "Court"),
    ("书", "Publication"), ("报告", "Publication"), ("白皮书", "Publication"), ("平台", "BlockchainPlatform"),
    ("项目", "BlockchainPlatform"), ("公链", "BlockchainPlatform"), ("政策", "Policy"), ("法规", "Law"),
    ("法案", "Law"), ("城市", "City"), ("国家", "Country"), ("医院", "Organization"), ("人", "Person"),
    ("创始人", "Person"), ("作者", "Person"), ("company", "Company"), ("fund", "Organization"),
    ("university", "University"), ("book", "Publication"), ("platform", "BlockchainPlatform"),
    ("organizations", "Organization"), ("country", "Country"), ("countries", "Country"),
    ("共识机制", "ConsensusMechanism"), ("共识算法", "ConsensusMechanism"), ("研究院", "ResearchInstitute"),
    ("实验室", "ResearchInstitute"), ("政府", "GovernmentBody"), ("部门", "GovernmentBody"),
    ("省份", "Province"), ("省", "Province"), ("园区", "IndustrialPark"), ("产业园", "IndustrialPark"),
    ("课程", "CourseOffering"), ("投资方", "Investor"), ("投资人", "Investor"), ("投资机构", "Investor"),
    ("产品", "Product"), ("案例", "ApplicationCase"), ("地区", "Place"),
    ("税务局", "GovernmentBody"), ("监管局", "GovernmentBody"), ("管理局", "GovernmentBody"),
    # people by their office ("那位局长叫什么名字" asks for a person, not for a speech of theirs)
    ("局长", "Person"), ("行长", "Person"), ("主席", "Person"), ("总裁", "Person"), ("教授", "Person"),
    ("学者", "Person"), ("研究员", "Person"), ("院长", "Person"), ("创办人", "Person"), ("董事长", "Person"))
#: the Chinese nouns that name a class ("大学", "公司")
CLASS_NOUNS = frozenset(word for word, _ in TYPE_WORDS if not word.isascii())
#: English nouns of a class, by stem (countries/country, universities/university)
_ENGLISH_TYPES: tuple[tuple[str, str], ...] = (
    ("compan", "Company"), ("firm", "Company"), ("universit", "University"), ("countr", "Country"),
    ("cities", "City"), ("city", "City"), ("alliance", "Alliance"), ("platform", "BlockchainPlatform"),
    ("book", "Publication"), ("polic", "Policy"), ("law", "Law"), ("bank", "Company"),
    ("organi", "Organization"), ("institut", "Organization"), ("fund", "Organization"), ("court", "Court"))
#: "谁投的", "who founded": a person or an organisation is asked for ("谁更多" compares instead)
_WHO = re.compile(r"谁|\bwho(m|se)?\b", re.I)
_WHO_COMPARES = re.compile(r"谁.{0,6}(更|最|多|高|大|少|低|早|晚)|比(?!特).*谁")
_ASKED_NOUN = re.compile(r"(?:哪(?:一)?(?:个|家|所|位|种|类|款|座)|什么)([\u4e00-\u9fff]{2,10}?)"
                         r"(?=的|[，,？?。]|是|在|有|$)")
_ENGLISH_ASKED = re.compile(r"\b(?:which|what|how many)((?:\s+[a-z-]+){1,3})", re.I)
#: "the name of X's … platform": the last word of the phrase is its head noun
_ENGLISH_NAME_OF = re.compile(r"\bname of\b[^?,;]*?([a-z-]+)\s*(?:[?,;]|$)", re.I)


#: "某个区": a clause saying something is one of a kind without naming it, so asking which
_SOME = re.compile(r"某(?=[个家所位国座部本项份款条]?[\u4e00-\u9fff])")
_REFERENT = re.compile(r"^(?:这个|这家|这所|这位|这款|这部|这本|这份|这一|该)([\u4e00-\u9fff]{1,3})")


def referent_class(part: str) -> str:
    """The class of what a later part of a question points back at ("这个平台…" → a platform).

    >>> referent_class("这个平台1.0版的首批合作伙伴有多少家"), referent_class("它的A轮拿了多少")
    ('BlockchainPlatform', '')
    """
    m = _REFERENT.match(part)
    if not m:
        return ""
    return next((cls for word, cls in TYPE_WORDS if m.group(1).startswith(word)), "")


#: ", and which …" — a second question in an English sentence (not "and by how much", which
#: asks for the gap of the comparison before it)
_AND_ASKS = re.compile(r",\s*and\s+(?=(?:which|what|who|where|how|in (?:which|what|how)|at which|on which)\b)"
                       r"(?!how (?:much|many) (?:more|less|fewer|higher|lower)\b)", re.I)


def _english_clauses(piece: str) -> list[str]:
    """An English question's clauses that each ask something of their own ("…which country,
    and how does Appendix 3 rate it"); a short tail ("and when") stays with its clause.

    >>> _english_clauses("Which two researchers proposed sharding, and at which conference was it")
    ['Which two researchers proposed sharding', 'at which conference was it']
    >>> _english_clauses("Which lab did it set up, and where")
    ['Which lab did it set up, and where']
    """
    parts = _AND_ASKS.split(piece)
    if len(parts) < 2 or any(len(p.split()) < 4 for p in parts):
        return [piece]
    return parts


def split_question(text: str) -> list[tuple[str, bool]]:
    """The parts of a question in order, each marked True when it only describes an entity.

    >>> split_question("开发了 Hyperchain 的那家公司，2018年6月拿到了多少融资？")
    [('开发了 Hyperchain 的那家公司', True), ('2018年6月拿到了多少融资', False)]
    >>> split_question("严格监管的国家有几个？分别是哪些？")
    [('严格监管的国家有几个，分别是哪些', False)]
    >>> split_question("推出电子处方的那家医院在哪个城市？")
    [('推出电子处方的那家医院', True), ('在哪个城市', False)]
    >>> split_question("存信开发的那个应用叫什么？")
    [('存信开发的那个应用', True)]
    >>> split_question("苏州和长沙的产业基金哪个规模大？各多少？")
    [('苏州和长沙的产业基金哪个规模大，各多少', False)]
    >>> split_question("支付宝和 Visa 的峰值谁更高？高出多少笔？")
    [('支付宝和 Visa 的峰值谁更高，高出多少笔', False)]
    >>> split_question("首个产业园是某个区成立的，这个区的政策最高奖励多少？")
    [('首个产业园是哪个区成立的', True), ('这个区的政策最高奖励多少', False)]
    """
    parts: list[tuple[str, bool]] = []
    pieces = [q for p in _PART_END.split(text) for q in _english_clauses(p)]
    for piece in (p.strip(" ，,") for p in pieces):
        if not piece:
            continue
        if not parts and _SOME.search(piece):
            # "…是某个区成立的，这个区…": the clause with 某 asks which one; the rest is about it
            clauses = re.split(r"[，,]", piece)
            at = next((k for k, c in enumerate(clauses) if _SOME.search(c)), len(clauses))
            if any(_REFERENT.match(c.strip()) for c in clauses[at + 1:]):
                parts.append((_SOME.sub("哪", "，".join(clauses[:at + 1])), True))
                piece = "，".join(clauses[at + 1:]).strip(" ，,")
        m = _DESCRIPTION.match(piece)
        if m and not parts:
            parts.append((m.group(1), True))
            piece = m.group(2).strip(" ，,")
            if _NAMING.match(piece):  # "…的那个应用叫什么": the description is the whole question
                piece = ""
        if piece and parts and not parts[-1][1] and _FOLLOW_UP.match(piece):
            # "…哪个规模大？各多少？": asks for the figures the comparison already gives
            parts[-1] = (f"{parts[-1][0]}，{piece}", False)
        elif piece:
            parts.append((piece, False))
    return parts


def analyse(raw: str) -> Question:
    """What the question asks for.

    >>> sorted(analyse("趣链2016年8月31日那笔融资是哪几家投的？").wants)
    ['list']
    >>> sorted(analyse("效仿英国的几个国家里，哪一国最看重风险控制？").wants)
    ['entity']
    >>> sorted(analyse("比特币矿机占的比重大吗？").wants), sorted(analyse("A和B哪家成立得更早？").wants)
    (['yesno'], ['compare', 'date', 'entity'])
    >>> sorted(analyse("把区块链引入「最多跑一次」，为什么服务？").wants)
    ['entity']
    >>> sorted(analyse("这一比例从 2017 年到 2018 年下降了多少个百分点？").wants)
    ['diff', 'number']
    """
    text = normalise(raw).replace("啥", "什么")  # colloquial "what"
    # "几个…国家里，哪一国…": that 几 means "several", the question asks 哪
    cues = _SEVERAL.sub("", text) if _SEVERAL.search(text) else text
    cues = _CJK_QUOTED.sub("「」", cues)  # a quoted name asks nothing ("「最多跑一次」")
    wants = {kind for kind, pattern in _CUES.items() if pattern.search(cues)}
    if "yesno" in wants and not _ASKS.search(cues):
        wants = {"yesno"}  # "…占的比重大吗": no question word, so nothing but yes or no is asked
    if "compare" in wants and _EARLIER.search(cues):
        wants.add("date")  # "哪家公司成立得更早": which of two dates comes first
    if "count" in wants:
        wants.add("number")
        if not EXPLICIT_SUM.search(text):  # "一共有几家" counts; it adds nothing up
            wants.discard("sum")
    lang = language(raw)
    m = _EXCLUDED.search(text)
    excluded = (m.group(1) or m.group(2) or "") if m else ""
    expected = _EXPECTED.search(text)
    n = COUNT_WORDS[(expected.group(1) or expected.group(2)).lower()] if expected else 0
    stated = _STATED_COUNT.search(text) if "list" in wants and not n else None
    n = COUNT_WORDS[stated.group(1)] if stated else n  # "三类先行经验分别是啥": three are listed
    asked = _asked_noun(text)
    # (the number of the appendix or table the question names is no figure it states)
    return Question(raw, text, lang, frozenset(wants), tuple(_NUMBER.findall(without_section(text))), excluded,
                    bool(_DAY.search(text)), question_dates(text), n, _wanted_type(text, asked), _section(text),
                    asked)


def _asked_noun(text: str) -> str:
    """The Chinese noun a "哪个/哪家/什么" question asks for, as written.

    >>> _asked_noun("罗金海是哪个学派的创始人？"), _asked_noun("要跟踪哪个区块链孵化基地的建设")
    ('学派', '区块链孵化基地')
    """
    m = _ASKED_NOUN.search(text)
    return m.group(1) if m else ""


_QUOTED = re.compile(r"[“\"「『‘']([^”\"」』’']{2,30})[”\"」』’']")
#: a phrase in Chinese quotation marks (English apostrophes pair up across words)
_CJK_QUOTED = re.compile(r"[“「『][^”」』]{1,30}[”」』]")


def quoted_phrases(text: str) -> frozenset[str]:
    """The phrases a question quotes, without spaces, in lower case.

    >>> sorted(quoted_phrases("被注明为“国内首个自律规范”的 「Hashed Health」文件"))
    ['hashedhealth', '国内首个自律规范']
    """
    return frozenset(re.sub(r"\s+", "", m.group(1)).lower() for m in _QUOTED.finditer(text))


def without_section(text: str) -> str:
    """The question without its pointer to a part of the report, whose number states nothing.

    >>> without_section("附录5里，苏州每入驻一家奖多少？")
    '里，苏州每入驻一家奖多少？'
    """
    return _SECTION.sub("", text)


def _section(text: str) -> str:
    """The section-path prefix of the appendix or chapter the question names.

    >>> _section("附录3表格里丹麦的一栏"), _section("照第八章的说法"), _section("表3里的底层平台")
    ('附录 3', '八、', '表 3')
    """
    m = _SECTION.search(text)
    if not m:
        return ""
    if m.group(5) or m.group(6):
        return f"表 {m.group(5) or m.group(6)}"  # a table of the report (see ``Answerer.in_part``)
    if m.group(1) or m.group(3):
        return f"附录 {m.group(1) or m.group(3)}"
    chapter = m.group(2) or _CN_NUMBERS[int(m.group(4)) - 1] if (m.group(2) or m.group(4)) else ""
    return f"{chapter}、" if chapter else ""


def _wanted_type(text: str, asked: str) -> str:
    """The class named by the noun right after the question word, at the end of a description
    or before the count asked for; ``asked`` is that noun as written (``_asked_noun``).

    >>> _wanted_type("整体态度为严禁的国家有几个？", ""), _wanted_type("附录7里中国高校中2018年开课的有几所？", "")
    ('Country', 'University')
    >>> _wanted_type("三者之中，哪一个被报告定位为上游产业？", "")  # (被 starts no noun: no 报告 asked)
    ''
    """
    m = re.search(r"(?:哪(?:一)?(?:个|家|所|位|本|些|几(?:家|个|所)?)?|什么|which|what)\s*([^\s，,？?的]{1,6})",
                  text, re.I)
    tail = re.search(r"的那(?:个|家|本|位|笔|所|只|款|部|项|份|条)([^，,？?是]{1,8})$", text)
    # "…的国家有几个": the class counted
    # "它的底层平台叫什么", "X的创始人是谁": the noun before the question word
    before = re.search(r"的([^\s，,？?的]{1,10}?)(?:叫|是)(?:什么(?!时候)|哪(?!一?年|一?天|个月)|谁)|"
                       r"的([^\s，,？?的]{1,6}?)(?:有|是|都有|包括)哪(?:些|几)", text)
    after = re.search(r"(?:多少|几)(?:个|家|所|项|位|条|部|本|种)([^\s，,？?的]{1,8})", text)
    counted = re.search(r"([^\s，,？?的]{1,6}?)(?:一共|总共|共)?有?(?:几|多少)(?:个|家|所|位)?\s*(?:[，,?？]|$)", text)
    named = m.group(1) if m and not NOT_A_NOUN.match(m.group(1)) else ""  # (not "哪一个被报告…")
    for k, source in enumerate((tail.group(1) if tail else "", named,
                                counted.group(1) if counted else "", after.group(1) if after else "",
                                (before.group(1) or before.group(2)) if before else "")):
        low = source.lower()
        # the longest class noun, the nearest of equals ("哪家机器人公司" asks for a company)
        # (a one-character noun only as the last word: "哪个人", not "个人端应用")
        hits = [(-len(word), low.find(word), cls) for word, cls in TYPE_WORDS
                if word in low and (len(word) > 1 or low.endswith(word))]
        if hits:
            return min(hits)[2]
        if k == 1 and asked and asked in source and asked not in ("名字", "名称"):
            return ""  # "哪个学派的创始人": a kind of thing the ontology has no class for
    if re.search(r"(?:几|多少)所", text):
        return "University"  # "有几所": 所 counts schools
    return _english_type(text) or ("Agent" if _WHO.search(text) and not _WHO_COMPARES.search(text) else "")


def chinese_class_nouns(text: str) -> list[str]:
    """The Chinese nouns of the classes an English question names ("a company" → 公司).

    >>> chinese_class_nouns("Is Ethereum a company?")
    ['公司']
    """
    classes = {cls for word in re.findall(r"[a-z]+", text.lower())
               for stem, cls in _ENGLISH_TYPES if word.startswith(stem)}
    return [next(w for w, c in TYPE_WORDS if c == cls and not w.isascii()) for cls in sorted(classes)
            if any(c == cls and not w.isascii() for w, c in TYPE_WORDS)]


def _english_type(text: str) -> str:
    """The class of the noun among the (up to three) words after "which"/"what".

    >>> _english_type("Which three countries have the most universities?")
    'Country'
    """
    m = _ENGLISH_ASKED.search(text)
    named = _ENGLISH_NAME_OF.search(text)
    words = (m.group(1).split() if m else []) + ([named.group(1)] if named else [])
    for word in words:
        for stem, cls in _ENGLISH_TYPES:
            if word.lower().startswith(stem):
                return cls
    return ""
