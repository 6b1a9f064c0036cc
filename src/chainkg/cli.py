"""``chainkg`` — the command line and composition root.

    chainkg build | validate | stats [--json] | sparql QUERY | -f FILE [--format …]
            | describe IRI-or-label | export --format nq|ttl|jsonld | serve [--host] [--port]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from chainkg.errors import ChainKGError
from chainkg.settings import Settings

_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
_GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_EXPORT_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.TURTLE,
                   "jsonld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG}


def _cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from chainkg.build import build

    manifest = build(settings)
    print(json.dumps(manifest["counts"], ensure_ascii=False))
    return 0


def _cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    from chainkg.build import compile_dataset

    compiled = compile_dataset(settings)
    print(f"valid: {compiled.counts['entities']} entities, {len(compiled.quads)} quads, "
          f"{len(compiled.inferred)} inferred triples")
    return 0


def _cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from chainkg.stats import graph_stats
    from chainkg.store import open_store

    stats = graph_stats(open_store(settings))
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
        return 0
    print(f"triples: {stats['triples']}  quads: {stats['quads']}  "
          f"named graphs: {stats['named_graphs']}")
    print(f"facts with provenance: {stats['facts_with_provenance']}  "
          f"without: {stats['facts_without_provenance']}")
    for name, n in stats["classes"].items():
        print(f"  {name:<24} {n}")
    return 0


def _print_table(rows: list[list[str]]) -> None:
    if not rows:
        return
    widths = [min(max(len(r[i]) for r in rows), 60) for i in range(len(rows[0]))]
    for k, row in enumerate(rows):
        print("  ".join(cell[:60].ljust(w) for cell, w in zip(row, widths, strict=True)))
        if k == 0:
            print("  ".join("-" * w for w in widths))


def _cmd_sparql(args: argparse.Namespace, settings: Settings) -> int:
    from chainkg.sparql import run_query, to_table
    from chainkg.store import open_store

    query = Path(args.file).read_text(encoding="utf-8") if args.file else args.query
    if not query:
        raise SystemExit("give a QUERY or -f FILE")
    result = run_query(open_store(settings), query)
    fmt = args.format
    if fmt == "table":
        _print_table(to_table(result))
        return 0
    table = _GRAPH_FORMATS if result.kind.is_graph else _RESULT_FORMATS
    if fmt not in table:
        raise SystemExit(f"--format {fmt} does not fit a {result.kind.value} query "
                         f"(use one of: table, {', '.join(table)})")
    sys.stdout.write(result.serialize(table[fmt]).decode("utf-8"))
    return 0


def _cmd_describe(args: argparse.Namespace, settings: Settings) -> int:
    from chainkg.describe import describe, passage_of, resolve
    from chainkg.store import open_store

    store = open_store(settings)
    iris = resolve(store, args.target)
    if not iris:
        print(f"nothing in the graph is called {args.target!r}", file=sys.stderr)
        return 1
    for iri in iris:
        d = describe(store, iri)
        print(iri)
        sources: list[str] = []
        for st in d.outgoing:
            if st.graph and st.graph not in sources:
                sources.append(st.graph)
            ref = f" [{sources.index(st.graph) + 1}]" if st.graph in sources else ""
            print(f"  {_local(st.predicate):<22} {st.value}{ref}")
        for s, p_ in d.incoming:
            print(f"  ← {_local(p_):<20} {s}")
        for k, graph in enumerate(sources, start=1):
            passage = passage_of(store, graph)
            if passage is not None:
                text, section, page = passage
                print(f"  [{k}] {section} (p. {page}): {text[:80].replace(chr(10), ' ')}…")
    return 0


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from chainkg.store import open_store

    store = open_store(settings)
    fmt = _EXPORT_FORMATS[args.format]
    data = (store.raw.dump(format=fmt) or b"") if fmt.supports_datasets else _union_dump(store, fmt)
    out = sys.stdout.buffer if args.output in (None, "-") else open(args.output, "wb")
    with out:
        out.write(data)
    return 0


def _union_dump(store: object, fmt: ox.RdfFormat) -> bytes:
    from chainkg.store.oxigraph import OxigraphStore

    assert isinstance(store, OxigraphStore)
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    return bytes(triples.serialize(format=fmt))


def _cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from chainkg.search.encoder import open_encoder
    from chainkg.search.index import SearchIndex

    index = SearchIndex.load(settings.current_build / "index",
                             open_encoder(settings.embedding_model, settings.model_cache))
    hits = index.suggest(args.query, limit=args.limit) if args.suggest else \
        index.search(args.query, kind=args.type, limit=args.limit)
    if args.json:
        print(json.dumps([asdict(h) for h in hits], ensure_ascii=False))
        return 0
    for h in hits:
        where = f" (p. {h.page})" if h.kind == "passage" else f" [{', '.join(h.types[:2])}]"
        print(f"{h.score:.4f}  {h.label}{where}\n        {h.iri}\n        {h.snippet}")
    return 0


def _answerer(settings: Settings) -> Any:
    from chainkg.qa.loader import load_answerer
    from chainkg.search.encoder import open_encoder
    from chainkg.search.index import SearchIndex
    from chainkg.store import OxigraphStore

    build_dir = settings.current_build.resolve()
    index = SearchIndex.load(build_dir / "index",
                             open_encoder(settings.embedding_model, settings.model_cache, threads=1))
    return load_answerer(build_dir, index, OxigraphStore.open(build_dir / "store"))


def _cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    answer = _answerer(settings).ask(args.question)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.answer_text)
    for item in answer.answers:
        print(f"  • {item.label}" + (f"  ({item.value})" if item.value not in (None, item.label) else ""))
    print(f"status: {answer.status}  confidence: {answer.confidence}")
    for ev in answer.evidence[:3]:
        print(f"  [{ev.section} p.{ev.page}] {ev.text[:100].replace(chr(10), ' ')}…")
    return 0


def _cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from chainkg.qa.evaluate import evaluate

    answerer = _answerer(settings)
    report = evaluate(Path(args.file), answerer.ask)
    for kind, (right, total) in report.by_kind().items():
        print(f"{kind:<14} {right:>3}/{total:<3} {right / total:6.1%}")
    print(f"{'overall':<14} {sum(j.correct for j in report.items):>3}/{len(report.items):<3} "
          f"{report.accuracy():6.1%}")
    print(f"evidence recall@5: {report.evidence_recall():.1%}")
    if args.verbose:
        for j in report.items:
            if not j.correct:
                print(f"  wrong: {j.id} ({j.kind})")
    return 0


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    settings = settings.model_copy(update={"host": args.host or settings.host,
                                           "port": args.port or settings.port})
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chainkg", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="build the graph and swap it in atomically")
    sub.add_parser("validate", help="check data, SHACL and consistency without writing")
    s = sub.add_parser("stats", help="counts of the built graph")
    s.add_argument("--json", action="store_true")
    q = sub.add_parser("sparql", help="run a read-only SPARQL query")
    q.add_argument("query", nargs="?")
    q.add_argument("-f", "--file")
    q.add_argument("--format", default="table",
                   choices=["table", *_RESULT_FORMATS, *_GRAPH_FORMATS])
    d = sub.add_parser("describe", help="what the graph says about an IRI, id or label")
    d.add_argument("target")
    e = sub.add_parser("export", help="dump the graph")
    e.add_argument("--format", default="nq", choices=list(_EXPORT_FORMATS))
    e.add_argument("-o", "--output")
    f = sub.add_parser("search", help="hybrid search over passages and entities")
    f.add_argument("query")
    f.add_argument("--type", help="passage, entity, or an ontology class such as Company")
    f.add_argument("--limit", type=int, default=10)
    f.add_argument("--suggest", action="store_true", help="entity type-ahead on names and aliases")
    f.add_argument("--json", action="store_true")
    a = sub.add_parser("ask", help="answer a question with evidence")
    a.add_argument("question")
    a.add_argument("--json", action="store_true")
    ev = sub.add_parser("eval", help="accuracy and evidence recall over a question set")
    ev.add_argument("file", nargs="?", default="data/eval/dev-questions.jsonl")
    ev.add_argument("-v", "--verbose", action="store_true")
    v = sub.add_parser("serve", help="run the HTTP server")
    v.add_argument("--host")
    v.add_argument("--port", type=int)
    return p


_COMMANDS = {"build": _cmd_build, "validate": _cmd_validate, "stats": _cmd_stats,
             "sparql": _cmd_sparql, "describe": _cmd_describe, "export": _cmd_export,
             "search": _cmd_search, "ask": _cmd_ask, "eval": _cmd_eval, "serve": _cmd_serve}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    try:
        return _COMMANDS[args.command](args, settings)
    except ChainKGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
