"""Question answering: the answer contract, the dev set, honest no_answer, and the scoring rules."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from chainkg.qa.analysis import analyse
from chainkg.qa.answer import Answer, AnswerItem, EvidenceItem
from chainkg.qa.answerer import Answerer
from chainkg.qa.evaluate import evaluate, judge
from chainkg.qa.render import chinese_amount, render_date, unit_from_quote
from chainkg.qa.units import asked_unit, fits, restates
from chainkg.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def answerer(built: Settings) -> Answerer:
    from chainkg.qa.loader import load_answerer
    from chainkg.search.encoder import open_encoder
    from chainkg.search.index import SearchIndex
    from chainkg.store import OxigraphStore

    build_dir = built.current_build.resolve()
    index = SearchIndex.load(build_dir / "index", open_encoder(None, built.model_cache))
    return load_answerer(build_dir, index, OxigraphStore.open(build_dir / "store"))


def test_answer_contract_with_cited_evidence(answerer: Answerer) -> None:
    answer = answerer.ask("趣链2016年8月31日那笔1750万的融资是哪几家投的？")
    d = answer.to_dict()
    assert set(d) == {"question", "status", "answers", "answer_text", "sparql", "evidence", "confidence"}
    assert d["status"] == "answered"
    assert {i["label"] for i in d["answers"]} == {"君宝通信", "浙大网新", "信雅达"}
    assert all(i["iri"].startswith("https://w3id.org/chainkg/id/") for i in d["answers"])
    assert "SELECT" in d["sparql"] and "趣链" not in d["sparql"]  # user text never pasted
    assert "信雅达" in d["evidence"][0]["text"] and d["evidence"][0]["page"]
    assert 0 < d["confidence"] <= 1


def test_traditional_chinese_and_english(answerer: Answerer) -> None:
    answer = answerer.ask("除了 IOTA，報告還點名了哪些採用 DAG 架構的項目？")
    assert {"ByteBall", "Nano", "TrustNote", "CyberVein"} <= {i.label for i in answer.answers} | {
        str(i.value) for i in answer.answers}
    english = answerer.ask("Who first gave a mathematical proof of a fully homomorphic encryption scheme, "
                           "and in which year?")
    texts = " ".join(f"{i.label} {i.value}" for i in english.answers)
    assert "Craig Gentry" in texts and "2009" in texts


def test_report_does_not_say(answerer: Answerer) -> None:
    answer = answerer.ask("趣链科技2019年的C轮融资拿了多少钱？")
    assert answer.status == "no_answer" and answer.answers == []
    assert answer.evidence, "the closest passages are still shown"


def test_dev_set_accuracy_does_not_regress(answerer: Answerer) -> None:
    report = evaluate(ROOT / "data" / "eval" / "dev-questions.jsonl", answerer.ask)
    assert report.accuracy() >= 0.85
    assert report.evidence_recall() >= 0.95


def _labels(answer: Answer) -> list[str]:
    return [i.label for i in answer.answers]


def test_selection_by_a_stated_value(answerer: Answerer) -> None:
    """Every country whose appendix-3 attitude is the value the question states, and their count."""
    assert set(_labels(answerer.ask("附录3里哪些国家的整体态度是严禁？"))) == {"中国", "印度", "越南"}
    assert _labels(answerer.ask("附录3中整体态度为严禁的国家一共有几个？"))[0] == "3个"


def test_counting_what_a_section_lists(answerer: Answerer) -> None:
    answer = answerer.ask("附录6里一共列出了多少个区块链联盟？")
    assert _labels(answer) == ["24个"]
    assert answer.sparql is not None and "COUNT" in answer.sparql
    assert answer.evidence[0].section.startswith("附录 6")


def test_sums_and_differences_of_stated_figures(answerer: Answerer) -> None:
    assert _labels(answerer.ask("北京和深圳的区块链专利公开数量加起来有多少？")) == ["489件"]
    assert _labels(answerer.ask("以太坊每秒处理的交易数比比特币多多少笔？")) == ["8笔"]


def test_yes_no_denied_by_the_report(answerer: Answerer) -> None:
    assert _labels(answerer.ask("以太坊是一家公司吗？"))[0] == "否"
    assert _labels(answerer.ask("Is Ethereum a company?"))[0] == "no"
    assert _labels(answerer.ask("Is Hyperchain developed by Qulian?"))[0] == "yes"


def test_yes_no_denied_by_allowing_what_the_question_says_is_forbidden(answerer: Answerer) -> None:
    """The report says South Korea's bill lets bitcoin circulate ("允许流通"): forbidding it is denied,
    allowing it affirmed."""
    assert _labels(answerer.ask("韩国的比特币监管法案禁止比特币流通吗？"))[0] == "否"
    assert _labels(answerer.ask("韩国的比特币监管法案允许比特币流通吗？"))[0] == "是"


def test_which_of_two_events_came_first(answerer: Answerer) -> None:
    """Two events described in clauses: each one's date asked apart, then compared, with the months between."""
    answer = answerer.ask("瑞士 FINMA 发布虚拟货币分类指引，和新加坡 MAS 发表 ICO 监管声明，"
                          "哪件事更晚？中间隔了几个月？")
    assert _labels(answer) == ["瑞士FINMA发布虚拟货币分类指引", "2018年2月", "2017年8月", "6个月"]
    assert answer.evidence and "更晚" in answer.answer_text


def test_which_of_two_described_amounts_is_larger(answerer: Answerer) -> None:
    """Two amounts described in clauses: each asked for apart, then compared in one unit."""
    smaller = answerer.ask("长沙的区块链产业基金和苏州的区块链产业基金，哪个规模更小？小多少？")
    assert _labels(smaller)[0] == "苏州的区块链产业基金" and _labels(smaller)[-1] == "20亿"
    ratio = answerer.ask("比特币每秒处理的交易笔数和以太坊每秒处理的交易笔数，哪个更多？是另一个的几倍？")
    assert _labels(ratio)[0] == "以太坊每秒处理的交易笔数" and _labels(ratio)[-1] == "2.14倍"


def test_amounts_compared_only_in_one_unit() -> None:
    from chainkg.qa.amounts import amount, amount_pair, comparable

    dollars, bare, yuan = amount("63亿美元"), amount("73亿"), amount("2018年完成15亿元融资")
    patents, machines = amount("43项"), amount("3570台")
    assert dollars and bare and yuan and patents and machines
    assert comparable(dollars, bare) and not comparable(dollars, yuan)  # a bare figure takes the other's currency
    assert not comparable(patents, machines) and yuan.value == 1_500_000_000
    assert amount("第3名") is None and amount("36.8%") is None and amount("3.5倍") is None
    pair = amount_pair("2018 年上半年，安全事件的损失和 VC 投资，哪个数额更大？大多少？")
    assert pair is not None and pair.first.endswith("安全事件的损失") and pair.asks == "difference"
    assert amount_pair("苏州和长沙的产业基金，哪个规模大？各多少？") is None  # "苏州" describes nothing


def test_event_pairs_are_told_from_other_comparisons(answerer: Answerer) -> None:
    from chainkg.qa.events import compare_events, event_pair

    pair = event_pair("比原链主网上线和络谱平台 1.0 版发布，哪个先？各是什么时候？")
    assert pair is not None and (pair.first, pair.second, pair.earlier, pair.gap) == (
        "比原链主网上线", "络谱平台 1.0 版发布", True, "")
    later = event_pair("A 公司完成天使轮，与 B 公司完成 A 轮，哪件事更晚？晚了几年？")
    assert later is not None and not later.earlier and later.gap == "year"
    # two things the graph names are compared by their facts, not asked about as events
    named = analyse("杭州趣链科技有限公司和杭州云象网络技术有限公司，哪个更早？")
    assert event_pair(named.text) is not None and compare_events(answerer, named) is None


def test_an_answer_names_each_item_once(answerer: Answerer) -> None:
    labels = _labels(answerer.ask("附录7中俄罗斯有哪些高校在2018年开了区块链课？"))
    assert "新西伯利亚国立大学" in labels and len(labels) == len(set(labels))


def test_things_founded_in_a_year(answerer: Answerer) -> None:
    """The verb names the date property (成立 → 成立时间), the noun the kind, the chapter the part."""
    companies = answerer.ask("第六章里哪些公司是2016年成立的？")
    assert set(_labels(companies)) == {"杭州趣链科技有限公司", "浙江数秦科技有限公司", "杭州存信数据科技有限公司",
                                       "富数科技"}
    assert companies.sparql is not None and "foundingDate" in companies.sparql and companies.evidence
    assert _labels(answerer.ask("2016年成立的联盟有几个？"))[0] == "3个"


def test_category_value_the_report_lacks(answerer: Answerer) -> None:
    """The report gives 巴比特's Pre-A and A rounds only: a question about its B round has no answer."""
    assert answerer.ask("巴比特B轮融资的投资方有哪些？").status == "no_answer"


def test_question_analysis() -> None:
    q = analyse("趣链2016年8月31日那笔1750万的融资是哪几家投的？")
    assert "list" in q.wants and q.dates == ("2016-08-31",)
    assert analyse("比原链的架构分成哪三层？").expected_items == 3
    assert analyse("除了 IOTA，还有哪些项目").excluded.strip().lower() == "iota"
    assert analyse("高層次人才的補貼，蘇州和貴州相差多少？").text.startswith("高层次人才")


def test_rendering() -> None:
    assert render_date("2018-06-28", "zh") == "2018年6月28日"
    assert render_date("2017-09", "zh") == "2017年9月"
    from decimal import Decimal

    assert chinese_amount(Decimal(700000)) == "70万"
    assert chinese_amount(Decimal(1500000000)) == "15亿"
    assert unit_from_quote("43", "截至 2018 年 8 月，云象申请发明专利 43 项") == "项"


def _answer(*labels: str, status: str = "answered") -> Answer:
    items = [AnswerItem(label, None, None) for label in labels]
    return Answer("q", status, items, "", None, [EvidenceItem("p", "证据文本", "s", 1, 1.0)], 0.5)


def test_scoring_rules_of_the_issue() -> None:
    gold = {"id": "x", "kind": "list", "answers": ["矿圈", "链圈"], "aliases": {}, "evidence": ["证据"]}
    assert judge(gold, _answer("矿圈", "链圈")).correct
    assert not judge(gold, _answer("矿圈")).correct
    assert not judge(gold, _answer("矿圈", "链圈", *[str(i) for i in range(4)])).correct  # > max(2n, n+3)
    assert judge(gold, _answer("矿圈", "链圈")).evidence_hit
    assert not judge(gold, _answer("x" * 40 + "矿圈链圈")).correct  # items are cut at 40 characters
    yes = {"id": "y", "kind": "boolean", "answers": ["是"], "aliases": {}}
    assert judge(yes, _answer("是", "否")).correct and not judge(yes, _answer("否", "是")).correct
    none = {"id": "z", "kind": "unanswerable", "answers": [], "aliases": {}}
    assert judge(none, _answer(status="no_answer")).correct and not judge(none, _answer("15亿")).correct


def test_ask_over_http(server: str) -> None:
    got = httpx.get(server + "/api/ask", params={"q": "报告里 Visa 每秒最多能处理多少笔交易？"}, timeout=30).json()
    assert got["status"] == "answered" and any("1.4万笔" in i["label"] for i in got["answers"])
    posted = httpx.post(server + "/api/ask", json={"q": "成都高新区对区块链高层次人才的补贴最高是多少？"},
                        timeout=30).json()
    assert posted["status"] == "no_answer" and posted["answers"] == [] and posted["evidence"]
    assert httpx.get(server + "/api/ask", params={"q": " "}).status_code == 400
    assert httpx.post(server + "/api/ask", json={}).status_code == 422


def test_english_question_reaches_chinese_facts(answerer: Answerer) -> None:
    """No English name in the question links: the entities nearest in meaning find the facts."""
    answer = answerer.ask("Which three countries have the most universities that offer blockchain courses?")
    names = {str(v) for i in answer.answers for v in (i.label, i.value)}
    assert {"美国", "中国", "俄罗斯"} <= names


def test_money_asked_and_only_other_figures_known(answerer: Answerer) -> None:
    """The report counts 云象's rounds and copyrights but never says how much it raised."""
    assert answerer.ask("云象融资拿了多少钱？").status == "no_answer"


def test_a_count_is_not_a_sum() -> None:
    assert "sum" not in analyse("北京和深圳一共有几家区块链企业？").wants
    assert "sum" in analyse("北京和深圳的专利数加起来有多少？").wants



def test_superlative_over_figures_one_passage_states(answerer: Answerer) -> None:
    """The largest of the figures a passage gives for several entities, with the entity."""
    assert _labels(answerer.ask("受攻击面里哪一层的占比最高？"))[:2] == ["业务层", "71.17%"]
    # a cap asked of one entity ("最高是多少") is not a superlative over entities
    assert "2000万" in _labels(answerer.ask("青岛给重大项目的配套资助最高有多少？"))[0]


def test_two_figures_one_sentence_states_side_by_side(answerer: Answerer) -> None:
    # the two sides (foreign and domestic patents) are no entities: the sentence pairs them
    answer = answerer.ask("长沙给国外专利和国内专利的奖励，每件最高分别多少？哪个多？")
    labels = [i.label for i in answer.answers]
    assert "20万" in labels and "5万" in labels


def test_yes_no_contradicted_by_another_figure_or_a_negation(answerer: Answerer) -> None:
    version = answerer.ask("公信链的 3.0 版本已经上线运营了吗？")
    assert version.answers[0].label == "否"
    sandbox = answerer.ask("产品通过了英国监管沙箱的测试，就可以直接进入市场吗？")
    assert sandbox.answers[0].label == "否"
    stated = answerer.ask("公信链的 1.0 版本已经上线运营了吗？")
    assert stated.answers[0].label == "是"


def test_stated_figures_and_their_sides() -> None:
    from chainkg.qa.arithmetic import sides
    from chainkg.qa.facttext import stated_figures

    assert stated_figures("2018年8月29日共305起，高于去年121起[12]") == [("305起", "起"), ("121起", "起")]
    assert sides("在2017年82%的应用，而在2018年下降到46%", ["82%", "46%"], ["2017", "2018", "应用"]) == [
        "2017", "2018"]


def test_comparison_of_the_two_names_the_question_joins(answerer: Answerer) -> None:
    # "国内" also names China: the sides are the two names joined by 和
    labels = _labels(answerer.ask("国内区块链企业按地区分，北京和上海各占多少？谁更高？"))
    assert {"北京", "41%", "17%"} <= set(labels)


def test_a_stated_count_is_not_replaced_by_entities_of_the_counted_class(answerer: Answerer) -> None:
    assert _labels(answerer.ask("杭州生产挖机与芯片的硬件厂商一共有几家？"))[0] == "3家"


def test_which_of_two_came_first_with_both_dates(answerer: Answerer) -> None:
    # "剑桥" is 剑桥大学 without its suffix
    labels = _labels(answerer.ask("纽约大学和剑桥哪个先开设区块链课程？各是什么时候？"))
    assert labels[:1] == ["纽约大学"] and {"2014年9月", "2016年"} <= set(labels)


def test_selection_by_several_columns_of_a_table(answerer: Answerer) -> None:
    # 附录3: 墨西哥 and 俄罗斯 are the strictly regulating countries with a cross for ICO
    crossed = answerer.ask("附录3里整体态度是严格监管、ICO一栏打叉的国家有哪些？")
    assert {i.label for i in crossed.answers} == {"墨西哥", "俄罗斯"}
    assert crossed.sparql and "附录" in crossed.evidence[0].section
    assert _labels(answerer.ask("附录3中整体态度为严格监管且没有税收优惠的国家有几个？"))[0] == "5个"


def test_table_marks_near_a_column_name() -> None:
    from chainkg.qa.selection import wanted_flag, wanted_symbol

    assert wanted_symbol("ico 一栏打勾的国家", 0, 3) == "√"
    assert wanted_symbol("ico 的国家", 0, 3) is None
    assert wanted_flag("有税收优惠的国家", 1, 5) == "true"


def test_a_date_stated_inside_a_worded_fact(answerer: Answerer) -> None:
    assert _labels(answerer.ask("报告说区块链企业的增速是从何时开始放缓的？"))[0] == "2018年5月"


def test_english_question_about_a_name_the_report_never_uses(answerer: Answerer) -> None:
    assert answerer.ask("How many blockchain patents does Huawei hold, according to the report?").status == "no_answer"
    # a capitalised word that starts a sentence is no name
    assert answerer.ask("Which city did Hyperchain's developer come from? Give the city.").status == "answered"


def test_the_noun_asked_for_is_what_the_answer_is_called(answerer: Answerer) -> None:
    # no class for 学派 or 孵化基地: the answer's own name says it is one
    assert _labels(answerer.ask("罗金海是哪个学派的创始人？"))[0] == "量子学派"
    assert _labels(answerer.ask("宝山区的金融服务工作要点提到要跟踪哪个孵化基地？"))[0] == "庙行区块链孵化基地"


def test_a_later_part_asks_about_what_the_description_found(answerer: Answerer) -> None:
    labels = _labels(answerer.ask("推出全国首个区块链电子处方的那家医院在哪个城市？这个城市给重点引进的高层次人才的"
                                  "租房补贴最多多少？"))
    assert "上海" in labels and any("10万元" in label for label in labels)


def test_the_report_calling_answers_what_the_question_asks_for(answerer: Answerer) -> None:
    # the two are platforms in the graph, and the report calls them 产品
    answer = answerer.ask("中钞区块链技术研究院推出过哪两项创新产品？")
    labels = " ".join(f"{i.label} {i.value}" for i in answer.answers)
    assert "Block-X" in labels and ("BROP" in labels or "络谱" in labels)


def test_a_list_whose_size_the_question_states() -> None:
    assert analyse("得到推广的三类先行经验分别是哪些？").expected_items == 3
    assert analyse("过去五年芯片工艺经历了哪些制程？").expected_items == 0


def test_names_joined_for_comparison() -> None:
    from chainkg.qa.arithmetic import coordinated
    from chainkg.qa.linker import Link

    text = "新认定的区块链企业，长沙和广州谁给得多"
    links = [Link(n, text.find(n), text.find(n) + len(n), (n,)) for n in ("区块链", "长沙", "广州")]
    assert [lk.name for lk in coordinated(text, links)] == ["长沙", "广州"]  # a comma joins nothing


def test_who_gives_more_compares() -> None:
    assert "compare" in analyse("苏州和长沙谁给得多？").wants
    assert "compare" not in analyse("巴比特的A轮是谁领投的？").wants


def test_which_one_a_section_lists_most_for(answerer: Answerer) -> None:
    assert _labels(answerer.ask("附录4中哪个地区的区块链专项政策最多？一共有几项？"))[:2] == ["上海", "3项"]


def test_a_sum_of_the_figures_one_sentence_states_for_the_question_s_words(answerer: Answerer) -> None:
    assert _labels(answerer.ask("杭州对新认定的国家级和省级技术中心的奖励合计多少？"))[0] == "400万"


def test_a_phrase_read_off_the_sentence_that_fills_the_question_s_gap(answerer: Answerer) -> None:
    answer = answerer.ask("目前企业深入区块链应用还面临哪些难题？")
    assert answer.status == "answered"
    assert "分布式技术潜在的安全威胁" in _labels(answer)
    assert "分布式技术潜在的安全威胁" in answer.evidence[0].text  # the sentence read is cited first


def test_a_phrase_enclosed_by_the_question_s_words_on_both_sides(answerer: Answerer) -> None:
    # the graph's stance groups name countries of the same sentence, but not what fills the gap
    assert _labels(answerer.ask("对虚拟货币态度开放的国家多半集中在哪个领域领先的国家？")) == ["资产管理领域"]


def test_a_quoted_list_of_clauses_is_read_item_by_item(answerer: Answerer) -> None:
    labels = _labels(answerer.ask("据报告，地方区块链政策未来将延续哪几方面的趋势？"))
    assert labels == ["发布更密集", "政策主题覆盖更广", "实施内容更加落地"]


def test_items_read_off_keep_the_report_s_words(answerer: Answerer) -> None:
    # "对于" is no part of the first item; 行业培训 is shown as written, its entity as the value
    answer = answerer.ask("处于周期交替之时，企业对哪些资源的诉求更迫切？")
    assert _labels(answer) == ["科研环境", "高精尖人才", "行业培训"]


def test_a_question_word_with_its_own_measure_word_has_no_noun_after_it(answerer: Answerer) -> None:
    assert _labels(answerer.ask("瑞士监管机构依据虚拟货币的哪两方面来界定其类别？")) == ["用途", "所附权利"]


def test_a_stretch_the_graph_also_states_is_answered_from_the_graph(answerer: Answerer) -> None:
    answer = answerer.ask("雄安新区与科技公司合作，把区块链技术用在了哪些领域？")
    assert {"房屋租赁", "网络安全"} <= set(_labels(answer))
    assert answer.sparql is not None and all(item.iri for item in answer.answers)


def test_the_subject_a_sentence_says_the_question_s_words_of(answerer: Answerer) -> None:
    # "政务和公共服务等领域是最直接的区块链应用场景": the answer is what comes before 是
    assert _labels(answerer.ask("最直接的区块链应用场景是什么？")) == ["政务和公共服务"]


def test_a_list_before_a_long_run_of_the_question_s_words(answerer: Answerer) -> None:
    # "分片间通信和分片区块链整体安全性等问题似乎也还难以解决"
    labels = _labels(answerer.ask("分片技术里，哪些问题似乎也还难以解决？"))
    assert labels == ["分片间通信", "分片区块链整体安全性"]


def test_a_stretch_without_the_noun_asked_for_is_no_answer(answerer: Answerer) -> None:
    # "2018 年…区块链" brackets 前8个月新增 in another sentence, which names no 领域
    labels = _labels(answerer.ask("按 Gartner 的说法，2018 年哪些领域的区块链应用上升得快？"))
    assert "前8个月新增" not in labels
    assert any("医疗" in label for label in labels)


def test_the_kinds_of_a_generic_thing_are_the_side_away_from_it(answerer: Answerer) -> None:
    # "公有链 ⊂ 区块链": 区块链 links to nothing specific, yet it is what the question is about
    labels = _labels(answerer.ask("从开放程度看，区块链能分为哪两类？"))
    assert sorted(labels) == ["公有链", "许可链"]


def test_a_list_of_organisations_the_report_names_by_kind(answerer: Answerer) -> None:
    # 机构 asks for organisations; the sentence names kinds of them, which answer as written
    assert _labels(answerer.ask("杭州和西安在2018年都成立了哪些机构？")) == ["产业联盟", "行业研究院"]


def test_a_date_of_something_else_does_not_answer_an_undated_event(answerer: Answerer) -> None:
    # "混币最初是由 Gregory Maxwell 提出的" has no date; 2009年1月 is when bitcoin began
    assert answerer.ask("Gregory Maxwell 是在哪一年提出混币的？").status == "no_answer"


def test_the_appendix_number_is_no_figure_the_question_states(answerer: Answerer) -> None:
    # "附录5" must not make the amount "入驻一家5万" look like something the question already says
    assert _labels(answerer.ask("按附录5，苏州的孵化器每入驻一家企业能拿多少奖励？")) == ["入驻一家5万"]


def test_the_largest_amount_answers_only_what_asks_for_the_largest(answerer: Answerer) -> None:
    assert "5万" in _labels(answerer.ask("附录5中，长沙给孵化器每入驻一家企业奖励多少？"))[0]
    assert _labels(answerer.ask("附录5里长沙的平台奖励最高多少？"))[0] == "200万元"


def test_a_list_right_before_the_noun_and_the_rest_of_the_question(answerer: Answerer) -> None:
    # "秘猿科技目前已与 A、B、C、D 等机构开展了…合作": exactly those four, not its other partners
    labels = _labels(answerer.ask("秘猿科技目前与哪些机构开展了区块链方面的重要合作？"))
    assert labels == ["招商银行", "中钞区块链研究院", "现在支付", "众签科技"]


def test_the_name_between_the_question_s_words_and_its_noun(answerer: Answerer) -> None:
    # "目前已发布云象区块链 BaaS 平台 1.0 版本"
    assert "1.0版本" in _labels(answerer.ask("云象目前已经发布的 BaaS 平台是什么版本？"))[0]


def test_revenue_area_and_process_node_are_answered_only_in_their_measure(answerer: Answerer) -> None:
    # the report gives no revenue and no floor area: a count of companies or projects is no answer
    assert answerer.ask("杭州区块链企业去年的营业额是多少？").status == "no_answer"
    assert answerer.ask("西溪谷区块链产业园占地多少平方米？").status == "no_answer"
    assert "nm" in _labels(answerer.ask("亿邦通信的芯片用的是多少纳米工艺？"))[0]


def test_which_of_two_periods_is_larger_names_the_period(answerer: Answerer) -> None:
    labels = _labels(answerer.ask("2017 年全年与 2018 年上半年，区块链安全事件的经济损失哪个时期更高？分别是多少？"))
    assert "2018年上半年" in labels[0]
    assert set(labels[1:]) == {"6.34亿美元", "27亿美元"}  # 6.34亿, not 63400万


def test_the_noun_asked_for_may_be_a_table_s_column_head(answerer: Answerer) -> None:
    # 部门 names government bodies, but Appendix 6 heads its sector column 部门
    assert _labels(answerer.ask("B3i 在区块链联盟表里属于哪个部门？")) == ["保险"]
    assert _labels(answerer.ask("超级账本在附录6里属于哪个部门？")) == ["标准化"]


def test_an_amount_the_question_states_must_be_where_the_answer_is(answerer: Answerer) -> None:
    # the report says 余杭区 set up the 100亿 fund "与风险投资公司共同", naming none
    assert answerer.ask("2018 年杭州那支 100 亿元的基金是和哪家公司一起成立的？").status == "no_answer"
    assert _labels(answerer.ask("附录5里，设立10亿的产业基金的是哪个城市？")) == ["苏州"]


def test_a_sum_over_a_range_of_years(answerer: Answerer) -> None:
    # Table 1: 69 (2016) + 121 (2017) + 305 (2018)
    assert _labels(answerer.ask("2016 至 2018 年，国内区块链融资事件合计多少起？")) == ["495起"]


def test_a_property_asked_by_another_name_the_ontology_gives_it(answerer: Answerer) -> None:
    # 发文字号 is a skos:altLabel of cko:documentNumber (文号)
    assert _labels(answerer.ask("国务院印发的那份信息化规划，它的发文字号是什么？"))[0] == "国发〔2016〕73号"


def test_a_figure_of_another_quarter_does_not_answer(answerer: Answerer) -> None:
    # the report gives 2017's first and second quarters only
    assert answerer.ask("2017 年第四季度国内新增的区块链企业有几家？").status == "no_answer"
    assert "38" in _labels(answerer.ask("2018 年第二季度国内新增了多少家区块链企业？"))[0]


def test_the_subject_of_what_the_question_describes_by_its_kind(answerer: Answerer) -> None:
    # "比特币的 POW 算法是目前最为成熟的共识机制": the subject, not "的共识机制" nor 比特币 alone
    assert _labels(answerer.ask("共识机制当中，目前最为成熟的是哪个？")) == ["比特币的POW算法"]


def test_a_table_s_column_head_is_no_answer(answerer: Answerer) -> None:
    labels = _labels(answerer.ask("按表2，嘉楠云智的主要业务有哪些？"))
    assert "业务" not in labels and {"超算芯片设计", "比特币阿瓦隆矿机生产"} <= set(labels)


def test_yes_no_denied_by_lacking_what_the_question_says_is_had(answerer: Answerer) -> None:
    # "企业内部缺少技术支持和广泛理解"
    assert _labels(answerer.ask("传统企业内部已经具备技术支持和广泛理解了吗？"))[0] == "否"


def test_yes_no_denied_by_only_a_part_or_by_leaving_out(answerer: Answerer) -> None:
    # "所有/全部…吗" — "只处理一小部分交易"; "包含…吗" — "不包括部分业务和产品涉及的公司"
    assert _labels(answerer.ask("以太坊采用分片后，是不是每个节点都得处理全部交易？"))[0] == "否"
    assert _labels(answerer.ask("766家初创企业这个数字，是否包含了只有部分产品涉及区块链的公司？"))[0] == "否"


def test_a_statistic_of_another_thing_answers_no_count(answerer: Answerer) -> None:
    # the report counts the policies (15 项), not the parks they mention nor the aspects of a summary
    assert answerer.ask("各地编制发布的区块链政策里一共提到了多少个园区？").status == "no_answer"
    assert "15项" not in _labels(answerer.ask("第四章把各地政策情况与趋势归纳成了几个方面？"))


def test_yes_no_on_a_table_cell_s_mark(answerer: Answerer) -> None:
    # 附录3, 英国: 虚拟货币交易 /, ICO √, 比特币支付 √, 法币兑换 /
    assert _labels(answerer.ask("附录3中英国的「法币兑换」一栏标的是 √ 吗？"))[0] == "否"
    assert _labels(answerer.ask("附录3中英国的「ICO」一栏标的是 √ 吗？"))[0] == "是"


def test_whether_two_dates_fall_in_the_same_month(answerer: Answerer) -> None:
    # 附录7: 纽约大学 2014年9月, 德雷伯大学 2014年10月; 清华大学 and 斯坦福大学 both 2015年9月
    assert _labels(answerer.ask("纽约大学和德雷伯大学是同一个月开的区块链课吗？")) == ["否", "2014年9月", "2014年10月"]
    assert _labels(answerer.ask("清华大学和斯坦福大学是在同一个月开设区块链课程的吗？"))[0] == "是"


def test_who_is_never_answered_by_a_phrase(answerer: Answerer) -> None:
    assert _labels(answerer.ask("《人人都懂区块链》是谁写的？"))[0] == "罗金海"


def test_yes_no_denied_by_the_sentence_that_says_it_or_by_the_other_way(answerer: Answerer) -> None:
    assert _labels(answerer.ask("按 FINMA 的分类，实用类虚拟货币通常会被视为证券吗？"))[0] == "否"
    assert _labels(answerer.ask("DPOS 的节点数量越多，性能会越高吗？"))[0] == "否"
    assert _labels(answerer.ask("西溪谷的人才政策可不可以解决随迁子女的上学问题？"))[0] == "是"


def test_yes_no_denied_by_no_need_or_by_being_unlike(answerer: Answerer) -> None:
    assert _labels(answerer.ask("跨链原子互换需要第三方交易所参与吗？"))[0] == "否"  # 无需第三方交易所
    assert _labels(answerer.ask("意大利的加密货币法案草案把加密货币视为法币吗？"))[0] == "否"  # 与法币不同


def test_question_words_for_documents_months_and_plural_nouns() -> None:
    assert "entity" in analyse("上海哪份文件是自律规范？").wants
    assert analyse("In which month did KPMG release the report?").wants == {"date"}
    assert "list" in analyse("In which two areas does Hangzhou have typical cases?").wants
    assert "list" not in analyse("Which class of token counts as a security?").wants


def test_a_quoted_value_points_at_what_it_describes(answerer: Answerer) -> None:
    assert _labels(answerer.ask("被称为“国内首个自律规范”的是哪份文件？"))[0] == "互联网金融行业区块链自律规则"


def test_a_table_the_question_names_and_the_platform_a_later_part_points_back_at(answerer: Answerer) -> None:
    labels = _labels(answerer.ask("表3里底层平台是络谱（BROP）的是哪家机构？这个平台的首批合作伙伴有哪些？"))
    assert "中钞" in labels[0]
    assert "中科院国家授时中心" in labels[1:]  # the platform's partners, not the institute's


def test_a_clause_saying_some_district_asks_which_and_the_next_one_is_about_it(answerer: Answerer) -> None:
    labels = _labels(answerer.ask("全国首个区块链产业园是某个区成立的，这个区的产业园政策对企业扶持最高奖励多少？"))
    assert "西湖区" in labels and "300万元" in labels


def test_a_table_column_of_yes_no_cells_or_categories_selects_its_rows(answerer: Answerer) -> None:
    assert _labels(answerer.ask("附录3里“税收优惠”一栏为“是”的国家有几个？"))[0] == "8个"  # the table, not the text
    assert _labels(answerer.ask("附录3里整体态度为“政策空白”且有税收优惠的是哪个国家？")) == ["西班牙"]
    assert _labels(answerer.ask("In Appendix 3, how many countries have an overall attitude of 鼓励支持?"))[0] == "18"


def test_counting_a_table_s_rows_of_one_year(answerer: Answerer) -> None:
    assert _labels(answerer.ask("附录7里2018年开设区块链课程的中国高校有几所？"))[0] == "6所"
    english = answerer.ask("How many universities in Appendix 7 began blockchain courses in 2018?")
    assert _labels(english)[0] == "20" and english.sparql and 'VALUES ?year { "2018" }' in english.sparql


def test_those_that_have_not_are_the_stated_total_less_those_that_have(answerer: Answerer) -> None:
    answer = answerer.ask("杭州的55家区块链企业里，还没有进行过一轮融资的有几家？")
    assert _labels(answer) == ["26家"] and "29" in answer.answer_text


def test_which_is_larger_and_by_how_much_in_one_answer(answerer: Answerer) -> None:
    assert _labels(answerer.ask("以太坊和比特币每秒处理的交易谁更多？多出多少笔？")) == ["以太坊", "8笔"]
    assert _labels(answerer.ask("支付宝和Visa每秒最多处理的交易，哪个多？多了多少？")) == ["支付宝", "24.2万笔"]


def test_a_count_the_report_states_beats_counting_the_entities_it_names(answerer: Answerer) -> None:
    assert _labels(answerer.ask("第三章提到的国内开设区块链课程的高校总共有几所？")) == ["十所"]


def test_a_count_property_named_without_its_suffix_and_its_measure_word(answerer: Answerer) -> None:
    assert _labels(answerer.ask("秘猿科技有多少件软件著作权？")) == ["8件"]  # 软件著作权数, "8 件软件著作权登记"


def test_figure_in_the_unit_asked(answerer: Answerer) -> None:
    """A figure in another measure word ("2693个", a date) does not answer "多少台"."""
    assert _labels(answerer.ask("到2018年8月中旬，全世界已装好的比特币ATM共有多少台？")) == ["3570台"]


def test_rate_asked_and_only_amounts_stated(answerer: Answerer) -> None:
    """The report gives Japan's minimum capital in yen, no tax rate: a rate is not answered with yen."""
    assert answerer.ask("日本对虚拟货币收益征税的税率是多少？").status == "no_answer"


def test_difference_between_two_periods(answerer: Answerer) -> None:
    """One measure at two times, each a statistic of its own: their difference, in the graph's unit."""
    answer = answerer.ask("2017年第二季度新增的区块链企业比2018年第二季度多了多少家？")
    assert _labels(answer) == ["13家"]
    assert "51" in answer.answer_text and "38" in answer.answer_text
    english = answerer.ask("How many more new blockchain companies did China add in Q1 2018 than in Q1 2017?")
    assert "34家" in _labels(english)


def test_a_figure_the_question_states_is_no_answer(answerer: Answerer) -> None:
    """The report says Hangzhou has over fifty blockchain firms, not how many of them are listed."""
    assert answerer.ask("杭州那五十多家区块链企业当中，有几家是上市公司？").status == "no_answer"


def test_a_later_part_asks_for_another_figure(answerer: Answerer) -> None:
    """The second part is looked up where the first part was, and is not the first part's figure again."""
    labels = _labels(answerer.ask("编写这份报告时去实地调研过几家企业？另外收到调查问卷的又有几家？"))
    assert labels[:2] == ["12家", "8家"]


def test_list_written_before_the_noun_asked(answerer: Answerer) -> None:
    """"…刚需最强的数据保全、司法鉴定、跨境金融等行业应用": the items, not the whole sentence."""
    answer = answerer.ask("在报告看来，离落地最近、刚需最强的区块链应用都有哪些？")
    assert _labels(answer) == ["数据保全", "司法鉴定", "跨境金融"]


def test_how_much_larger_between_worded_amounts(answerer: Answerer) -> None:
    """"大多少" asks for the difference; the amounts are written in words ("成立30亿产业基金")."""
    answer = answerer.ask("长沙与苏州的区块链产业基金，谁的规模大？大多少？")
    assert _labels(answer) == ["长沙", "20亿"]
    assert "30亿" in answer.answer_text and "10亿" in answer.answer_text


def test_sum_of_figures_named_after_them(answerer: Answerer) -> None:
    """"10 万财政补助、20 万税收和 20 万贷款支持": each figure's name follows it."""
    assert _labels(answerer.ask("贵州给符合条件的小微企业的财政补助、税收和贷款支持加起来有多少？")) == ["50万"]


def test_a_statistic_answers_with_its_figure(answerer: Answerer) -> None:
    """Asked "what is the requirement", a statistic's name would only restate the question."""
    answer = answerer.ask("日本修订后的《资金结算法》对交易平台注册资本的最低要求是什么？")
    assert _labels(answer) == ["1000 万日元"]


def test_count_stated_in_the_unit_asked(answerer: Answerer) -> None:
    """"每年建多少个应用场景" is answered by the 50 scenes a year, not by the 300万 each may get."""
    labels = _labels(answerer.ask("苏州高铁新城的区块链应用示范专项扶持，每年建多少个应用场景？"))
    assert labels and "50个" in labels[0]
    assert not any("300万" in label for label in labels)


def test_english_question_in_two_clauses(answerer: Answerer) -> None:
    """", and how does …" asks a second question about what the first clause found."""
    answer = answerer.ask("Which country's regulator first came up with the regulatory sandbox, "
                          "and how does Appendix 3 rate that country's overall attitude?")
    assert [i.value for i in answer.answers][:1] == ["英国"]
    assert "鼓励支持" in _labels(answer)


def test_a_person_asked_for_by_office() -> None:
    """局长 names a person; the 人 inside 个人端 does not."""
    assert analyse("看好数字货币的那位新加坡金管局局长叫什么名字？").wanted_type == "Person"
    assert analyse("存信基于公信链开发的那个大型个人端应用叫什么？").wanted_type != "Person"


def test_the_report_does_not_name_the_person(answerer: Answerer) -> None:
    """The report mentions a speech by the MAS head but never names him: no answer, not the speech."""
    assert answerer.ask("2018年3月看好数字货币的那位新加坡金管局局长叫什么名字？").status == "no_answer"


def test_sum_over_the_names_listed(answerer: Answerer) -> None:
    """The four listed places' shares, not China's own figures nor the four cities' joint share."""
    assert _labels(answerer.ask("国内区块链企业里，北京、上海、广东和浙江的占比加起来是多少？")) == ["82%"]


def test_reading_the_place_the_question_is_about(answerer: Answerer) -> None:
    """"英国监管沙箱注重…，澳大利亚监管沙箱注重…": the clause about Australia, read past 侧重/注重."""
    text = " ".join(_labels(answerer.ask("澳大利亚的监管沙箱侧重的是哪些方面？")))
    assert "申请流程的时效性" in text and "风险控制" in text
    assert "消费者保护" not in text


def test_units_asked_and_stated() -> None:
    """What the unit checks behind the no_answer tests above decide, on their own."""
    assert asked_unit("按多少税率征税？") == "%" and fits("%", "1000 万日元") is False
    assert fits("台", "3570台") is True and fits("台", "2693个") is False and fits("台", "2693") is None
    assert asked_unit("有多少国家出台了政策？") == ""  # 国 begins the noun 国家: no unit asked
    assert restates("五十家企业里，上市的有几家？", "近50家") and not restates("有几家？", "50家")
    assert not restates("四川有几家上市公司？", "4家")  # 四川 is no figure


def test_an_english_question_names_a_property_by_an_english_alt_label(answerer: Answerer) -> None:
    # "English label" is a skos:altLabel@en of cko:englishTerm; "which <property>" asks for its value
    asked = answerer.ask("Under the report's rating of how countries treat virtual currency, "
                         "what English label goes with the 严格监管 category?")
    assert _labels(asked)[0] == "regulated"


def test_an_entity_the_question_names_is_not_its_answer(answerer: Answerer) -> None:
    # the report says a supplier of 比亚迪 applied to "一家银行" and never names the bank
    asked = answerer.ask("在深圳完成的国内首单区块链融资应用里，比亚迪的供应商找的是哪家银行？")
    assert asked.status == "no_answer" and asked.evidence
    assert _labels(answerer.ask("央行推动的国内首单区块链融资应用是在哪个城市完成的？")) == ["深圳"]


def test_a_list_whose_items_each_end_with_the_noun_asked(answerer: Answerer) -> None:
    # "可以适用于商品交易所，产权交易所、股权债权票据交易所等": each item ends with 交易所
    labels = " ".join(_labels(answerer.ask("报告里说，复杂美那套区块链清算支付系统可以适用于哪些交易所？")))
    assert all(name in labels for name in ("商品交易所", "产权交易所", "股权债权票据交易所"))
    assert "商品交交易所" not in labels


def test_a_sum_over_the_quarters_a_question_lists(answerer: Answerer) -> None:
    # 2017: 75 in the first quarter and 51 in the second; 2018: 109 and 38
    assert _labels(answerer.ask("2017年第一、二季度国内新增区块链企业加起来有多少家？"))[0] == "126家"
    assert _labels(answerer.ask("2018年一季度和二季度国内新增的区块链企业合计多少家？"))[0] == "147家"


def test_a_difference_between_two_years_counted_in_different_measure_words(answerer: Answerer) -> None:
    # "2015 年的 800 家" and "2693 个" at mid-2018: 个 counts companies as 家 does
    assert _labels(answerer.ask("全球的区块链公司，2018年上半年比2015年多了多少家？"))[0].startswith("1893")


def test_a_rate_per_square_metre_is_answered_only_by_one(answerer: Answerer) -> None:
    assert "1.5" in _labels(answerer.ask("杭州的房租补贴按每平米每天多少钱算？"))[0]
    # Qingdao's row of Appendix 5 gives talent grants but no rent per square metre
    assert answerer.ask("青岛给入驻企业的租金补贴，每平米补多少？").status == "no_answer"


def test_an_english_question_for_money_is_not_answered_by_an_event(answerer: Answerer) -> None:
    # the report gives 趣链's funding rounds but never a valuation: "what is" asks for money here
    assert answerer.ask("What is Qulian's (趣链科技) current valuation?").status == "no_answer"


def test_a_year_asked_is_not_answered_by_a_name(answerer: Answerer) -> None:
    # the report says 比特股 proposed DPOS but gives no year for it
    assert answerer.ask("DPOS 最早是哪一年出现的？").status == "no_answer"


def test_a_price_asked_is_not_answered_by_a_decade_in_a_description() -> None:
    from chainkg.qa.units import no_figure_asked

    worded = AnswerItem("自 90 年代开始以移动通信技术为主营业务", None, None)
    assert no_figure_asked(analyse("那款 ATM 的成本是多少？"), [worded])
    assert no_figure_asked(analyse("那款 ATM 的售价是多少？"), [AnswerItem("13项", 13, None)])
    assert not no_figure_asked(analyse("那款 ATM 的售价是多少？"), [AnswerItem("5万元", 50000, None)])
    # a fall in price is a rate, not money
    assert not no_figure_asked(analyse("GPU 售价可能会比 7 月份下降多少？"), [AnswerItem("20%以上", None, None)])


def test_a_name_written_with_a_numeral_character_is_no_figure() -> None:
    from chainkg.qa.units import no_figure_asked

    # 亿邦 and 统一 hold numeral characters but state no figure; 三千万, 六年 and 第二 do
    names = [AnswerItem("亿邦国际", "Ebang", "x"), AnswerItem("统一平台", None, None)]
    assert no_figure_asked(analyse("这座城市的企业占比是多少？"), names)
    for stated in ("三千万", "连续六年", "位列第二"):
        assert not no_figure_asked(analyse("这家公司排第几？"), [AnswerItem(stated, None, None)])


def test_a_description_starting_with_one_kind_is_no_count() -> None:
    from chainkg.ingest.factrows import FactRow
    from chainkg.qa.scoring import is_number

    def row(value: str) -> FactRow:
        return FactRow("s", "description", None, value, None, value, ())

    assert is_number(row("五十家以上")) and is_number(row("十所"))
    assert not is_number(row("一种允许技术创新在测试环境下低成本快速试错的制度"))


def test_a_list_closed_by_etc_and_the_noun_asked(answerer: Answerer) -> None:
    # "…认识到其并发量低、扩展性差、兼容性不足等问题": the items come before 等 and the noun
    labels = _labels(answerer.ask("在实践中，人们认识到分布式账本技术有哪些问题？"))
    assert labels == ["并发量低", "扩展性差", "兼容性不足"]


def test_a_noun_after_the_question_word_may_start_like_a_verb() -> None:
    assert analyse("哪一家从业机构要向当地备案？").wanted_type == "Organization"
    assert analyse("三者之中，哪一个被报告定位为上游产业？").wanted_type == ""


def test_a_certain_proportion_asks_for_no_figure() -> None:
    assert "number" not in analyse("长沙对哪几类企业按一定比例给补贴？").wants
    assert "number" in analyse("长沙按什么比例给补贴？").wants


def test_a_measure_word_before_the_question_word_is_not_in_the_sentence(answerer: Answerer) -> None:
    # "申请了区块链钱包找回专利": the sentence says no 一个, and the noun asked ends the name
    assert _labels(answerer.ask("复杂美在研究 POS2.0 算法的时候申请了一个什么专利？")) == ["区块链钱包找回专利"]


def test_two_equal_figures_make_neither_larger() -> None:
    from decimal import Decimal

    from chainkg.qa.arithmetic import winner
    from chainkg.qa.linker import Link
    from chainkg.qa.scoring import Scored

    pair = [(Link("甲", 0, 1, ("x",)), Scored(0, False, 1.0, 1.0), Decimal(10)),
            (Link("乙", 2, 3, ("y",)), Scored(1, False, 1.0, 1.0), Decimal(10))]
    assert winner(None, analyse("甲和乙的补贴比例哪个更高？"), pair).label == "一样"  # type: ignore[arg-type]
    assert winner(None, analyse("Which is higher, A or B?"), pair).label == "the same"  # type: ignore[arg-type]


def test_a_category_value_named_does_not_depend_on_set_order(answerer: Answerer,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # "Pre-A 轮" also contains "A 轮": the longer value is the one named, whatever order the
    # values come in (a set's order changes with the process's hash seed)
    values = sorted(answerer.constraints.categories["roundStage"])
    for order in (values, values[::-1]):
        monkeypatch.setitem(answerer.constraints.categories, "roundStage", order)
        assert answerer.constraints.named_categories("巴比特 Pre-A 轮的投资方有哪些") == {"roundStage": "pre-a轮"}
        # two rounds named apart: neither alone constrains the answer
        assert "roundStage" not in answerer.constraints.named_categories("趣链的 A 轮和 B 轮分别是什么时候？")


def test_a_count_of_another_thing_is_no_answer(answerer: Answerer) -> None:
    # the report counts 存信's software copyrights, never the users of its 布洛克城
    assert answerer.ask("存信科技的布洛克城有多少活跃用户？").status == "no_answer"
    assert "43" in _labels(answerer.ask("云象申请了多少项发明专利？"))[0]


def test_a_sum_over_listed_sectors_where_two_joined_names_are_one(answerer: Answerer) -> None:
    # 金融 40.5 % (a generic name, still listed), 企业服务 27.5 %, 媒体和文化娱乐 15.6 % (one statistic)
    assert _labels(answerer.ask("把金融、企业服务、媒体和文化娱乐三类国内区块链企业的占比加起来是多少？"))[0] == "83.6%"
    assert _labels(answerer.ask("企业服务、媒体和文化娱乐两类的占比合计多少？"))[0] == "43.1%"


def test_a_table_cell_marked_with_the_letter_o(answerer: Answerer) -> None:
    # Appendix 3 marks cells with √, x, / and the letter o
    labels = _labels(answerer.ask("附录3中，“虚拟货币交易”这一栏画圈的国家有哪些？"))
    assert labels == _labels(answerer.ask("附录3中，“虚拟货币交易”这一栏写着 o 的国家有哪些？"))
    assert set(labels) == {"墨西哥", "俄罗斯", "澳大利亚", "韩国", "泰国"}


def test_more_than_is_denied_by_less_than(answerer: Answerer) -> None:
    from chainkg.qa.yesno import denies

    said = "，可以预期，今年第三季度的区块链企业新增量会低于去年同期。"
    assert denies(answerer, analyse("今年第三季度新增的区块链企业会多于去年同期吗？"), said)
    assert not denies(answerer, analyse("今年第三季度新增的区块链企业会少于去年同期吗？"), said)
    # "…越小" denies "…越大吗"
    smaller = "，拥有币量越少的人则作恶代价越小。"
    assert denies(answerer, analyse("币拿得越少的人，作恶代价会越大吗？"), smaller)


def test_a_count_needs_a_new_figure_in_the_measure_asked() -> None:
    from chainkg.qa.kinds import no_count

    def item(label: str) -> list[AnswerItem]:
        return [AnswerItem(label, None, None)]

    # money is no count of firms; the question's own 21 is no answer to "how many"
    assert no_count(analyse("这支基金投了多少家创业企业？"), item("100亿元人民币"))
    assert no_count(analyse("EOS 的21个主节点里有几家交易所？"), item("提出了21个主节点的类联盟链结构"))
    # 个 counts firms too, and a fraction in words is a figure
    assert not no_count(analyse("全球有多少家区块链公司？"), item("2693个"))
    assert not no_count(analyse("有几家做金融服务？"), item("超过五分之一"))
    # a list or a date asked for is not judged here
    assert not no_count(analyse("有几家？分别是哪些？"), item("趣链科技"))


def test_a_count_answered_by_money_is_no_answer(answerer: Answerer) -> None:
    # the report gives the fund's size, not how many start-ups it has backed
    assert answerer.ask("余杭区和风投机构一起设立的100亿元区块链基金，至今投资了多少家初创企业？").status == "no_answer"
    # (while the fund's size, which the report does give, is answered)
    assert any("100亿元" in label for label in _labels(answerer.ask("余杭区设立的那支区块链基金规模是多少？")))


def test_a_list_before_the_question_s_next_clause(answerer: Answerer) -> None:
    # "在银行凭证、贸易金融、跨境清算方面，区块链通过多方维护分布式账本的模式创新，可以缩短…"
    labels = _labels(answerer.ask("金融领域的哪几个方面，区块链能借助多方维护分布式账本降低交易费用？"))
    assert set(labels) == {"银行凭证", "贸易金融", "跨境清算"}


def test_entities_picked_by_a_word_in_their_names(answerer: Answerer) -> None:
    # Appendix 4's policies whose titles end "（试行）"; Appendix 6's alliances named "… Project"
    assert _labels(answerer.ask("附录4的政策中，标题里包含“试行”两字的一共有多少项？"))[0] == "5项"
    alliances = set(_labels(answerer.ask("附录6中名字里有“Project”这个词的联盟是哪些？")))
    assert {"BlockRx Project", "Project Jasper", "FCA Sandbox Project"} <= alliances and len(alliances) == 4


def test_counting_figures_by_their_source(answerer: Answerer) -> None:
    # figures 1, 2 and 5 of chapter 3 name 数秦研究院 as their source; 张 counts figures
    assert _labels(answerer.ask("第三章配的图中，图表来源写着数秦研究院的有几张？"))[0] == "3张"


def test_the_gap_read_off_beats_a_fact_that_is_the_whole_sentence(answerer: Answerer) -> None:
    # "…深度融合到社会各层面，成为重塑世界格局的主导力量。": the answer is 主导力量, not the sentence
    assert _labels(answerer.ask("前言开篇说，科技创新成为重塑世界格局的什么力量？"))[0] == "主导力量"


def test_a_latin_word_in_names_is_a_whole_word_as_the_part_writes_it(answerer: Answerer) -> None:
    # Appendix 2's documents titled with "ICO": not Mexico's (a word inside a word), nor
    # Australia's (an alias the appendix does not use)
    countries = set(_labels(answerer.ask("附錄2中，哪些國家的法規名稱裡寫著「ICO」二字？")))
    assert countries == {"瑞士", "丹麦", "菲律宾"}


def test_a_quoted_category_and_quoted_words_of_the_row_select_rows(answerer: Answerer) -> None:
    # Appendix 5, "培育支持": 苏州 and 青岛 say （没有特别说明…）
    cities = set(_labels(answerer.ask("附录5里“培育支持”这一行，注明“没有特别说明”的城市有哪些？")))
    assert cities == {"苏州", "青岛"}


def test_counting_an_appendix_s_rows_of_one_month(answerer: Answerer) -> None:
    # Appendix 7 dates five courses 2018年4月, twenty in 2018 as a whole
    assert _labels(answerer.ask("附录7中，开课时间是2018年4月的高校一共几所？"))[0] == "5所"
    assert _labels(answerer.ask("附录7中，2018年开课的高校一共几所？"))[0] == "20所"


def test_an_english_question_may_name_a_column_by_its_chinese_label(answerer: Answerer) -> None:
    answer = answerer.ask("In Appendix 3, which countries have a cross (x) in the 与法币兑换 column?")
    assert {i.label for i in answer.answers} == {"Mexico", "Brazil", "China", "Vietnam", "India"}
    assert {i.value for i in answer.answers} == {"墨西哥", "巴西", "中国", "越南", "印度"}


def test_a_thing_asked_for_is_no_unknown_place(answerer: Answerer) -> None:
    # jieba tags 东西 ("things") as a place name the report never mentions; it is no name
    labels = _labels(answerer.ask("英国FCA提出监管沙箱，打算在限定范围内简化哪两样东西？"))
    assert set(labels) == {"市场准入标准", "流程"}


def test_a_noun_starting_with_a_measure_word_asks_no_count() -> None:
    from chainkg.qa.census import measure_word

    for text in ("有多少场景用上了区块链？", "占多少份额？", "获得了多少支持？", "有多少本土企业？"):
        assert "count" not in analyse(text).wants, text
    assert measure_word(analyse("第三章一共有几张图？")) == "张"
    assert "count" in analyse("有多少轮融资？").wants


def test_a_month_asked_is_not_answered_by_a_year(answerer: Answerer) -> None:
    # the report dates the MIIT white paper to 2018 only
    assert answerer.ask("工信部那份2018年区块链产业白皮书是在哪个月发布的？").status == "no_answer"
    assert "2018年6月" in _labels(answerer.ask("趣链在哪个月完成了B轮融资？"))[0]


def test_an_english_count_is_not_answered_by_money(answerer: Answerer) -> None:
    # the report gives the ICO amount (156亿美金), not the number of ICO projects
    assert answerer.ask("How many ICO projects were started around the world in H1 2018?").status == "no_answer"


def test_an_ordinal_is_a_figure_only_when_a_rank_is_asked(answerer: Answerer) -> None:
    # "第一笔原子跨链交易" names an event; the report gives no value of what was swapped
    assert answerer.ask("Decred 和莱特币那笔第一次原子跨链交易，交换了多大币值？").status == "no_answer"
    from chainkg.qa.units import no_figure_asked

    assert not no_figure_asked(analyse("论获投数量，中国全球排第几？"), [AnswerItem("第二", None, None)])


def test_a_clause_answer_is_cut_to_what_fills_the_question(answerer: Answerer) -> None:
    # the graph's value is the whole clause "为相关部门提供产业引导和监管思路", among the report's
    # other aims; the question asks only for the two things it provides
    answer = answerer.ask("这份报告希望给相关部门提供哪两方面的东西？")
    assert [i.label for i in answer.answers] == ["产业引导", "监管思路"]


def test_a_yes_no_claim_is_denied_by_the_opposite_state(answerer: Answerer) -> None:
    # the report says the boundaries between the three layers grow ever more blurred (日益模糊)
    answer = answerer.ask("报告是否认为三个层次之间的行业边界越来越清晰？")
    assert answer.answers[0].label == "否"
    # "only hardware?" — the report says Shenzhen's part goes far beyond hardware (远不止)
    assert answerer.ask("深圳对区块链的参与只局限于硬件方面吗？").answers[0].label == "否"


def test_a_yes_no_claim_naming_another_thing_than_the_report_is_denied(answerer: Answerer) -> None:
    # "首先要扶持公链基础设施的发展": asked as "首先要扶持的是什么", the report names the public-chain
    # infrastructure, not vertical applications
    wrong = answerer.ask("报告认为杭州发展区块链产业，首先要扶持的是垂直行业应用吗？")
    right = answerer.ask("报告认为杭州发展区块链产业，首先要扶持的是公链基础设施吗？")
    assert (wrong.answers[0].label, right.answers[0].label) == ("否", "是")


def test_a_time_asked_is_not_answered_by_a_name_or_the_questions_own_figure(answerer: Answerer) -> None:
    # the report gives BitShares' block time (about 3 s) but none for EOS; the 21 nodes are the
    # question's own figure
    assert answerer.ask("EOS 改用 21 个主节点之后，它的出块时间是多少？").status == "no_answer"
    assert "3秒" in answerer.ask("比特股的出块时间是多少？").answers[0].label


def test_who_did_something_to_a_named_entity_is_not_its_neighbours(answerer: Answerer) -> None:
    # the report names no lead investor of Hyperchain's B round; the companies of its city are no answer
    assert answerer.ask("趣链科技那轮15亿元的融资，是谁领投的？").status == "no_answer"
    assert answerer.ask("《精通比特币》是谁写的？").answers[0].label == "Andreas M. Antonopoulos"
    # a name inside a quoted title (中国) is part of the title: the chart's source is still found
    chart = answerer.ask("第四章那张“中国各地方政策类别统计”图，来源标的是哪家机构？")
    assert chart.answers[0].label == "数秦研究院"


def test_a_ratio_of_two_described_figures_is_computed(answerer: Answerer) -> None:
    # no fact relates the two; each figure is asked for on its own (1.4万 / 7, 25.6万 / 1.4万)
    zh = answerer.ask("Visa 的交易处理峰值是比特币平均每秒交易处理量的几倍？")
    assert zh.answers[0].label == "2000倍"
    en = answerer.ask("How many times larger is Alipay's peak throughput than Visa's peak throughput?")
    assert en.answers[0].label == "about 18.3 times"
    assert len(en.evidence) >= 2


def test_a_count_of_places_is_no_unknown_place_name(answerer: Answerer) -> None:
    # jieba tags 三国 (three countries; also the Three Kingdoms) as a place the report never names
    answer = answerer.ask("美国、英国、中国三国的区块链创业企业加在一起占全球多少？")
    assert [i.label for i in answer.answers] == ["55.4%"]


def test_whether_two_figures_agree_is_judged(answerer: Answerer) -> None:
    # the question states 16; the appendix's table marks 18 countries: they do not agree
    answer = answerer.ask("第三章说允许虚拟货币交易的国家有 16 个；附录3里虚拟货币交易打√的国家有几个？两个数一致吗？")
    assert {"不一致", "16个"} <= {i.label for i in answer.answers}


def test_a_ratio_below_one_or_of_a_year_without_a_clause_is_not_computed(answerer: Answerer) -> None:
    small = answerer.ask("比特币平均每秒交易处理量是 Visa 交易处理峰值的几倍？")
    assert not any(i.label.endswith("倍") for i in small.answers)
