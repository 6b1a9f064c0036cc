"""The browse tables: one per kind of thing an analyst looks up, with its columns, and their rows.

Every row is one entity of the table's class; every cell carries the passages stating it and
the row carries the union of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from chainkg.views.columns import Cell, Column, ColumnType, Path, Reduce, inc, label, out, then, years
from chainkg.views.graphdata import GraphData, Sheet, Stated
from chainkg.vocab import CKO

__all__ = ["STANCE_WORDS", "TABLES", "Row", "Table", "build_rows", "mapped", "members"]

#: appendix 3's symbols in words (the ontology's definitions of the columns)
STANCE_WORDS = {"√": "允许", "o": "有条件", "x": "禁止", "/": "未明确"}


def mapped(inner: Path, words: dict[str, str]) -> Path:
    """Values replaced by their word in ``words`` (others unchanged)."""
    def path(sheet: Sheet, data: GraphData) -> list[Stated]:
        return [Stated(words.get(str(v.value), v.value), v.passages, v.is_iri) for v in inner(sheet, data)]
    return path


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    label_zh: str
    label_en: str
    cls: str
    columns: tuple[Column, ...]
    default_sort: str = "name_zh"
    #: members of these classes are left out (laws have their own table)
    exclude: tuple[str, ...] = ()

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass(frozen=True, slots=True)
class Row:
    iri: str
    passages: tuple[str, ...]
    cells: dict[str, Cell]


def members(table: Table, data: GraphData) -> set[str]:
    """The entities the table has a row for."""
    return data.members(table.cls).difference(*(data.members(c) for c in table.exclude))


def build_rows(table: Table, data: GraphData) -> list[Row]:
    wanted = members(table, data)
    rows = []
    for iri, sheet in data.sheets(table.cls).items():
        if iri not in wanted:
            continue
        cells = {c.key: c.cell(sheet, data) for c in table.columns}
        passages = tuple(sorted({p for cell in cells.values() for p in cell.passages}))
        rows.append(Row(iri, passages, cells))
    return rows


def _col(key: str, zh: str, en: str, path: Path, kind: ColumnType = "text", reduce: Reduce = "one",
         scale: float = 1) -> Column:
    return Column(key, zh, en, kind, path, reduce, scale)


def _names(zh: str = "名称", en: str = "Name") -> tuple[Column, Column]:
    return (_col("name_zh", zh, en + " (zh)", label("zh")), _col("name_en", "英文" + zh, en + " (en)", label("en")))


def _list(key: str, zh: str, en: str, path: Path) -> Column:
    return _col(key, zh, en, path, reduce="all")


_ROUNDS = inc(CKO.FundingRound, CKO.fundedOrganization)
_COURSES = inc(CKO.CourseOffering, CKO.offeredBy)
_WAN = 10000.0


def _stance(key: str, zh: str, en: str, predicate: str) -> Column:
    return _col(key, zh, en, mapped(out(predicate), STANCE_WORDS))


def _country(then_path: Path) -> Path:
    return then(out(CKO.stanceOf), CKO.Country, then_path)


def _people_and_firms() -> tuple[Table, ...]:
    return (
        Table("companies", "企业", "Companies", CKO.Company, (
            *_names(), _list("location", "所在地", "Location", out(CKO.locatedIn)),
            _col("founded", "成立时间", "Founded", out(CKO.foundingDate), "date"),
            _list("platforms", "区块链平台", "Platforms", inc(CKO.BlockchainPlatform, CKO.developedBy)),
            _list("sectors", "领域", "Sectors", out(CKO.sector)),
            _col("rounds", "融资轮次数", "Funding rounds", _ROUNDS, "number", "count"),
            _col("funding_total", "已知融资额（万元）", "Known funding (10k CNY)",
                 then(_ROUNDS, CKO.FundingRound, out(CKO.amountCNY)), "number", "sum", _WAN),
            _col("patents", "发明专利申请数", "Patent applications", out(CKO.patentCount), "number", "max"))),
        Table("platforms", "区块链平台", "Blockchain platforms", CKO.BlockchainPlatform, (
            *_names(), _list("developers", "研发方", "Developed by", out(CKO.developedBy)),
            _list("technologies", "采用技术", "Technologies", out(CKO.usesTechnology)),
            _list("fields", "应用领域", "Application fields", out(CKO.applicationField)),
            _col("launched", "推出时间", "Launched", out(CKO.startDate, CKO.issueDate, CKO.date), "date"))),
        Table("funding", "融资事件", "Funding rounds", CKO.FundingRound, (
            _col("company", "融资方", "Company", out(CKO.fundedOrganization)),
            _col("date", "日期", "Date", out(CKO.date), "date"),
            _col("stage", "轮次", "Stage", out(CKO.roundStage)),
            _col("amount", "金额", "Amount", out(CKO.amount)),
            _col("amount_value", "金额（万元）", "Amount (10k CNY)", out(CKO.amountCNY), "number", "max", _WAN),
            _list("investors", "投资方", "Investors", out(CKO.hasInvestor)), *_names("轮次名称", "Round")),
            default_sort="date"),
        Table("alliances", "联盟", "Alliances", CKO.Alliance, (
            *_names(), _col("founded", "成立时间", "Founded", out(CKO.foundingDate), "date"),
            _list("founders", "发起方", "Founded by", out(CKO.foundedBy)),
            _col("members", "成员数", "Members", inc(CKO.Organization, CKO.memberOf), "number", "count"),
            _list("member_names", "成员", "Member names", inc(CKO.Organization, CKO.memberOf)),
            _list("sectors", "领域", "Sectors", out(CKO.sector)),
            _list("location", "所在地", "Location", out(CKO.locatedIn)))),
        Table("universities", "高校", "Universities", CKO.University, (
            *_names(), _list("location", "所在地", "Location", out(CKO.locatedIn)),
            _col("courses", "区块链课程数", "Blockchain courses", _COURSES, "number", "count"),
            _col("first_year", "最早开课年份", "Earliest course year",
                 years(then(_COURSES, CKO.CourseOffering, out(CKO.startDate))), "number", "min"))),
        Table("courses", "区块链课程", "Blockchain courses", CKO.CourseOffering, (
            _col("university", "高校", "University", out(CKO.offeredBy)),
            _col("university_en", "高校英文名", "University (en)",
                 then(out(CKO.offeredBy), CKO.Organization, label("en"))),
            _col("name_zh", "课程", "Course", label("zh")),
            _list("country", "国家/地区", "Country", out(CKO.locatedIn)),
            _col("start", "开课时间", "Start", out(CKO.startDate), "date"),
            _col("start_year", "开课年份", "Start year", years(out(CKO.startDate)), "number", "min")),
            default_sort="start"),
    )


def _policy_tables() -> tuple[Table, ...]:
    return (
        Table("policies", "政策", "Policies", CKO.Policy, (
            *_names("标题", "Title"), _list("region", "适用地区", "Region", out(CKO.jurisdiction)),
            _list("issuer", "发布机构", "Issued by", out(CKO.issuedBy)),
            _col("issued", "发布时间", "Issued", out(CKO.issueDate), "date"),
            _col("number", "文号", "Document number", out(CKO.documentNumber))), exclude=(CKO.Law,)),
        Table("laws", "法律法规", "Laws and regulations", CKO.Law, (
            *_names("标题", "Title"), _list("region", "适用地区", "Region", out(CKO.jurisdiction)),
            _list("issuer", "发布机构", "Issued by", out(CKO.issuedBy)),
            _col("issued", "发布时间", "Issued", out(CKO.issueDate), "date"),
            _list("effect", "作用", "Legal effect", out(CKO.legalEffect)))),
        Table("subsidies", "扶持政策", "Subsidies", CKO.Subsidy, (
            _col("name_zh", "名称", "Name", label("zh")),
            _list("city", "城市/地区", "City / area", out(CKO.jurisdiction)),
            _col("kind", "扶持类别", "Kind of support", out(CKO.supportKind)),
            _col("measure", "措施", "Measure", out(CKO.description)),
            _list("provider", "提供方", "Provided by", out(CKO.providedBy)),
            _list("amount_text", "金额（原文）", "Amount (as stated)", out(CKO.amount)),
            _col("max_amount", "最高金额（万元）", "Maximum (10k CNY)", out(CKO.maxAmountCNY), "number", "max", _WAN))),
        Table("stances", "各国监管态度", "Regulatory stances", CKO.RegulatoryStance, (
            _col("country", "国家", "Country", out(CKO.stanceOf)),
            _col("attitude", "整体态度", "Overall attitude", out(CKO.overallAttitude)),
            _stance("trading", "虚拟货币交易", "Virtual currency trading", CKO.virtualCurrencyTrading),
            _stance("ico", "ICO", "ICO", CKO.icoStance),
            _stance("bitcoin_payment", "比特币支付", "Bitcoin payment", CKO.bitcoinPayment),
            _stance("fiat_exchange", "与法币兑换", "Fiat exchange", CKO.fiatExchange),
            _col("risk_warning", "发布过风险提示", "Risk warning issued", out(CKO.riskWarningIssued)),
            _col("strengthening", "有增强监管趋势", "Strengthening regulation", out(CKO.strengtheningRegulation)),
            _col("tax_incentive", "税收优惠", "Tax incentive", out(CKO.taxIncentive)),
            _list("groups", "态度类别", "Attitude groups", _country(out(CKO.attitudeGroup))),
            _list("instruments", "监管工具", "Instruments",
                  _country(inc(CKO.RegulatoryInstrument, CKO.instrumentOf))),
            _list("laws", "法律法规", "Laws", _country(inc(CKO.Law, CKO.jurisdiction)))),
            default_sort="country"),
        Table("countries", "国家", "Countries", CKO.Country, (
            *_names(), _col("attitude", "整体态度", "Overall attitude", then(
                inc(CKO.RegulatoryStance, CKO.stanceOf), CKO.RegulatoryStance, out(CKO.overallAttitude))),
            _list("groups", "态度类别", "Attitude groups", out(CKO.attitudeGroup)),
            _col("laws", "法律法规数", "Laws", inc(CKO.Law, CKO.jurisdiction), "number", "count"),
            _list("instruments", "监管工具", "Instruments", inc(CKO.RegulatoryInstrument, CKO.instrumentOf)))),
        Table("events", "事件", "Events", CKO.Event, (
            *_names(), _col("date", "日期", "Date", out(CKO.date, CKO.startDate), "date"),
            _list("participants", "参与方", "Participants", out(CKO.participant)),
            _list("about", "相关", "About", out(CKO.about)),
            _list("location", "地点", "Location", out(CKO.locatedIn))), default_sort="date"),
    )


_ORDER = ("companies", "platforms", "policies", "subsidies", "stances", "universities", "courses", "alliances",
          "funding", "countries", "laws", "events")
#: the tables in the order the browse page lists them
TABLES: tuple[Table, ...] = tuple(sorted(_people_and_firms() + _policy_tables(), key=lambda t: _ORDER.index(t.key)))
