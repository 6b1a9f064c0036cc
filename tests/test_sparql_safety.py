"""Safe by default, through a real server: read-only, no outbound network, timeout, row cap."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from chainkg.settings import Settings
from tests.conftest import running_server


class Listener:
    """A loopback TCP listener that records every connection attempt."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def strict(built: Settings) -> Iterator[str]:
    with running_server(built, CHAINKG_QUERY_TIMEOUT_S="2", CHAINKG_MAX_ROWS="7") as base:
        yield base


@pytest.fixture()
def listener() -> Iterator[Listener]:
    spy = Listener()
    yield spy
    spy.close()


def _count(server: str) -> str:
    r = httpx.get(server + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"})
    return str(r.json()["results"]["bindings"][0]["n"]["value"])


def test_no_query_reaches_another_host(strict: str, listener: Listener) -> None:
    remote = f"http://127.0.0.1:{listener.port}/sparql"
    attempts = [
        {"query": f"SELECT * {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}"},
        {"query": f"SELECT * {{ VALUES ?svc {{<{remote}>}} LATERAL {{ FILTER(1<2)SERVICE?svc#>\n{{?s ?p ?o}} }} }}"},
        {"query": f"SELECT * FROM <{remote}> {{ ?s ?p ?o }}"},
        {"query": f"SELECT * FROM NAMED <{remote}> {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
        {"query": "SELECT * { ?s ?p ?o } LIMIT 1", "default-graph-uri": remote, "named-graph-uri": remote},
        {"update": f"LOAD <{remote}>"},
        {"query": f"LOAD <{remote}>"},
    ]
    statuses = [httpx.get(strict + "/sparql", params=p).status_code for p in attempts]
    time.sleep(0.5)
    assert listener.connections == 0
    assert statuses[:2] == [403, 403] and statuses[2:5] == [200, 200, 200] and statuses[5:] == [403, 403]


@pytest.mark.parametrize("update", ["DROP ALL", "CLEAR ALL", "DELETE WHERE { ?s ?p ?o }",
                                    "INSERT DATA { <http://a> <http://b> <http://c> }"])
def test_every_update_form_is_refused_and_nothing_changes(strict: str, update: str) -> None:
    before = _count(strict)
    responses = [
        httpx.get(strict + "/sparql", params={"update": update}),
        httpx.get(strict + "/sparql", params={"query": update}),
        httpx.post(strict + "/sparql", data={"update": update}),
        httpx.post(strict + "/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update"}),
        httpx.post(strict + "/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-query"}),
    ]
    assert [r.status_code for r in responses] == [403] * 5
    assert "read-only" in responses[1].text
    assert _count(strict) == before


def test_row_cap_is_visible(strict: str) -> None:
    r = httpx.get(strict + "/sparql", params={"query": "SELECT * { ?s ?p ?o }"},
                  headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["x-result-truncated"] == "true"
    assert r.headers["x-result-row-limit"] == "7" and len(r.text.strip().splitlines()) == 8
    small = httpx.get(strict + "/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 3"})
    assert "x-result-truncated" not in small.headers


def test_timeout_stops_the_query_and_others_keep_being_served(strict: str) -> None:
    heavy = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    outcome: dict[str, httpx.Response] = {}
    thread = threading.Thread(target=lambda: outcome.update(
        heavy=httpx.get(strict + "/sparql", params={"query": heavy}, timeout=30)))
    started = time.monotonic()
    thread.start()
    time.sleep(0.3)
    quick = [httpx.get(strict + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30) for _ in range(5)]
    assert all(r.status_code == 200 for r in quick)
    assert time.monotonic() - started < 1.8  # served while the heavy query was still running
    thread.join()
    assert outcome["heavy"].status_code == 503 and "was stopped" in outcome["heavy"].text
    assert time.monotonic() - started < 6
    time.sleep(1.5)  # the killed worker has been replaced
    assert all(httpx.get(strict + "/sparql", params={"query": "ASK {}"}).status_code == 200 for _ in range(4))
