"""A small pool of worker processes that run SPARQL queries with a hard time limit.

pyoxigraph cannot be interrupted from Python, so a query past its limit is stopped by
killing the process that runs it; a fresh worker is started in the background while the
other workers keep serving. Each worker opens the store read-only and, where the kernel
allows it, moves itself into an empty network namespace first — a second wall behind
the SERVICE guard: even a query that slipped past it could not reach another host.

>>> pool = QueryPool(Path("var/current/store"), workers=2, timeout_s=10.0)  # cheap: nothing starts
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from chainkg import errors
from chainkg.errors import QueryTimeoutError, StoreError
from chainkg.sparql import QueryJob, QueryOutcome, execute

__all__ = ["QueryPool"]

_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000
_START_TIMEOUT_S = 60.0


def _isolate_network() -> bool:
    """Enter a new, empty network namespace (no interfaces but a down loopback)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return True
    return False


def _serve(conn: Connection, store_path: str, isolate: bool) -> None:
    """Worker process main loop: one job in, one outcome (or error) out."""
    isolated = _isolate_network() if isolate else False
    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(store_path)
    except OSError as exc:
        conn.send(("error", "StoreError", f"cannot open the store at {store_path}: {exc}"))
        return
    conn.send(("ready", isolated))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", execute(store, job)))
        except errors.ChainKGError as exc:
            conn.send(("error", type(exc).__name__, str(exc)))
        except MemoryError:
            conn.send(("error", "QueryError", "the query needs more memory than this server allows"))


@dataclass(slots=True, eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    isolated: bool


class QueryPool:
    """``workers`` processes; ``run`` waits at most ``timeout_s`` for a free worker and again
    for the answer, then kills that worker and raises ``QueryTimeoutError``."""

    def __init__(self, store_path: Path, *, workers: int, timeout_s: float, isolate_network: bool = True) -> None:
        self._store_path = str(store_path)
        self._size = max(1, workers)
        self._timeout_s = timeout_s
        self._isolate = isolate_network
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._starting: list[_Worker] = []

    def start(self) -> None:
        """Start every worker and wait until each has opened the store."""
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        """Start the workers without waiting (they boot while the caller loads other things)."""
        self._starting = [self._spawn() for _ in range(self._size)]

    def wait_ready(self) -> None:
        """Wait until every launched worker has opened the store."""
        starting, self._starting = self._starting, []
        for worker in starting:
            self._await_ready(worker)

    @property
    def network_isolated(self) -> bool:
        with self._lock:
            return bool(self._all) and all(w.isolated for w in self._all)

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve, args=(child, self._store_path, self._isolate),
                                    daemon=True, name="chainkg-query-worker")
        process.start()
        child.close()
        return _Worker(process, parent, False)

    def _await_ready(self, worker: _Worker) -> None:
        if not worker.conn.poll(_START_TIMEOUT_S):
            self._kill(worker)
            raise StoreError("a query worker did not start in time")
        message = worker.conn.recv()
        if message[0] != "ready":
            self._kill(worker)
            raise StoreError(message[2])
        worker.isolated = bool(message[1])
        with self._lock:
            if self._closed:
                self._kill(worker)
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, dead: _Worker) -> None:
        self._kill(dead)
        with self._lock:
            self._all.discard(dead)
            if self._closed:
                return
        thread = threading.Thread(target=self._respawn, name="chainkg-worker-respawn", daemon=True)
        thread.start()

    def _respawn(self) -> None:
        try:
            self._await_ready(self._spawn())
        except StoreError:
            pass  # the pool runs one worker short; the next timeout tries again

    @staticmethod
    def _kill(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    def run(self, job: QueryJob) -> QueryOutcome:
        """Run ``job`` in a worker; raise the worker's ChainKG error, or QueryTimeoutError."""
        try:
            worker = self._idle.get(timeout=self._timeout_s)
        except queue.Empty:
            raise QueryTimeoutError(f"all {self._size} query workers stayed busy for "
                                    f"{self._timeout_s:g} s; try again later") from None
        try:
            worker.conn.send(job)
            answered = worker.conn.poll(self._timeout_s)
            message: tuple[Any, ...] = worker.conn.recv() if answered else ()
        except (EOFError, OSError) as exc:  # the worker died (e.g. out of memory)
            self._replace(worker)
            raise QueryTimeoutError("the query worker stopped unexpectedly; try again") from exc
        if not answered:
            self._replace(worker)
            raise QueryTimeoutError(f"the query ran longer than {self._timeout_s:g} s and was stopped")
        self._idle.put(worker)
        if message[0] == "ok":
            outcome: QueryOutcome = message[1]
            return outcome
        error_type = getattr(errors, str(message[1]), errors.QueryError)
        raise error_type(message[2])

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            self._kill(worker)
