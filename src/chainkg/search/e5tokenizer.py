"""Rebuild the XLM-R unigram tokenizer of the packed e5 model as a ``tokenizers`` JSON."""

from __future__ import annotations

import struct
from typing import Any, Final

import numpy as np

from chainkg.search.e5format import ModelFormatError, PackedModel

_METASPACE: Final = "\u2581"


# --------------------------------------------------------------------------- tokenizer


def _precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """Compile a code-point map into SentencePiece's precompiled charsmap (a darts-clone double array).

    Layout read by ``tokenizers.normalizers.Precompiled``: u32 trie size in bytes, the trie units, then
    NUL-terminated replacement strings; a key's value is the offset of its replacement. A unit holds
    ``label`` in bits 0-7, ``has_leaf`` in bit 8 and the XOR offset to its children in bits 10-30; the
    leaf (value with bit 31 set) sits at the children base XOR 0.
    """
    strings = bytearray()
    string_at: dict[str, int] = {}
    trie: dict[int, Any] = {}
    for cp in sorted(norm_map):
        out = norm_map[cp]
        if out not in string_at:
            string_at[out] = len(strings)
            strings += out.encode("utf-8") + b"\0"
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[-1] = string_at[out]  # -1 marks the value of a complete key

    units: list[int] = [0]
    used = bytearray(1)
    used[0] = 1  # the root's own unit
    used_bases: set[int] = set()
    search_from = 1

    def grow(size: int) -> None:
        if size > len(units):
            extra = size - len(units)
            units.extend([0] * extra)
            used.extend(b"\0" * extra)

    def next_free(start: int) -> int:
        found = used.find(0, start)
        if found < 0:
            found = max(start, len(used))
            grow(found + 1)
        return found

    queue: list[tuple[int, dict[int, Any]]] = [(0, trie)]
    while queue:
        pos, node = queue.pop()
        labels = sorted(0 if k == -1 else k for k in node)
        free = search_from = next_free(search_from)
        while True:
            base = free ^ labels[0]
            grow(base + 256)
            if base not in used_bases and base != 0 and all(not used[base ^ lab] for lab in labels):
                break
            free = next_free(free + 1)
        used_bases.add(base)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ModelFormatError("normalisation map too large for a precompiled charsmap")
        units[pos] |= offset << 10 | (1 << 8 if -1 in node else 0)
        for key, child in node.items():
            slot = base ^ (0 if key == -1 else key)
            used[slot] = 1
            if key == -1:
                units[slot] = 1 << 31 | child
            else:
                units[slot] = key
                queue.append((slot, child))
    grow(-(-len(units) // 256) * 256)  # whole 256-unit blocks: every XOR walk stays inside the array
    trie_bytes = np.asarray(units, dtype="<u4").tobytes()
    return struct.pack("<I", len(trie_bytes)) + trie_bytes + bytes(strings)


def tokenizer_json(p: PackedModel) -> str:
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    specials = {p.bos, p.eos, p.pad, p.unk}
    mask = len(p.pieces) - 1
    if p.pieces[mask] == "<mask>":
        specials.add(mask)
    tok = Tokenizer(Unigram(list(zip(p.pieces, p.scores, strict=True)), unk_id=p.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(_precompiled_charsmap(p.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=_METASPACE, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=_METASPACE, prepend_scheme="always", split=True)
    bos, eos = p.pieces[p.bos], p.pieces[p.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos}:0 $A:0 {eos}:0",
        pair=f"{bos}:0 $A:0 {eos}:0 {eos}:0 $B:0 {eos}:0",
        special_tokens=[(bos, p.bos), (eos, p.eos)],
    )
    tok.add_special_tokens(
        [AddedToken(p.pieces[i], special=True, normalized=False, lstrip=i == mask) for i in sorted(specials)]
    )
    json_text: str = tok.to_str(pretty=False)
    return json_text


def tokenizer_configs(p: PackedModel) -> tuple[dict[str, Any], dict[str, Any]]:
    special = {
        "bos_token": p.pieces[p.bos],
        "cls_token": p.pieces[p.bos],
        "eos_token": p.pieces[p.eos],
        "sep_token": p.pieces[p.eos],
        "pad_token": p.pieces[p.pad],
        "unk_token": p.pieces[p.unk],
        "mask_token": p.pieces[-1],
    }
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": p.max_positions,
        "clean_up_tokenization_spaces": False,
        "model_input_names": ["input_ids", "attention_mask"],
        **special,
    }
    return config, special
