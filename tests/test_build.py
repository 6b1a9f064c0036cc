"""A full build of the real report: counts, provenance, stats, atomic swap."""

from __future__ import annotations

import json

from chainkg.corpus import QuoteIndex, load_passages
from chainkg.ingest.sources import load_all
from chainkg.ingest.validate import find_problems
from chainkg.ontology import load_ontology, terms_of
from chainkg.settings import Settings
from chainkg.stats import graph_stats
from chainkg.store import OxigraphStore


def _count(store: OxigraphStore, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)


def test_every_fact_has_provenance(store: OxigraphStore) -> None:
    stats = graph_stats(store)
    assert stats["facts_without_provenance"] == 0
    assert stats["facts_with_provenance"] > 5000
    assert stats["triples"] > 10000


def test_every_quote_resolves(built: Settings) -> None:
    files = load_all(built)
    terms = terms_of(load_ontology(built.ontology_dir))
    assert find_problems(files, terms, QuoteIndex(load_passages(built.source_file))) == []


def test_counts_equal_what_the_report_enumerates(store: OxigraphStore) -> None:
    # appendix 7's rows: the course offerings with a school and a start date
    assert _count(store, """SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c a cko:CourseOffering ;
        cko:offeredBy ?school ; cko:startDate ?d }""") == 47
    assert _count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s cko:stanceOf ?c }") == 30
    assert _count(store, """SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a cko:Alliance .
        GRAPH ?g { ?a cko:sector ?s } ?g cko:sectionPath ?path
        FILTER(STRSTARTS(?path, "附录 6")) }""") == 24
    # appendix 2: 25 countries' laws; appendix 5: seven places x seven kinds of support
    assert _count(store, """SELECT (COUNT(DISTINCT ?c) AS ?n) { ?law a cko:Law .
        GRAPH ?g { ?law cko:jurisdiction ?c } ?c a cko:Country .
        ?g cko:sectionPath ?path FILTER(STRSTARTS(?path, "附录 2")) }""") == 25
    assert _count(store, """SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a cko:Subsidy ; cko:supportKind ?k .
        GRAPH ?g { ?s cko:jurisdiction ?place } ?g cko:sectionPath ?path
        FILTER(STRSTARTS(?path, "附录 5")) }""") == 49
    assert _count(store, """SELECT (COUNT(DISTINCT ?k) AS ?n) { GRAPH ?g { ?s cko:supportKind ?k }
        ?g cko:sectionPath ?path FILTER(STRSTARTS(?path, "附录 5")) }""") == 7


def test_a_table_row_naming_a_known_alliance_is_that_alliance(store: OxigraphStore) -> None:
    # appendix 6's "Hyperledger Project" is the 超级账本 the chapters describe, not a second entity
    assert _count(store, """SELECT (COUNT(*) AS ?n) { ?a cko:sector ?s ; rdfs:label "超级账本"@zh }""") == 1
    assert _count(store, """SELECT (COUNT(*) AS ?n) { ?a cko:sector ?s ; rdfs:label "Hyperledger Project"@zh }""") == 0


def test_inferences_are_materialised_in_their_own_graph(store: OxigraphStore) -> None:
    # Investor is a defined class: only the reasoner types anything as one
    investors = _count(store, """SELECT (COUNT(DISTINCT ?x) AS ?n) {
        GRAPH <https://w3id.org/chainkg/graph/inferred> { ?x a cko:Investor } }""")
    assert investors >= 10
    # the property chain puts Hangzhou companies in Zhejiang and China too
    assert bool(store.query("""ASK { GRAPH <https://w3id.org/chainkg/graph/inferred> {
        ?x cko:locatedIn <https://w3id.org/chainkg/id/country/china> } }"""))


def test_fact_sits_in_the_graph_of_the_passage_that_states_it(store: OxigraphStore) -> None:
    rows = list(store.query("""SELECT ?text WHERE {
        GRAPH ?g { ?r cko:fundedOrganization <https://w3id.org/chainkg/id/company/qulian> ; cko:hasInvestor ?i }
        ?i rdfs:label "信雅达"@zh . ?g cko:text ?text }"""))
    assert rows and "信雅达" in rows[0]["text"].value


def test_manifest_records_inputs_counts_versions(built: Settings) -> None:
    manifest = json.loads((built.current_build / "manifest.json").read_text(encoding="utf-8"))
    assert "data/source/hangzhou-blockchain-report-2018.txt" in manifest["inputs"]
    assert manifest["counts"]["passages"] > 200
    assert manifest["versions"]["pyoxigraph"]
    assert manifest["duration_s"] > 0
