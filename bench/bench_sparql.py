"""Ten representative queries through /sparql (HTTP, a real server on loopback) and against the
same graph loaded into rdflib's own SPARQL engine, in one run: per-query medians and ratios.

    .venv/bin/python bench/bench_sparql.py [--repeat 100]

HTTP times include the client (httpx: ~0.5 ms a request on its own). Timing starts ``--settle``
seconds after the server answers /health (it warms caches in the background for about 1.5 s
after start, which made the first query's times jump) and after every query has been sent a
few times, so that every query worker has seen it; p90 shows how steady the median is.

Needs a build (``chainkg build``). Never gates CI: it prints, it does not assert.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from rdflib import Dataset

from chainkg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parents[1]
Q = "https://w3id.org/chainkg/id/company/qulian"
QUERIES: dict[str, str] = {
    "point: labels of one IRI": f"SELECT ?l WHERE {{ <{Q}> rdfs:label ?l }}",
    "point: ASK type": f"ASK {{ <{Q}> a cko:Company }}",
    "point: one fact + passage": f"SELECT ?d ?g WHERE {{ GRAPH ?g {{ <{Q}> cko:foundingDate ?d }} }}",
    "star: all facts of one IRI": f"SELECT ?p ?o WHERE {{ <{Q}> ?p ?o }}",
    "describe one IRI": f"DESCRIBE <{Q}>",
    "join: rounds and investors": """SELECT ?c ?r ?i WHERE { ?r cko:fundedOrganization ?c ; cko:hasInvestor ?i }""",
    "join: label lookup (FILTER)": """SELECT ?s WHERE { ?s rdfs:label ?l FILTER(STR(?l) = "清华大学") }""",
    "aggregate: entities per class": """SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c } GROUP BY ?c""",
    "aggregate: subsidies by city": """SELECT ?city (COUNT(?s) AS ?n) WHERE { ?s a cko:Subsidy ;
        cko:jurisdiction ?city } GROUP BY ?city ORDER BY DESC(?n)""",
    "provenance: facts per passage": """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }
        GROUP BY ?g ORDER BY DESC(?n) LIMIT 10""",
}
WARM_UP = 5  # calls of each query before timing it


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _times_ms(run: Callable[[], None], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10)[-1] if len(times) > 1 else times[0]


def _wait_until_served(client: httpx.Client, settle_s: float) -> None:
    for _ in range(600):
        try:
            if client.get("/health").status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    time.sleep(settle_s)


def _over_http(client: httpx.Client, query: str) -> Callable[[], None]:
    accept = "text/turtle" if query.startswith("DESCRIBE") else "application/sparql-results+json"

    def run() -> None:  # the server predeclares ChainKG's prefixes, like initNs below
        client.get("/sparql", params={"query": query}, headers={"Accept": accept}).raise_for_status()

    return run


def _in_rdflib(ds: Dataset, query: str) -> Callable[[], None]:
    def run() -> None:
        result = ds.query(query, initNs=PREFIXES)
        list(result) if result.type != "ASK" else bool(result)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--rdflib-repeat", type=int, default=5)
    parser.add_argument("--settle", type=float, default=2.0, help="seconds to wait after /health")
    args = parser.parse_args()
    port = _free_port()
    env = {**os.environ, "CHAINKG_ROOT": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "chainkg.cli", "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        print("loading kg.nq into rdflib …", file=sys.stderr)
        ds = Dataset(default_union=True)
        ds.parse(ROOT / "var" / "current" / "kg.nq", format="nquads")
        with httpx.Client(base_url=base, timeout=60) as client:
            _wait_until_served(client, args.settle)
            over_http = {name: _over_http(client, query) for name, query in QUERIES.items()}
            for run in over_http.values():
                for _ in range(WARM_UP):
                    run()
            print(f"{'query':<32} {'HTTP p50 ms':>12} {'HTTP p90 ms':>12} {'rdflib p50 ms':>14} {'ratio':>8}")
            for name, query in QUERIES.items():
                http = _times_ms(over_http[name], args.repeat)
                http_ms = statistics.median(http)
                rdflib_ms = statistics.median(_times_ms(_in_rdflib(ds, query), args.rdflib_repeat))
                print(f"{name:<32} {http_ms:>12.2f} {_p90(http):>12.2f} {rdflib_ms:>14.2f} "
                      f"{rdflib_ms / http_ms:>7.1f}×")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
