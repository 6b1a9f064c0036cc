"""Full downloads of a build: N-Quads (with the passage graphs), Turtle (union), JSON-LD (graphs).

Written once per build into ``<build>/dumps/`` (each file renamed into place when complete,
so concurrent servers never see half a file), then described with size and SHA-256.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from chainkg.checksums import file_sha256
from chainkg.errors import StoreError
from chainkg.store.oxigraph import OxigraphStore
from chainkg.vocab import PREFIXES

__all__ = ["Dump", "prepare_dumps"]


@dataclass(frozen=True, slots=True)
class Dump:
    name: str
    media_type: str
    path: Path
    size: int
    sha256: str
    description: str


_SPECS = (
    ("kg.nq", "application/n-quads", "every quad; the graph of each fact is the passage that states it"),
    ("kg.ttl", "text/turtle", "the union of all graphs as triples (no provenance graphs)"),
    ("kg.jsonld", "application/ld+json", "every graph as JSON-LD named graphs"),
)


def _write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)


def _produce(name: str, build_dir: Path, store: OxigraphStore) -> bytes:
    if name == "kg.nq":
        canonical = build_dir / "kg.nq"
        if canonical.exists():
            return canonical.read_bytes()
        return bytes(store.raw.dump(format=ox.RdfFormat.N_QUADS) or b"")
    if name == "kg.ttl":
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        return bytes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"")
    return bytes(store.raw.dump(format=ox.RdfFormat.JSON_LD) or b"")


def prepare_dumps(build_dir: Path, store: OxigraphStore) -> list[Dump]:
    """The dumps of ``build_dir``, written first if missing."""
    directory = build_dir / "dumps"
    dumps: list[Dump] = []
    try:
        directory.mkdir(exist_ok=True)
        for name, media_type, description in _SPECS:
            path = directory / name
            if not path.exists():
                _write(path, _produce(name, build_dir, store))
            dumps.append(Dump(name, media_type, path, path.stat().st_size, file_sha256(path), description))
    except OSError as exc:
        shutil.rmtree(directory, ignore_errors=True)
        raise StoreError(f"cannot write the dumps into {directory}: {exc}") from exc
    return dumps
