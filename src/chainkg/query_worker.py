"""A small pool of worker processes that run SPARQL queries with a hard time limit.

pyoxigraph cannot be interrupted from Python, so a query past its limit is stopped by
killing the process that runs it; a fresh worker is started in the background while the
other workers keep serving. Each worker opens the store read-only and, where the kernel
allows it, moves itself into an empty network namespace first — a second wall behind
the SERVICE guard: even a query that slipped past it could not reach another host.

``QueryPool.run`` is a coroutine: the event loop sends the job down a socket pair and
waits for the answer itself, so a request costs no hop through a thread (about 150 µs of a
point lookup's ~1 ms). Each message on the socket is a pickle behind its 8-byte length.

>>> pool = QueryPool(Path("var/current/store"), workers=2, timeout_s=10.0)  # cheap: nothing starts
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing as mp
import pickle
import socket
import threading
from dataclasses import dataclass
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
_HEADER = 8  # big-endian length of the pickle that follows
_FIRST_READ = 1 << 16  # one read takes a whole small answer, header included


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


def _send(sock: socket.socket, message: object) -> None:
    """Write one message (blocking); header and pickle go out without being joined."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    header = len(payload).to_bytes(_HEADER, "big")
    if len(payload) < _FIRST_READ:
        sock.sendall(header + payload)
        return
    sent = sock.sendmsg([header, payload])
    if sent < len(header):
        sock.sendall(header[sent:])
        sent = len(header)
    sock.sendall(memoryview(payload)[sent - len(header):])


def _read_exactly(sock: socket.socket, size: int) -> bytearray:
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    while got < size:
        count = sock.recv_into(view[got:])
        if count == 0:
            raise EOFError("the other end of the query socket closed it")
        got += count
    return buffer


def _receive(sock: socket.socket) -> Any:
    """Read one message (blocking)."""
    size = int.from_bytes(_read_exactly(sock, _HEADER), "big")
    return pickle.loads(_read_exactly(sock, size))


def _serve(sock: socket.socket, store_path: str, isolate: bool) -> None:
    """Worker process main loop: one job in, one outcome (or error) out."""
    isolated = _isolate_network() if isolate else False
    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(store_path)
    except OSError as exc:
        _send(sock, ("error", "StoreError", f"cannot open the store at {store_path}: {exc}"))
        return
    _send(sock, ("ready", isolated))
    while True:
        try:
            job = _receive(sock)
        except EOFError:
            return
        try:
            reply: tuple[Any, ...] = ("ok", execute(store, job))
        except errors.ChainKGError as exc:
            reply = ("error", type(exc).__name__, str(exc))
        except MemoryError:
            reply = ("error", "QueryError", "the query needs more memory than this server allows")
        _send(sock, reply)


@dataclass(slots=True, eq=False)
class _Worker:
    process: BaseProcess
    sock: socket.socket
    isolated: bool

    async def exchange(self, job: QueryJob) -> Any:
        """Send ``job`` and wait for the one message that answers it (non-blocking socket)."""
        loop = asyncio.get_running_loop()
        payload = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        await loop.sock_sendall(self.sock, len(payload).to_bytes(_HEADER, "big") + payload)
        first = b""
        while len(first) < _HEADER:
            chunk = await loop.sock_recv(self.sock, _FIRST_READ)
            if not chunk:
                raise EOFError("the query worker closed its socket")
            first += chunk
        size = int.from_bytes(first[:_HEADER], "big")
        if len(first) - _HEADER >= size:
            return pickle.loads(memoryview(first)[_HEADER:_HEADER + size])
        buffer = bytearray(size)  # a large answer: read the rest straight into place
        view = memoryview(buffer)
        got = len(first) - _HEADER
        view[:got] = memoryview(first)[_HEADER:]
        while got < size:
            count = await loop.sock_recv_into(self.sock, view[got:])
            if count == 0:
                raise EOFError("the query worker closed its socket")
            got += count
        return pickle.loads(buffer)


class QueryPool:
    """``workers`` processes; ``run`` waits at most ``timeout_s`` for a free worker and again
    for the answer, then kills that worker and raises ``QueryTimeoutError``.

    ``run`` belongs to one event loop (the server's); starting and closing the pool are
    plain blocking calls.
    """

    def __init__(self, store_path: Path, *, workers: int, timeout_s: float, isolate_network: bool = True) -> None:
        self._store_path = str(store_path)
        self._size = max(1, workers)
        self._timeout_s = timeout_s
        self._isolate = isolate_network
        self._ctx = mp.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
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
            if self._await_ready(worker):
                self._idle.put_nowait(worker)

    @property
    def network_isolated(self) -> bool:
        with self._lock:
            return bool(self._all) and all(w.isolated for w in self._all)

    def _spawn(self) -> _Worker:
        parent, child = socket.socketpair()
        process = self._ctx.Process(target=_serve, args=(child, self._store_path, self._isolate),
                                    daemon=True, name="chainkg-query-worker")
        process.start()
        child.close()
        return _Worker(process, parent, False)

    def _await_ready(self, worker: _Worker) -> bool:
        """Block until ``worker`` has opened the store; False when the pool closed meanwhile."""
        worker.sock.settimeout(_START_TIMEOUT_S)
        try:
            message = _receive(worker.sock)
        except (OSError, EOFError) as exc:  # socket.timeout is an OSError
            self._kill(worker)
            raise StoreError("a query worker did not start in time") from exc
        if message[0] != "ready":
            self._kill(worker)
            raise StoreError(message[2])
        worker.isolated = bool(message[1])
        worker.sock.setblocking(False)  # from now on only the event loop reads and writes it
        with self._lock:
            if self._closed:
                self._kill(worker)
                return False
            self._all.add(worker)
        return True

    def _replace(self, dead: _Worker, loop: asyncio.AbstractEventLoop) -> None:
        """Stop ``dead`` now (SIGKILL does not block) and start a successor in the background.

        Its socket is closed by the loop, after the callbacks that unregister it from the
        selector have run: closed any earlier, its descriptor number could be reused by a
        new connection and unregistered by them.
        """
        if dead.process.is_alive():
            dead.process.kill()
        loop.call_soon(dead.sock.close)
        with self._lock:
            self._all.discard(dead)
        thread = threading.Thread(target=self._respawn, args=(dead.process, loop), daemon=True,
                                  name="chainkg-worker-respawn")
        thread.start()

    def _respawn(self, dead: BaseProcess, loop: asyncio.AbstractEventLoop) -> None:
        dead.join(timeout=5)
        with self._lock:
            if self._closed:
                return
        try:
            worker = self._spawn()
            ready = self._await_ready(worker)
        except StoreError:
            return  # the pool runs one worker short; the next timeout tries again
        if ready:
            try:
                loop.call_soon_threadsafe(self._idle.put_nowait, worker)
            except RuntimeError:  # the loop has closed: nobody will ask again
                self._kill(worker)

    @staticmethod
    def _kill(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.sock.close()

    async def _checkout(self) -> _Worker:
        try:
            async with asyncio.timeout(self._timeout_s):
                return await self._idle.get()
        except TimeoutError:
            raise QueryTimeoutError(f"all {self._size} query workers stayed busy for "
                                    f"{self._timeout_s:g} s; try again later") from None

    async def run(self, job: QueryJob) -> QueryOutcome:
        """Run ``job`` in a worker; raise the worker's ChainKG error, or QueryTimeoutError."""
        loop = asyncio.get_running_loop()
        worker = self._idle.get_nowait() if not self._idle.empty() else await self._checkout()
        try:
            async with asyncio.timeout(self._timeout_s):
                message = await worker.exchange(job)
        except TimeoutError:
            self._replace(worker, loop)
            raise QueryTimeoutError(f"the query ran longer than {self._timeout_s:g} s and was stopped") from None
        except (EOFError, OSError) as exc:  # the worker died (e.g. out of memory)
            self._replace(worker, loop)
            raise QueryTimeoutError("the query worker stopped unexpectedly; try again") from exc
        except BaseException:  # cancelled half-way: the worker's answer would come to the next job
            self._replace(worker, loop)
            raise
        self._idle.put_nowait(worker)
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
