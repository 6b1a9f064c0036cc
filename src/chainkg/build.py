"""The offline build: report + curated facts + ontology → a new store, swapped in atomically.

``var/builds/<id>/`` receives ``store/`` (Oxigraph), ``kg.nq`` (canonical sorted N-Quads)
and ``manifest.json``; ``var/current`` is a symlink replaced in one ``rename`` on success.
A failed build deletes its own directory and leaves ``var/current`` as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from chainkg.checksums import file_sha256
from chainkg.corpus import QuoteIndex, load_passages
from chainkg.errors import BuildError, DataError, ValidationError
from chainkg.ingest.factrows import FactRow, fact_rows, save_rows
from chainkg.ingest.rdf import Quad, entity_quads, fact_quads, merge_entities, passage_quads
from chainkg.ingest.sources import fact_files, load_all
from chainkg.ingest.validate import find_problems
from chainkg.ontology import load_ontology, terms_of
from chainkg.reasoning import check_consistency, materialise
from chainkg.settings import Settings
from chainkg.stats import graph_stats
from chainkg.store.oxigraph import OxigraphStore
from chainkg.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH

Progress = Callable[[str], None]
MAX_PROBLEMS_SHOWN = 25
#: builds kept on disk: the current one and its predecessors, which a long-running server may still read
KEEP_BUILDS = 3


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True, slots=True)
class Compiled:
    """The validated dataset, ready to be written."""

    quads: list[Quad]
    inferred: list[ox.Triple]
    counts: dict[str, int]
    rows: list[FactRow]


def _to_ox(term: Any) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unexpected term {term!r}")


def _ox_quads(quads: Iterable[Quad]) -> Iterable[ox.Quad]:
    for s, p, o, g in quads:
        yield ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), _to_ox(g))


def _from_ox(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    lang = term.language
    if lang:
        return Literal(term.value, lang=lang)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def compile_dataset(settings: Settings, progress: Progress = _stderr) -> Compiled:
    """Parse, check and reason; raise DataError/ValidationError on any problem."""
    progress("[1/7] reading the report and splitting it into passages")
    passages = load_passages(settings.source_file)
    quotes = QuoteIndex(passages)
    progress(f"      {len(passages)} passages")
    progress("[2/7] loading the ontology and the curated facts")
    ontology = load_ontology(settings.ontology_dir)
    terms = terms_of(ontology)
    files = load_all(settings)
    problems = find_problems(files, terms, quotes)
    if problems:
        shown = "\n".join(str(p) for p in problems[:MAX_PROBLEMS_SHOWN])
        more = len(problems) - MAX_PROBLEMS_SHOWN
        raise type(problems[0])(f"{len(problems)} problem(s) in the data files:\n{shown}"
                                + (f"\n… and {more} more" if more > 0 else ""))
    progress("[3/7] minting RDF with passage provenance")
    entities = merge_entities(files)
    quads: list[Quad] = []
    quads.extend(passage_quads(passages))
    for m in entities.values():
        quads.extend(entity_quads(m, quotes))
    quads.extend(fact_quads(files, quotes))
    quads.extend((s, p, o, ONTOLOGY_GRAPH) for s, p, o in ontology)  # type: ignore[misc]
    progress(f"      {len(entities)} entities, {len(quads)} quads")
    progress("[4/7] materialising inferences")
    scratch = ox.Store()
    scratch.bulk_extend(_ox_quads(quads))
    inferred = materialise(scratch)
    progress(f"      {len(inferred)} inferred triples")
    progress("[5/7] checking consistency (HermiT) and SHACL shapes")
    data_triples = [(s, p, o) for s, p, o, g in quads if g != ONTOLOGY_GRAPH]
    check_consistency(ontology, data_triples)
    _check_shapes(settings, data_triples, inferred, ontology)
    counts = {"passages": len(passages), "entities": len(entities),
              "fact_files": sum(1 for f in files if f.path.endswith(".yaml"))}
    return Compiled(quads, inferred, counts, fact_rows(files, quotes))


def _check_shapes(settings: Settings, data: list[tuple[Any, Any, Any]],
                  inferred: list[ox.Triple], ontology: Graph) -> None:
    import pyshacl  # heavy: only at build time

    graph = Graph()
    for triple in data:
        graph.add(triple)
    for t in inferred:
        graph.add((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)))
    shapes = Graph().parse(settings.shapes_file, format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none",
                                         advanced=True, allow_warnings=True)
    if not conforms:
        raise ValidationError(f"SHACL validation failed:\n{text[:4000]}")


def _inputs(settings: Settings) -> dict[str, str]:
    files = [settings.source_file, *fact_files(settings.facts_dir),
             *sorted(settings.ontology_dir.glob("*.ttl")),
             *sorted(settings.reference_dir.glob("*.csv"))]
    return {str(p.relative_to(settings.root)): file_sha256(p) for p in files if p.exists()}


def _versions() -> dict[str, str]:
    out = {"python": sys.version.split()[0]}
    for pkg in ("chainkg", "pyoxigraph", "rdflib", "pyshacl", "owlready2"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "unknown"
    return out


def _write(target: Path, compiled: Compiled) -> OxigraphStore:
    store = OxigraphStore.open(target / "store", writable=True)
    store.add_quads(_ox_quads(compiled.quads))
    graph = ox.NamedNode(str(INFERRED_GRAPH))
    store.add_quads(ox.Quad(t.subject, t.predicate, t.object, graph) for t in compiled.inferred)
    store.flush()
    dump = store.raw.dump(format=ox.RdfFormat.N_QUADS) or b""
    lines = sorted(set(dump.decode("utf-8").splitlines()))
    (target / "kg.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return store


def _write_index(settings: Settings, store: OxigraphStore, directory: Path) -> float:
    from chainkg.search.documents import read_entities, read_passages
    from chainkg.search.encoder import open_encoder
    from chainkg.search.index import SearchIndex

    started = time.perf_counter()
    encoder = open_encoder(settings.embedding_model, settings.model_cache)
    SearchIndex.build(read_passages(store), read_entities(store), encoder).save(directory)
    return round(time.perf_counter() - started, 2)


def _swap(settings: Settings, target: Path) -> None:
    """Point ``var/current`` at ``target`` in one rename."""
    link = settings.current_build
    tmp = link.with_name(f".{link.name}.{target.name}")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target.relative_to(link.parent))
    os.replace(tmp, link)


def _prune(settings: Settings) -> None:
    """Delete all but the newest KEEP_BUILDS builds (never the current one)."""
    builds = sorted(p for p in (settings.var_dir / "builds").iterdir() if not p.name.startswith("."))
    current = settings.current_build.resolve()
    for old in builds[:-KEEP_BUILDS]:
        if old.resolve() != current:
            shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def _build_lock(settings: Settings) -> Iterator[None]:
    """One build at a time per project root."""
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.var_dir / ".build.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _compile_and_write(settings: Settings, partial: Path, build_id: str, inputs: dict[str, str],
                       progress: Progress, started: float) -> dict[str, Any]:
    compiled = compile_dataset(settings, progress)
    progress("[6/7] writing the store, the N-Quads dump and the manifest")
    store = _write(partial, compiled)
    stats = graph_stats(store)
    progress("[7/7] building the search index (BM25 + e5 vectors)")
    index_s = _write_index(settings, store, partial / "index")
    save_rows(compiled.rows, partial / "index" / "facts.json")
    del store  # close RocksDB before the directory is published
    manifest: dict[str, Any] = {
        "build_id": build_id,
        "created": datetime.now(UTC).isoformat(),
        "inputs": inputs,
        "versions": _versions(),
        "counts": {**compiled.counts, "quads": stats["quads"], "triples": stats["triples"],
                   "inferred": len(compiled.inferred), "named_graphs": stats["named_graphs"]},
        "index_s": index_s,
        "duration_s": round(time.perf_counter() - started, 2),
    }
    (partial / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2),
                                           encoding="utf-8")
    return manifest


def build(settings: Settings, progress: Progress = _stderr) -> dict[str, Any]:
    """Run the whole build; return the manifest. The previous build survives any failure.

    Everything is written into ``builds/.<id>.partial``, renamed to ``builds/<id>`` when
    complete, and only then does ``var/current`` move; an error or an interruption removes
    the partial directory.
    """
    started = time.perf_counter()
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    builds = settings.var_dir / "builds"
    partial, target = builds / f".{build_id}.partial", builds / build_id
    inputs = _inputs(settings)  # hashed before reading, so the manifest names what was built
    with _build_lock(settings):
        partial.mkdir(parents=True)
        published = False
        try:
            manifest = _compile_and_write(settings, partial, build_id, inputs, progress, started)
            os.rename(partial, target)
            _swap(settings, target)
            published = True
        except (DataError, ValidationError):
            raise
        except OSError as exc:
            raise BuildError(f"build failed while writing {exc.filename or 'var/'}: {exc}") from exc
        except (RuntimeError, ValueError) as exc:
            raise BuildError(f"build failed: {exc}") from exc
        finally:
            if not published:
                shutil.rmtree(partial, ignore_errors=True)
                shutil.rmtree(target, ignore_errors=True)
        _prune(settings)
    progress(f"built {build_id} in {manifest['duration_s']} s")
    return manifest
