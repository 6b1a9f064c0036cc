"""The query pool on a tiny store: answers, hard timeouts, cancellation, a busy pool, errors."""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from chainkg.errors import QuerySyntaxError, QueryTimeoutError, UpdateRefusedError
from chainkg.query_worker import QueryPool
from chainkg.sparql import Dataset, QueryJob, QueryOutcome

HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 200⁴ rows
Result = QueryOutcome | BaseException
LATE = 'SELECT (SAMPLE("late") AS ?v) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }'  # would answer "late"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pool") / "store"
    store = ox.Store(str(path))
    g = ox.NamedNode("http://example.org/g")
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal(str(i)), g) for i in range(200))
    store.flush()
    del store
    return path


@pytest.fixture()
def pool(store_path: Path) -> Iterator[QueryPool]:
    pool = QueryPool(store_path, workers=2, timeout_s=1.0, isolate_network=False)
    pool.start()
    yield pool
    pool.close()


def job(query: str, *, max_rows: int = 100, is_update: bool = False) -> QueryJob:
    return QueryJob(query, Dataset(), None, "application/sparql-results+json", "text/turtle", max_rows,
                    is_update=is_update)


def value(outcome: QueryOutcome) -> str:
    return str(json.loads(outcome.body)["results"]["bindings"][0]["v"]["value"])


def ask_for(i: int) -> QueryJob:
    return job(f'SELECT ?v {{ BIND("{i}" AS ?v) }}')


def test_answers_and_caps_rows(pool: QueryPool) -> None:
    async def main() -> tuple[QueryOutcome, QueryOutcome]:
        return await pool.run(ask_for(7)), await pool.run(job("SELECT * { ?s ?p ?o }", max_rows=5))

    single, capped = asyncio.run(main())
    assert value(single) == "7"
    assert capped.rows == 5 and capped.truncated


def worker_pids() -> set[int]:
    return {p.pid for p in mp.active_children() if p.pid is not None}


def assert_one_worker_killed(before: set[int]) -> None:
    time.sleep(0.5)  # the killed worker has been reaped
    killed = before - worker_pids()
    assert len(killed) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(killed.pop(), 0)


def test_timeout_kills_the_worker_while_others_are_served(pool: QueryPool) -> None:
    before = worker_pids()

    async def main() -> tuple[BaseException | QueryOutcome, list[str], float]:
        heavy = asyncio.ensure_future(pool.run(job(HEAVY)))
        await asyncio.sleep(0.2)
        started = time.monotonic()
        quick = [value(await pool.run(ask_for(i))) for i in range(5)]
        served_in = time.monotonic() - started
        return (await asyncio.gather(heavy, return_exceptions=True))[0], quick, served_in

    heavy, quick, served_in = asyncio.run(main())
    assert isinstance(heavy, QueryTimeoutError) and "was stopped" in str(heavy)
    assert quick == ["0", "1", "2", "3", "4"] and served_in < 0.5
    assert_one_worker_killed(before)


def test_a_cancelled_run_is_stopped_and_leaves_no_answer_behind(pool: QueryPool) -> None:
    before = worker_pids()

    async def main() -> list[str]:
        late = asyncio.ensure_future(pool.run(job(LATE)))
        await asyncio.sleep(0.2)
        late.cancel()
        with pytest.raises(asyncio.CancelledError):
            await late
        await asyncio.sleep(0.1)
        return [value(await pool.run(ask_for(i))) for i in range(6)]

    assert asyncio.run(main()) == ["0", "1", "2", "3", "4", "5"]
    assert_one_worker_killed(before)


def test_a_busy_pool_answers_timeout(store_path: Path) -> None:
    pool = QueryPool(store_path, workers=1, timeout_s=0.5, isolate_network=False)
    pool.start()

    async def main() -> tuple[Result, Result]:
        heavy = asyncio.ensure_future(pool.run(job(HEAVY)))
        await asyncio.sleep(0.05)
        return await asyncio.gather(heavy, pool.run(ask_for(1)), return_exceptions=True)

    try:
        heavy, waiting = asyncio.run(main())
    finally:
        pool.close()
    assert isinstance(heavy, QueryTimeoutError)
    assert isinstance(waiting, QueryTimeoutError) and "stayed busy" in str(waiting)


def test_worker_errors_keep_their_type(pool: QueryPool) -> None:
    async def main() -> tuple[Result, Result, Result]:
        return await asyncio.gather(pool.run(job("SELECT ?x WHERE {")), pool.run(job("CLEAR ALL")),
                                    pool.run(job("CLEAR ALL", is_update=True)), return_exceptions=True)

    syntax, update_as_query, update = asyncio.run(main())
    assert isinstance(syntax, QuerySyntaxError) and "1:18" in str(syntax)
    assert isinstance(update_as_query, UpdateRefusedError) and isinstance(update, UpdateRefusedError)
