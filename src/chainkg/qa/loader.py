"""Assemble an Answerer from a build directory (fact table, search index, store, ontology labels)."""

from __future__ import annotations

from pathlib import Path

from chainkg.ingest.factrows import load_rows
from chainkg.qa.answerer import Answerer
from chainkg.qa.facts import FactTable
from chainkg.qa.properties import PredicateInfo
from chainkg.search.index import SearchIndex
from chainkg.store.base import GraphStore
from chainkg.vocab import CKO

_PREDICATES = """SELECT ?p ?zh ?en WHERE {
  VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty }
  ?p a ?kind ; rdfs:label ?zh . FILTER(lang(?zh) = "zh")
  OPTIONAL { ?p rdfs:label ?en . FILTER(lang(?en) = "en") }
  FILTER(STRSTARTS(STR(?p), STR(cko:))) }"""
_ALIASES = """SELECT ?p ?alt (lang(?alt) AS ?lang) WHERE { ?p skos:altLabel ?alt . FILTER(lang(?alt) IN ("zh", "en"))
  FILTER(STRSTARTS(STR(?p), STR(cko:))) }"""


def predicate_labels(store: GraphStore) -> dict[str, PredicateInfo]:
    """Each property's zh and en labels and the other names the ontology gives it (发文字号 for 文号,
    "English label" for English term)."""
    aliases: dict[tuple[str, str], list[str]] = {}
    for r in store.query(_ALIASES):
        aliases.setdefault((r["p"].value[len(str(CKO)):], r["lang"].value), []).append(r["alt"].value)
    out: dict[str, PredicateInfo] = {}
    for r in store.query(_PREDICATES):
        name = r["p"].value[len(str(CKO)):]
        out[name] = PredicateInfo(r["zh"].value, r["en"].value if r["en"] is not None else name,
                                  tuple(sorted(aliases.get((name, "zh"), []))),
                                  tuple(sorted(aliases.get((name, "en"), []))))
    return out


def load_answerer(build_dir: Path, index: SearchIndex, store: GraphStore) -> Answerer:
    """The answerer for the build at ``build_dir`` (index and store already loaded)."""
    rows = load_rows(build_dir / "index" / "facts.json")
    return Answerer(FactTable(rows), index, predicate_labels(store), store)
