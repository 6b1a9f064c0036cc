"""The ``GraphStore`` protocol every backend implements."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import pyoxigraph as ox


class GraphStore(Protocol):
    """A read-mostly quad store answering SPARQL 1.1 queries over the union graph."""

    def query(self, sparql: str, *, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
              union: bool = True) -> Any:
        """Run a query; ``bindings`` are bound as values, never pasted into the text."""
        ...

    def __len__(self) -> int:
        """Number of quads."""
        ...

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs."""
        ...
