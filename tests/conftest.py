"""Shared fixtures: the real report built once per session in a scratch project root."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from chainkg.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def make_root(target: Path, *, copy_facts: bool = False) -> Path:
    """A project root at ``target`` whose inputs are the repository's (facts copied if asked)."""
    (target / "data").mkdir(parents=True)
    (target / "ontology").symlink_to(ROOT / "ontology")
    for name in ("source", "reference", "eval"):
        (target / "data" / name).symlink_to(ROOT / "data" / name)
    if copy_facts:
        shutil.copytree(ROOT / "data" / "facts", target / "data" / "facts")
    else:
        (target / "data" / "facts").symlink_to(ROOT / "data" / "facts")
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings of a project root holding a full build of the real report."""
    from chainkg.build import build

    root = make_root(tmp_path_factory.mktemp("built"))
    settings = Settings(root=root)
    build(settings, progress=lambda _: None)
    yield settings


@pytest.fixture(scope="session")
def store(built: Settings):  # type: ignore[no-untyped-def]
    from chainkg.store import open_store

    return open_store(built)


@pytest.fixture(scope="session")
def passages():  # type: ignore[no-untyped-def]
    from chainkg.corpus import load_passages

    return load_passages(ROOT / "data" / "source" / "hangzhou-blockchain-report-2018.txt")
