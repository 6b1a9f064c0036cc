"""The report split into passages: artefacts repaired, sections, pages, offsets."""

from __future__ import annotations

from pathlib import Path

from chainkg.corpus import QuoteIndex, quote_key
from chainkg.corpus.passages import MAX_CHARS
from chainkg.corpus.sections import heading_level
from chainkg.model import Passage

SOURCE = Path(__file__).resolve().parents[1] / "data" / "source" / "hangzhou-blockchain-report-2018.txt"


def _find(passages: list[Passage], needle: str) -> Passage:
    hits = [p for p in passages if quote_key(needle) in quote_key(p.text)]
    assert hits, needle
    return hits[0]


def test_passages_are_paragraph_sized_with_stable_ids(passages: list[Passage]) -> None:
    assert len(passages) > 200
    assert all(0 < len(p.text) <= MAX_CHARS + 40 for p in passages)
    assert [p.id for p in passages] == [f"p{i:04d}" for i in range(1, len(passages) + 1)]


def test_offsets_point_into_the_source(passages: list[Passage]) -> None:
    source = SOURCE.read_text(encoding="utf-8")
    for p in passages:
        span = source[p.start:p.end]
        assert quote_key(p.text)[:6] == quote_key(span)[:6]
        assert quote_key(p.text)[-6:] == quote_key(span)[-6:] or "[" in span


def test_pdf_artefacts_are_repaired(passages: list[Passage]) -> None:
    texts = "\n".join(p.text for p in passages)
    assert "杭州市区块链产业报告（2018）" not in texts
    assert "[1]" not in texts and "[37]" not in texts
    # a sentence broken across lines and a page break reads as one
    assert "许可链（Permissioned Blockchain）" in texts


def test_section_paths_follow_the_headings(passages: list[Passage]) -> None:
    visa = _find(passages, "的交易处理峰值为 1.4万笔每秒")
    assert visa.section == ("二、区块链技术更新与迭代", "（一）扩展性")
    qulian = _find(passages, "杭州趣链科技有限公司")
    assert qulian.section[0] == "六、杭州市产业环境初步形成"
    assert qulian.section[-1] == "（1）趣链"
    assert _find(passages, "2015 年 9 月 清华大学").section == ("附录 7、高校区块链课程",)


def test_pages_come_from_the_printed_page_numbers(passages: list[Passage]) -> None:
    pages = [p.page for p in passages if p.page is not None]
    assert pages == sorted(pages)
    source = SOURCE.read_text(encoding="utf-8")
    after_15 = source.index("\n 15 \n")  # the printed page number 15
    first_on_15 = min((p for p in passages if p.start > after_15), key=lambda p: p.start)
    assert first_on_15.page == 15


def test_headings_and_body_text_are_told_apart() -> None:
    assert heading_level("（一）扩展性") == 2
    assert heading_level("附录 7、高校区块链课程") == 1
    assert heading_level("（3）严禁的国家集中在亚洲，包括了中国、印度和越南等。") is None
    assert heading_level("1.4万笔每秒的交易") is None


def test_quotes_match_across_line_breaks_and_footnotes(passages: list[Passage]) -> None:
    index = QuoteIndex(passages)
    assert index.find("关键技术领域已形成趋势性认识[1]。") == ("p0001",)
    # a quote running across the boundary of two passages belongs to both
    first, second = passages[0], passages[1]
    across = first.text[-6:] + second.text[:6]
    assert index.find(across) == (first.id, second.id)
    assert index.find("全球新一轮科技革命持续深入，科技创新加速推进，深度融合到社会各层面")
    assert index.find("这句话不在报告里") == ()


def test_full_width_numbered_headings(passages: list[Passage]) -> None:
    security = _find(passages, "区块链安全事件")
    assert security.section[-1] == "2．区块链发展中的安全问题"
