"""Normalisation and segmentation of Chinese, traditional Chinese and mixed text."""

from __future__ import annotations

from chainkg.text import Segmenter, normalise


def test_normalise_width_script_and_space() -> None:
    assert normalise("火幣聯合創始人") == "火币联合创始人"
    assert normalise("ＩＣＯ　１７５０万") == "ICO 1750万"
    assert normalise("  Visa\n每秒 ") == "Visa 每秒"


def test_entity_names_are_never_split() -> None:
    names = ["杭州趣链科技有限公司", "趣链科技", "浙大网新", "中钞区块链技术研究院"]
    seg = Segmenter(names)
    assert "趣链科技" in seg.tokens("趣链科技2016年的融资")
    assert "浙大网新" in seg.tokens("投资方有浙大网新和信雅达")
    assert "中钞区块链技术研究院" in seg.tokens("中钞區塊鏈技術研究院的平台")


def test_mixed_chinese_english_without_whitespace() -> None:
    tokens = Segmenter(["Hyperchain"]).tokens("开发了Hyperchain的公司")
    assert "hyperchain" in tokens and "公司" in tokens
