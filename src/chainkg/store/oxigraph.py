"""The default store: embedded Oxigraph on disk (RocksDB), read-only when serving."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from chainkg.errors import QuerySyntaxError, StoreError
from chainkg.settings import Settings
from chainkg.vocab import PREFIXES


class OxigraphStore:
    """Oxigraph at ``path``. ``writable=False`` opens it read-only (serving).

    >>> import tempfile, pyoxigraph as ox
    >>> s = OxigraphStore.in_memory()
    >>> s.add_quads([ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("c"),
    ...                      ox.NamedNode("http://g"))])
    >>> [str(r["o"].value) for r in s.query("SELECT ?o { ?s ?p ?o }")]
    ['c']
    """

    def __init__(self, inner: ox.Store) -> None:
        self._store = inner

    @classmethod
    def open(cls, path: Path, *, writable: bool = False) -> OxigraphStore:
        if not writable and not path.exists():
            raise StoreError(f"no built store at {path}; run `chainkg build` first")
        try:
            inner = ox.Store(str(path)) if writable else ox.Store.read_only(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc
        return cls(inner)

    @classmethod
    def in_memory(cls) -> OxigraphStore:
        return cls(ox.Store())

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for protocol-level code (serialisation, dataset options)."""
        return self._store

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        self._store.bulk_extend(quads)

    def query(self, sparql: str, *, bindings: Mapping[str, Any] | None = None,
              union: bool = True) -> Any:
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            return self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union,
                                     substitutions=subs or None)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc

    def __len__(self) -> int:
        return len(self._store)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def flush(self) -> None:
        self._store.flush()


def open_store(settings: Settings) -> OxigraphStore:
    """The serving store of the current build."""
    return OxigraphStore.open(settings.current_build / "store")
