"""The hybrid search index: BM25 over jieba tokens + dense e5 vectors, fused by reciprocal rank.

Built once per graph build into ``<build>/index/`` (``docs.json``, ``tokens.json``,
``dense.npy``); the server and the CLI only load it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import numpy as np
import numpy.typing as npt

from chainkg.errors import StoreError
from chainkg.model import Hit
from chainkg.search.bm25 import BM25
from chainkg.search.documents import EntityDoc, PassageDoc
from chainkg.search.encoder import Encoder, Vectors
from chainkg.text import Segmenter, language, normalise

RRF_K = 60


def _lexical_weight(query: str) -> float:
    """1 for a Chinese query, 0.3 for one written mostly in English words.

    >>> _lexical_weight("趣链的融资"), _lexical_weight("Which countries issue policies most often?")
    (1.0, 0.3)
    """
    return 1.0 if language(query) == "zh" else 0.3
_CANDIDATES = 100


class SearchIndex:
    """Passages and entities searchable by words and by meaning."""

    def __init__(self, passages: list[PassageDoc], entities: list[EntityDoc], tokens: list[list[str]],
                 dense: Vectors, encoder: Encoder, segmenter: Segmenter) -> None:
        self.passages, self.entities = passages, entities
        self._tokens, self._dense = tokens, dense
        self.encoder, self.segmenter = encoder, segmenter
        self._bm25 = BM25(tokens)
        self._names = [(normalise(n).lower(), i) for i, e in enumerate(entities) for n in e.names]
        self._vectors: dict[str, npt.NDArray[np.float32]] = {}

    # ------------------------------------------------------------------ build, save, load
    @classmethod
    def build(cls, passages: list[PassageDoc], entities: list[EntityDoc], encoder: Encoder) -> SearchIndex:
        segmenter = Segmenter(n for e in entities for n in e.names)
        texts = [p.text for p in passages] + [e.text() for e in entities]
        tokens = [segmenter.tokens(t) for t in texts]
        dense = encoder.encode_passages(texts)
        return cls(passages, entities, tokens, dense, encoder, segmenter)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        docs = {"passages": [asdict(p) for p in self.passages],
                "entities": [asdict(e) for e in self.entities]}
        (directory / "docs.json").write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        (directory / "tokens.json").write_text(json.dumps(self._tokens, ensure_ascii=False), encoding="utf-8")
        np.save(directory / "dense.npy", self._dense)

    @classmethod
    def load(cls, directory: Path, encoder: Encoder) -> SearchIndex:
        if not (directory / "docs.json").exists():
            raise StoreError(f"no search index at {directory}; run `chainkg build`")
        docs = json.loads((directory / "docs.json").read_text(encoding="utf-8"))
        passages = [PassageDoc(**p) for p in docs["passages"]]
        entities = [EntityDoc(**e) for e in docs["entities"]]
        tokens = json.loads((directory / "tokens.json").read_text(encoding="utf-8"))
        dense = np.load(directory / "dense.npy")
        segmenter = Segmenter(n for e in entities for n in e.names)
        return cls(passages, entities, tokens, dense, encoder, segmenter)

    # ------------------------------------------------------------------ search
    def query_vector(self, query: str) -> npt.NDArray[np.float32]:
        """The query's embedding; the last few are kept, since answering one question reuses them."""
        key = normalise(query)
        vector = self._vectors.get(key)
        if vector is None:
            if len(self._vectors) >= 4:
                self._vectors.pop(next(iter(self._vectors)))
            vector = self._vectors[key] = self.encoder.encode_queries([key])[0]
        return vector

    def _fused(self, query: str) -> list[tuple[int, float]]:
        bm = self._bm25.scores(self.segmenter.tokens(query))
        qv = self.query_vector(query)
        dense = self._dense @ qv
        fused: dict[int, float] = {}
        lexical = [i for i in np.argsort(-bm)[:_CANDIDATES] if bm[i] > 0]
        # the report is Chinese: an English query's words only meet its few English fragments
        # (appendix tables), so its lexical ranking counts for less than the cross-lingual one
        weights = (_lexical_weight(query), 1.0)
        for weight, ranking in zip(weights, (lexical, list(np.argsort(-dense)[:_CANDIDATES])), strict=True):
            for rank, i in enumerate(ranking):
                fused[int(i)] = fused.get(int(i), 0.0) + weight / (RRF_K + rank + 1)
        return sorted(fused.items(), key=lambda kv: -kv[1])

    def _hit(self, i: int, score: float, query: str) -> Hit:
        n = len(self.passages)
        if i < n:
            p = self.passages[i]
            return Hit("passage", p.iri, p.section or p.iri.rsplit("/", 1)[-1], _snippet(p.text, query),
                       round(score, 5), (), p.section, p.page)
        e = self.entities[i - n]
        snippet = (e.descriptions[0] if e.descriptions else " / ".join(e.names))[:160]
        return Hit("entity", e.iri, e.label, snippet, round(score, 5), tuple(e.types))

    def search(self, query: str, *, kind: str | None = None, limit: int = 10) -> list[Hit]:
        """Passages and entities for ``query``, best first; ``kind`` is "passage", "entity" or a class."""
        if not normalise(query):
            return []
        hits: list[Hit] = []
        for i, score in self._fused(query):
            hit = self._hit(i, score, query)
            if kind is None or kind == hit.kind or kind in hit.types:
                hits.append(hit)
            if len(hits) >= limit:
                break
        return hits

    def suggest(self, prefix: str, *, limit: int = 10) -> list[Hit]:
        """Entities whose name or alias starts with (then contains) ``prefix``: type-ahead."""
        key = normalise(prefix).lower()
        if not key:
            return []
        ranked: dict[int, tuple[int, int]] = {}
        for name, i in self._names:
            rank = 0 if name == key else 1 if name.startswith(key) else 2 if key in name else None
            if rank is not None:
                best = ranked.get(i)
                if best is None or (rank, len(name)) < best:
                    ranked[i] = (rank, len(name))
        order = sorted(ranked, key=lambda i: ranked[i])[:limit]
        return [self._hit(len(self.passages) + i, 1.0 / (1 + ranked[i][0]), prefix) for i in order]


def _snippet(text: str, query: str, width: int = 120) -> str:
    flat = text.replace("\n", " ")
    q = normalise(query)
    at = max((flat.find(t) for t in (q, *q.split()) if t and t in flat), default=-1)
    start = max(0, at - width // 3) if at >= 0 else 0
    return ("…" if start else "") + flat[start:start + width] + ("…" if start + width < len(flat) else "")
