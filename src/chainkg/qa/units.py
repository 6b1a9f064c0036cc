"""The kind of figure a question asks for (a share, a sum of money, a count in some measure
word) and whether a figure the report states is of that kind.

"一共多少台" is not answered by "2693个", nor "按多少税率" by "1000 万日元": a figure in
another unit is about something else, however well its words match.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chainkg.qa.analysis import COUNT_WORDS, Question
from chainkg.qa.answer import AnswerItem
from chainkg.qa.render import chinese_amount, format_number, number, unit_from_quote

if TYPE_CHECKING:
    from decimal import Decimal

    from chainkg.ingest.factrows import FactRow
    from chainkg.qa.answerer import Answerer

PERCENT = "%"
MONEY = "money"
TIMES = "倍"
DATE = "date"
#: physical measures a question may ask a figure in
NANOMETRES = "nm"
AREA = "area"
#: a rate per unit of floor area (rent or a subsidy "每平米多少钱")
PER_AREA = "per-area"
#: units of their own (no count stands for them), which say a figure is asked for whatever
#: else the question's words say
MEASURES = frozenset({PERCENT, MONEY, TIMES, NANOMETRES, AREA, PER_AREA})
#: measures a figure answers in only when it is written with them (a bare "300万" is no area)
PHYSICAL = frozenset({NANOMETRES, AREA, PER_AREA})

#: measure words that count things; 个 is the general one, which any of the others may stand for
_COUNTERS = "个家所项件台本篇部张份套场名笔次轮款条位种国座起人"
_ASKED_COUNTER = re.compile(rf"(?:多少|几)\s*([{_COUNTERS}])")
#: a measure word that is only the first character of a noun ("多少国家", "几部门", "多少场景")
_NOUN_STARTS = frozenset({"国家", "人民", "人员", "本土", "本地", "部门", "场景", "名字", "名称", "条件", "种类",
                          "位置", "款项", "项目", "份额", "家庭", "台湾", "起点", "次数", "笔记"})
_ASKED_PERCENT = re.compile(r"比例|占比|比重|份额|百分之几|百分比|税率|增长率|增速是多少|多少成|"
                            r"\b(?:what|which) (?:share|percentage|proportion|fraction)\b|"
                            r"\bhow (?:large|big) a (?:share|proportion)\b|\bwhat per ?cent\b", re.I)
_ASKED_TIMES = re.compile(r"(?:多少|几)倍|\bhow many times\b", re.I)
_ASKED_MONEY = re.compile(r"多少钱|多少元|多少万元|多少美元|多少亿元|金额|"
                          # (revenue or a valuation asked itself, not its growth nor a count by it)
                          r"(?:营收|营业收入|营业额|销售额|净利润|利润|估值|市值)(?:是|为|有|达到?|约)?(?:多少|几何)|"
                          r"\bhow much money\b|\bhow much (?:funding|capital|investment)\b|"
                          r"\bwhat (?:was|is|were) (?:the |its |their )?(?:[^\s?]+ ){0,3}"
                          r"(?:revenue|turnover|valuation)(?![-\w])", re.I)
_ASKED_NANOMETRES = re.compile(r"(?:多少|几)\s*(?:纳米|nm)|\bhow many (?:nanomet(?:re|er)s|nm)\b", re.I)
_ASKED_AREA = re.compile(r"(?:面积|占地)(?:面积)?(?:是|为|有|约)?(?:多少|多大)|(?:多少|几)\s*(?:平方|平米|亩|公顷)|"
                         r"\bhow (?:large|big) (?:an |the |its )?(?:floor |land )?area\b|\bhow many square met", re.I)
_PER_AREA = r"(?:每|/|／)\s*(?:平方米|平米|平(?!台|均|方公里)|㎡)"
_ASKED_PER_AREA = re.compile(rf"{_PER_AREA}\S{{0,6}}(?:多少|几)(?![{_COUNTERS}])|"
                             rf"(?:多少|几)(?!\s*[{_COUNTERS}])\S{{0,3}}{_PER_AREA}|"
                             r"\bper square met(?:re|er)\b", re.I)
_NANOMETRE_UNIT = re.compile(r"纳米|nm(?![a-z])", re.I)
_AREA_UNIT = re.compile(r"平方米|平方公里|平米|亩|公顷|㎡")
#: a figure in digits, or else in Chinese numerals ("3570", "三")
_DIGITS = re.compile(r"\d[\d.,]*")
_NUMERALS = re.compile(r"[一二两三四五六七八九十百千]+")
_CURRENCY = re.compile(r"元|美元|美金|日元|欧元|英镑|usd|cny|rmb|\$", re.I)


#: the units a question asks in, the first that matches winning ("每平米多少钱" is a rate, not money)
_ASKED_UNITS = ((_ASKED_PERCENT, PERCENT), (_ASKED_TIMES, TIMES), (_ASKED_NANOMETRES, NANOMETRES),
                (_ASKED_PER_AREA, PER_AREA), (_ASKED_AREA, AREA), (_ASKED_MONEY, MONEY))


def asked_unit(text: str) -> str:
    """The unit a question asks its figure in: PERCENT, NANOMETRES, AREA, MONEY, TIMES, a
    measure word, or "".

    >>> asked_unit("全球装好并在运行的比特币ATM一共多少台？")
    '台'
    >>> asked_unit("浙江占多大比例？"), asked_unit("奖励多少钱？"), asked_unit("成立于哪一年？")
    ('%', 'money', '')
    >>> asked_unit("有多少国家出台了政策？"), asked_unit("几个国家？")
    ('', '个')
    >>> asked_unit("芯片采用多少纳米工艺？"), asked_unit("园区占地面积多大？"), asked_unit("去年营收多少？")
    ('nm', 'area', 'money')
    >>> asked_unit("What was Ebang's (亿邦通信) annual revenue in 2017?")
    'money'
    >>> asked_unit("营收增长了几倍？"), asked_unit("估值超过10亿美元的企业有几家？")
    ('倍', '家')
    >>> asked_unit("面积最大的园区有几个？"), asked_unit("房租补贴每平米多少钱？")
    ('个', 'per-area')
    >>> asked_unit("有几个园区每平米补贴超过10元？"), asked_unit("每平台有多少用户？")
    ('个', '')
    >>> asked_unit("每平米的补贴标准是多少？")
    'per-area'
    """
    for pattern, unit in _ASKED_UNITS:
        if pattern.search(text):
            return unit
    m = _ASKED_COUNTER.search(text)
    return m.group(1) if m and text[m.start(1):m.end(1) + 1] not in _NOUN_STARTS else ""


def figure_units(text: str) -> tuple[str, ...]:
    """The unit of each figure in a value: PERCENT, MONEY, TIMES, DATE, NANOMETRES, AREA, a
    measure word, or "" (a bare figure).

    >>> figure_units("36.8%"), figure_units("1000 万日元"), figure_units("3570台"), figure_units("50 多项")
    (('%',), ('money',), ('台',), ('项',))
    >>> figure_units("2693"), figure_units("增加了三倍"), figure_units("全球")
    (('',), ('倍',), ())
    >>> figure_units("平均每秒处理7笔交易"), figure_units("2018年6月发布 v1.0.3 版本")
    (('笔',), ('date', 'date', ''))
    >>> figure_units("在2017至2018年间有八所高校"), figure_units("3570台比特币ATM"), figure_units("3万台")
    (('', 'date', '所'), ('台',), ('台',))
    >>> figure_units("按每平米每天2元补贴"), figure_units("给予30元/平方米的补贴")
    (('per-area',), ('per-area',))
    """
    if "%" in text or "％" in text or "百分点" in text:
        return (PERCENT,)
    found = sorted([*_DIGITS.finditer(text), *_NUMERALS.finditer(text)], key=lambda m: m.start())
    if found and re.search(_PER_AREA, text):
        return (PER_AREA,)
    if found and _CURRENCY.search(text):
        return (MONEY,)
    return tuple(_unit_after(text[m.end():]) for m in found)


def _unit_after(after: str) -> str:
    after = after.lstrip().lstrip("万亿千百")  # ("3万台": counted in 台)
    after = after[1:].lstrip() if after[:1] in "多余" else after
    if after.startswith("倍"):
        return TIMES
    if _NANOMETRE_UNIT.match(after):
        return NANOMETRES
    if _AREA_UNIT.match(after):
        return AREA
    if after[:1] in ("年", "月", "日", "号"):
        return DATE  # "2018年4月主网上线" states a date, not a quantity
    return after[:1] if is_measure_word(after[:1]) else ""


def fits(asked: str, text: str) -> bool | None:
    """Whether some figure of ``text`` is in the unit asked for; None when nothing is asked
    or no figure's unit is known.

    >>> fits("台", "3570台"), fits("台", "2693个"), fits("%", "1000 万日元"), fits("台", "2693")
    (True, False, False, None)
    >>> fits("笔", "截至2018年8月，共7笔"), fits("台", "2018年6月发布 v1.0.3 版本")
    (True, False)
    >>> fits("nm", "采用 10nm 工艺"), fits("nm", "预计2018年四季度批量生产"), fits("area", "签订了10个项目")
    (True, False, False)
    """
    verdicts = [agrees(asked, unit) for unit in figure_units(text)]
    known = [v for v in verdicts if v is not None]
    return any(known) if known else None


def is_measure_word(unit: str) -> bool:
    """Whether ``unit`` is one measure word that counts things ("家", not "亿美元").

    >>> is_measure_word("家"), is_measure_word("亿美元"), is_measure_word("")
    (True, False, False)
    """
    return len(unit) == 1 and unit in _COUNTERS


#: measure words of organisations and things that 个 may stand for (not people, times or rounds)
_ALIKE_COUNTERS = frozenset("个家所项座款")


def alike_units(first: str, second: str) -> bool:
    """Whether figures in these units measure alike: the same unit, or a count in 个 (the
    general measure word) and a count in another ("800家" and "2693个" companies).

    >>> alike_units("家", "个"), alike_units("家", "家"), alike_units("家", "台"), alike_units("个", "亿美元")
    (True, True, False, False)
    >>> alike_units("个", "人")
    False
    """
    return first == second or ("个" in (first, second) and {first, second} <= _ALIKE_COUNTERS)


def agrees(asked: str, unit: str) -> bool | None:
    """Whether a figure in ``unit`` can answer a question asking in ``asked``; None when
    either says nothing (no unit asked, or a bare figure).

    >>> agrees("台", "个"), agrees("个", "家"), agrees("%", "money"), agrees("台", "")
    (False, True, False, None)
    """
    if not asked or not unit:
        return None
    if asked in MEASURES or unit in MEASURES or unit == DATE:
        return asked == unit
    return asked == unit or asked == "个"


_WORDED = re.compile(r"[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]")
_WORD_VALUE = {"一": 1, **COUNT_WORDS}


#: a number that names a part of the report ("附录6", "表 3", "第四章"), not a figure
_REFERENCE = re.compile(r"(?:附录|表|图|第|appendix|table|figure|chapter)\s*$", re.I)


def figures_in(text: str) -> set[str]:
    """The figures a text states, dates aside: digits as written, and numbers in words from
    二 to 九十九 ("五十家" → "50"; "一家", "第一" say nothing).

    >>> sorted(figures_in("杭州有五十家以上，其中12家")), sorted(figures_in("2030年将超过3.1万亿"))
    (['12', '50'], ['3.1'])
    >>> figures_in("附录6的联盟里有几个？"), figures_in("第四章提到几项？"), figures_in("四川有几家？")
    (set(), set(), set())
    """
    flat = text.replace(",", "")
    found = {m.group(0) for m in _DIGITS.finditer(flat)
             if not re.match(r"\s*[年月日号]", flat[m.end():]) and m.group(0)[-1].isdigit()
             and not _REFERENCE.search(flat[:m.start()])}
    for m in _WORDED.finditer(flat):
        word = m.group(0)
        # (a number in words counts something: "五十家", "八所"; not 四川, 三月, 二维码)
        if _REFERENCE.search(flat[:m.start()]) or not is_measure_word(flat[m.end():].lstrip("多余")[:1]):
            continue
        if "十" in word:
            tens, _, ones = word.partition("十")
            found.add(str(_WORD_VALUE.get(tens, 1) * 10 + _WORD_VALUE.get(ones, 0)))
        elif word != "一":
            found.add(str(_WORD_VALUE[word]))
    return found


def restates(question: str, answer: str) -> bool:
    """Whether every figure of an answer is one the question itself states: "五十家里上市的有
    几家" is not answered by "近50家".

    >>> restates("五十家企业里，上市公司有几家？", "杭州已经有近50家区块链企业"), restates("有几家？", "50家")
    (True, False)
    """
    stated = figures_in(answer)
    return bool(stated) and stated <= figures_in(question)


def statistic_figure(a: Answerer, iri: str) -> str:
    """A statistic's figure as the report states it (its stated form, else its value), or ""."""
    return a.facts.sibling_value(iri, "statedValue") or a.facts.sibling_value(iri, "value") or ""


def literal_figure(a: Answerer, row: FactRow, n: Decimal) -> str:
    """A numeric literal as people read it: the stated form of a statistic's value, an amount
    in 万/亿 with its currency, or the digits with the unit the quote writes after them."""
    stated = a.facts.sibling_value(row.subject, "statedValue") if row.predicate == "value" else None
    if stated:
        return stated
    if row.predicate.endswith(("CNY", "USD")):
        return chinese_amount(n) + ("元" if row.predicate.endswith("CNY") else "美元")
    return format_number(n) + unit_from_quote(format_number(n), row.quote)


def shown_figure(a: Answerer, row: FactRow, answer: str | None) -> str:
    """The figure a fact gives as the answer, as the report writes it ("" when none): a
    statistic's figure, or the literal as ``literal_figure`` shows it."""
    if answer is not None:
        return statistic_figure(a, answer) if "Statistic" in a.types(answer) else ""
    n = number(row.value or "") if row.is_numeric else None
    return literal_figure(a, row, n) if n is not None else row.value or ""


#: a figure in digits or in words, and money asked for or written (万/亿 stand for amounts)
#: a figure in words ("一家", "五分之一", "三倍", "半数"; not 万向 or 统一)
WORDED_FIGURE = re.compile(r"[一二两三四五六七八九十百千万亿]+[多余]?"
                           r"(?:[个家所项种条位名国座起笔件类台本篇部张份人次轮款]|分之|倍|成)|半数|一半")
#: a figure in digits or in words ("三千万", "六年", "第二"; not the 亿 of 亿邦 or the 一 of 统一)
_ANY_FIGURE = re.compile(rf"\d|{WORDED_FIGURE.pattern}|[一二两三四五六七八九十百千]+(?:[年天周日]|个?月)|"
                         r"[一二两三四五六七八九十百千万数几上近超逾过]+[万亿]|[十百千][几余多]|几[十百千]|"
                         r"第[一二两三四五六七八九十百]")
_MONEY_ASKED = re.compile(r"多少钱|融了多少|融资额|(?:售价|价钱)(?:是|为|约|大约)?多少|"
                          r"how much money|how much did .* raise", re.I)
#: an ordinal ("第一笔交易") is no figure
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+")
_RANK_ASKED = re.compile(r"第几|名次|排名|\b(?:rank|ranks|ranked|position|place)\b", re.I)
#: a decade ("90 年代") is no figure
_DECADE = re.compile(r"\d+\s*年代|[一二三四五六七八九]十年代")
_AMOUNT = re.compile(r"元|美元|美金|万|亿|\$|usd|cny|rmb", re.I)


def _states_figure(q: Question, label: str) -> bool:
    """Whether an answer's label states a figure: not a decade, nor an ordinal ("第一笔交易")
    unless the question asks for a rank ("排第几")."""
    label = _DECADE.sub("", label)
    return bool(_ANY_FIGURE.search(label if _RANK_ASKED.search(q.text) else _ORDINAL.sub("", label)))


def no_figure_asked(q: Question, items: list[AnswerItem]) -> bool:
    """Whether a question asking for a figure gets none of the kind it asks for: no figure at
    all, money asked for and only other figures ("融了多少钱" answered by a count of copyrights),
    every figure in another unit ("按多少税率" answered by yen), or a physical measure asked for
    and no figure written in it ("占地面积多大" answered by a bare 300万). A unit of its own says a
    figure is asked for whatever the question word says ("What was its revenue?")."""
    asked = asked_unit(q.text)
    # (not when an entity is asked for by its kind: "估值是多少的那家公司叫什么")
    measured = asked in MEASURES and not q.wants_any("count", "date", "list", "yesno") and not q.wanted_type and (
        not re.search("哪|谁", q.text))
    if not measured and not (q.wants_any("number") and not q.wants_any("count", "date", "entity", "list", "yesno")):
        return False
    if not any(isinstance(i.value, (int, float)) or _states_figure(q, i.label) for i in items):
        return True
    if _MONEY_ASKED.search(q.text) and not any(_AMOUNT.search(i.label) for i in items):
        return True
    if asked and all(fits(asked, i.label) is False for i in items):
        return True
    return asked in PHYSICAL and not any(fits(asked, i.label) for i in items)


#: the thing a question counts, after 多少/几 and a measure word ("多少注册用户"), or "how many X"
_COUNTED = re.compile(r"(?:多少|几)(?:个|家|所|项|位|名|条|件|款|种|本|篇|部|张|份)?([\u4e00-\u9fff]{2,6})|"
                      r"\bhow many ([a-z]+(?: [a-z]+)?)", re.I)


def counts_another_thing(text: str, labels: list[str]) -> bool:
    """Whether the question counts something none of ``labels`` (of the count properties that
    answer it) names: "布洛克城有多少注册用户" is no count of software copyrights.

    >>> counts_another_thing("布洛克城有多少注册用户？", ["软件著作权数", "software copyrights"])
    True
    >>> counts_another_thing("复杂美申请了多少项发明专利？", ["发明专利申请数", "patent applications"])
    False
    >>> counts_another_thing("How many patents has it applied for?", ["发明专利申请数", "patent applications"])
    False
    >>> counts_another_thing("公司有多少人？", ["员工人数", "employees"])
    False
    >>> counts_another_thing("它有几项软著？", ["软件著作权数", "software copyrights"])
    False
    >>> counts_another_thing("附录1介绍了几本最有影响力的书？", ["附录1介绍的书籍数量"])
    False
    """
    from chainkg.qa.scoring import grams

    m = _COUNTED.search(text)
    if m is None:
        return False
    chinese, english = m.group(1), m.group(2)
    counted = grams(chinese or english)
    # ("几本最有影响力的书": what is counted is the head after the last 的, 书)
    phrase = re.split(r"[，,。？?；;]", text[m.start(1):])[0][:12] if chinese else ""
    head = phrase.rsplit("的", 1)[1] if "的" in phrase else ""
    # (a Chinese abbreviation counts what its characters name: 软著 is 软件著作权)
    return not any(counted & grams(label) or (chinese and _abbreviates(chinese, label))
                   or (head and (head in label if len(head) == 1 else bool(grams(head) & grams(label))))
                   for label in labels)


def _abbreviates(word: str, label: str) -> bool:
    """Whether ``word`` shortens ``label``: its characters in order in it."""
    rest = iter(label)
    return all(c in rest for c in word)
