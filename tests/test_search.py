"""Hybrid search: unit behaviour on a tiny index, and the real index of the report."""

from __future__ import annotations

import pytest

from chainkg.search.documents import EntityDoc, PassageDoc
from chainkg.search.encoder import HashEncoder
from chainkg.search.index import SearchIndex
from chainkg.settings import Settings

PASSAGES = [
    PassageDoc("urn:p1", "杭州趣链科技有限公司于 2016 年 8 月 31 日获君宝通信、浙大网新和信雅达共计 1750 万元融资",
               "六", 40),
    PassageDoc("urn:p2", "Visa的交易处理峰值为 1.4万笔每秒", "二", 5),
]
ENTITIES = [
    EntityDoc("urn:e1", "杭州趣链科技有限公司", "Hangzhou Qulian Technology", ["趣链", "趣链科技"], ["Company"]),
    EntityDoc("urn:e2", "浙江大学", "Zhejiang University", ["浙大"], ["University"]),
]


@pytest.fixture(scope="module")
def tiny() -> SearchIndex:
    return SearchIndex.build(PASSAGES, ENTITIES, HashEncoder())


def test_words_and_types(tiny: SearchIndex) -> None:
    assert tiny.search("趣链的融资")[0].iri in {"urn:p1", "urn:e1"}
    assert [h.iri for h in tiny.search("趣链", kind="Company")] == ["urn:e1"]
    assert all(h.kind == "passage" for h in tiny.search("融资", kind="passage"))
    assert tiny.search("   ") == []


def test_type_ahead_on_names_and_aliases(tiny: SearchIndex) -> None:
    assert [h.iri for h in tiny.suggest("浙大")] == ["urn:e2"]
    assert tiny.suggest("趣链")[0].label == "杭州趣链科技有限公司"
    assert tiny.suggest("Ｈａｎｇｚｈｏｕ Ｑ")[0].iri == "urn:e1"  # full width folded


@pytest.fixture(scope="module")
def real(built: Settings) -> SearchIndex:
    from chainkg.search.encoder import open_encoder

    return SearchIndex.load(built.current_build / "index", open_encoder(None, built.model_cache))


def test_real_index_finds_the_passage_that_states_a_fact(real: SearchIndex) -> None:
    hits = real.search("Visa 每秒最多能处理多少笔交易", kind="passage", limit=3)
    assert any("1.4万笔" in h.snippet for h in hits)


def test_traditional_chinese_and_english_queries(real: SearchIndex) -> None:
    assert real.search("火幣聯合創始人寫的區塊鏈書", kind="passage", limit=3)[0].section.startswith("附录 1")
    hits = real.search("Swiss regulator classification of tokens", limit=5)
    assert any("finma" in h.iri for h in hits)


def test_real_type_ahead(real: SearchIndex) -> None:
    assert real.suggest("浙大")[0].iri == "https://w3id.org/chainkg/id/university/zhejiang"
    assert real.suggest("趣链")[0].iri == "https://w3id.org/chainkg/id/company/qulian"
