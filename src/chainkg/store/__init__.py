"""Graph stores behind one protocol; ``open_store`` is the only place a backend is chosen."""

from chainkg.store.base import GraphStore
from chainkg.store.oxigraph import OxigraphStore, open_store

__all__ = ["GraphStore", "OxigraphStore", "open_store"]
