"""Shared fixtures: the real report built once per session in a scratch project root."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(settings: Settings, **env: str) -> Iterator[str]:
    """``chainkg serve`` on a free loopback port, with extra CHAINKG_* variables."""
    port = free_port()
    variables = {**os.environ, "CHAINKG_ROOT": str(settings.root),
                 "CHAINKG_QUERIES_DIR": str(ROOT / "docs" / "queries"), **env}
    proc = subprocess.Popen([sys.executable, "-m", "chainkg.cli", "serve", "--port", str(port)],
                            env=variables, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                pytest.fail("server exited")
            time.sleep(0.1)
        else:
            pytest.fail("server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="session")
def server(built: Settings) -> Iterator[str]:
    """One real server on loopback over the session's build, shared by the HTTP tests."""
    with running_server(built) as base:
        yield base
