"""What the search index holds: passages and entities, read from the built store."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from chainkg.store.base import GraphStore
from chainkg.vocab import CKO, CORPUS_GRAPH

_PASSAGES = f"""SELECT ?p ?text ?section ?page ?seq WHERE {{ GRAPH <{CORPUS_GRAPH}> {{
  ?p a cko:Passage ; cko:text ?text ; cko:sequence ?seq .
  OPTIONAL {{ ?p cko:sectionPath ?section }} OPTIONAL {{ ?p cko:page ?page }} }} }} ORDER BY ?seq"""
_ENTITY_NAMES = """SELECT ?e ?kind ?name WHERE {
  { ?e skos:prefLabel ?name BIND(lang(?name) AS ?kind) }
  UNION { ?e skos:altLabel ?name BIND("alias" AS ?kind) }
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/chainkg/id/")) } ORDER BY ?e ?kind ?name"""
_ENTITY_TYPES = """SELECT DISTINCT ?e ?t WHERE { ?e a ?t .
  FILTER(STRSTARTS(STR(?t), STR(cko:)))
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/chainkg/id/")) }"""
_ENTITY_DESCRIPTIONS = """SELECT ?e ?d WHERE { ?e cko:description ?d }"""


@dataclass(frozen=True, slots=True)
class PassageDoc:
    iri: str
    text: str
    section: str
    page: int | None


@dataclass(slots=True)
class EntityDoc:
    iri: str
    label_zh: str = ""
    label_en: str = ""
    aliases: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.label_zh or self.label_en or self.iri.rsplit("/", 1)[-1]

    @property
    def names(self) -> list[str]:
        return [n for n in (self.label_zh, self.label_en, *self.aliases) if n]

    def text(self) -> str:
        """The text the entity is searched by."""
        parts = [" / ".join(self.names), " ".join(self.types), *self.descriptions[:2]]
        return "；".join(p for p in parts if p)


def read_passages(store: GraphStore) -> list[PassageDoc]:
    return [
        PassageDoc(r["p"].value, r["text"].value,
                   r["section"].value if r["section"] is not None else "",
                   int(r["page"].value) if r["page"] is not None else None)
        for r in store.query(_PASSAGES, union=False)
    ]


def read_entities(store: GraphStore) -> list[EntityDoc]:
    docs: dict[str, EntityDoc] = defaultdict(lambda: EntityDoc(""))
    for r in store.query(_ENTITY_NAMES):
        iri, kind, name = r["e"].value, r["kind"].value, r["name"].value
        doc = docs.setdefault(iri, EntityDoc(iri))
        if kind == "zh" and not doc.label_zh:
            doc.label_zh = name
        elif kind == "en" and not doc.label_en:
            doc.label_en = name
        elif name not in doc.aliases:
            doc.aliases.append(name)
    for r in store.query(_ENTITY_TYPES):
        if r["e"].value in docs:
            docs[r["e"].value].types.append(r["t"].value[len(str(CKO)):])
    for r in store.query(_ENTITY_DESCRIPTIONS):
        if r["e"].value in docs:
            docs[r["e"].value].descriptions.append(r["d"].value)
    return sorted((d for d in docs.values() if "Passage" not in d.types), key=lambda d: d.iri)
