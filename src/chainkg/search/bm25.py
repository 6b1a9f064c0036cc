"""Okapi BM25 over pre-tokenised documents (jieba tokens), in NumPy."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt


class BM25:
    """BM25 scores of every document for a tokenised query.

    >>> bm = BM25([["趣链", "融资"], ["云象", "专利"]])
    >>> int(np.argmax(bm.scores(["融资"])))
    0
    """

    def __init__(self, docs: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75) -> None:
        self._k1, self._b = k1, b
        self._tf = [Counter(d) for d in docs]
        self._len = np.array([len(d) for d in docs], dtype=np.float32)
        self._avg = float(self._len.mean()) if len(docs) else 0.0
        df: Counter[str] = Counter()
        for tf in self._tf:
            df.update(tf.keys())
        n = len(docs)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(self, query: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros(len(self._tf), dtype=np.float32)
        if not self._tf:
            return out
        norm = self._k1 * (1 - self._b + self._b * self._len / max(self._avg, 1e-9))
        for term in set(query):
            idf = self._idf.get(term)
            if idf is None:
                continue
            tf = np.array([d.get(term, 0) for d in self._tf], dtype=np.float32)
            out += idf * tf * (self._k1 + 1) / (tf + norm)
        return out
