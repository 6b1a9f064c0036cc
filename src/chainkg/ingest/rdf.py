"""Facts with evidence → quads: each statement in the named graph of its passage.

Entities declared in several files are merged: types, labels and aliases are unioned;
the first declaration (files in sorted order) gives the preferred labels and later
differing labels become aliases (``skos:altLabel``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from chainkg.corpus.quotes import QuoteIndex
from chainkg.errors import QuoteNotFoundError
from chainkg.ingest.literals import has_cjk, to_literal
from chainkg.model import EntityDecl, FactFile, Passage, SourceRef
from chainkg.vocab import CKO, CORPUS_GRAPH, REPORT, mint_iri, passage_iri

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]


@dataclass
class MergedEntity:
    """One entity with everything every file says about its identity."""

    id: str
    label_zh: str
    label_en: str
    types: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    decls: list[EntityDecl] = field(default_factory=list)


def merge_entities(files: Iterable[FactFile]) -> dict[str, MergedEntity]:
    """Merge the declarations of each entity id across files."""
    merged: dict[str, MergedEntity] = {}
    for f in files:
        for decl in f.entities:
            m = merged.setdefault(decl.id, MergedEntity(decl.id, decl.label_zh, decl.label_en))
            m.decls.append(decl)
            m.types.extend(t for t in decl.types if t not in m.types)
            for name in (decl.label_zh, decl.label_en, *decl.aliases):
                if name not in (m.label_zh, m.label_en) and name not in m.aliases:
                    m.aliases.append(name)
    return merged


def _graphs(quotes: QuoteIndex, quote: str, source: SourceRef) -> list[URIRef]:
    found = quotes.find(quote)
    if not found:
        raise QuoteNotFoundError(f"quote not found in the report: {quote!r}", file=source.file,
                                 line=source.line, field="evidence")
    return [passage_iri(pid) for pid in found]


def entity_quads(m: MergedEntity, quotes: QuoteIndex) -> Iterator[Quad]:
    """Type, labels, aliases and descriptions of one entity, in its evidence passages."""
    iri = mint_iri(m.id)
    first = _graphs(quotes, m.decls[0].evidence, m.decls[0].source)
    for decl in m.decls:
        graphs = _graphs(quotes, decl.evidence, decl.source)
        for g in graphs:
            for cls in decl.types:
                yield iri, RDF.type, CKO[cls], g
            if decl.description:
                yield iri, CKO.description, Literal(decl.description, lang="zh"), g
    for g in first:
        yield iri, RDFS.label, Literal(m.label_zh, lang="zh"), g
        yield iri, RDFS.label, Literal(m.label_en, lang="en"), g
        yield iri, SKOS.prefLabel, Literal(m.label_zh, lang="zh"), g
        yield iri, SKOS.prefLabel, Literal(m.label_en, lang="en"), g
        for alias in m.aliases:
            yield iri, SKOS.altLabel, Literal(alias, lang="zh" if has_cjk(alias) else "en"), g


def fact_quads(files: Iterable[FactFile], quotes: QuoteIndex) -> Iterator[Quad]:
    """Every curated or parsed fact, in the named graph of each passage stating it."""
    for f in files:
        for fact in f.facts:
            obj: URIRef | Literal
            if fact.ref is not None:
                obj = mint_iri(fact.ref)
            else:
                assert fact.value is not None
                obj = to_literal(fact.value, fact.predicate, datatype=fact.datatype,
                                 lang=fact.lang)
            for g in _graphs(quotes, fact.evidence, fact.source):
                yield mint_iri(fact.subject), CKO[fact.predicate], obj, g


def passage_quads(passages: Sequence[Passage]) -> Iterator[Quad]:
    """The passages as resources (text, section, page, offsets) in the corpus graph."""
    g = CORPUS_GRAPH
    yield REPORT, RDF.type, CKO.Report, g
    yield REPORT, RDFS.label, Literal("杭州市区块链产业报告（2018）", lang="zh"), g
    yield REPORT, RDFS.label, Literal("Hangzhou Blockchain Industry Report 2018", lang="en"), g
    for p in passages:
        iri = passage_iri(p.id)
        yield iri, RDF.type, CKO.Passage, g
        yield iri, RDFS.label, Literal(f"段落 {p.id}", lang="zh"), g
        yield iri, RDFS.label, Literal(f"Passage {p.id}", lang="en"), g
        yield iri, CKO.text, Literal(p.text, lang="zh"), g
        yield iri, CKO.sectionPath, Literal(p.section_path, lang="zh"), g
        if p.page is not None:
            yield iri, CKO.page, Literal(p.page, datatype=XSD.integer), g
        yield iri, CKO.startOffset, Literal(p.start, datatype=XSD.integer), g
        yield iri, CKO.endOffset, Literal(p.end, datatype=XSD.integer), g
        yield iri, CKO.sequence, Literal(p.seq, datatype=XSD.integer), g
        yield iri, DCTERMS.isPartOf, REPORT, g
        yield iri, PROV.wasQuotedFrom, REPORT, g
