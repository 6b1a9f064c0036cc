"""The one place for IRIs: base IRIs, namespaces, graph names, prefixes and ``mint_iri``."""

from __future__ import annotations

import re
from typing import Final

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

BASE: Final = "https://w3id.org/chainkg/"
ID_BASE: Final = BASE + "id/"
ONTOLOGY_IRI: Final = BASE + "ontology"
CKO: Final = Namespace(BASE + "ontology#")
ID: Final = Namespace(ID_BASE)
ORG: Final = Namespace("http://www.w3.org/ns/org#")
SCHEMA: Final = Namespace("https://schema.org/")
ELI: Final = Namespace("http://data.europa.eu/eli/ontology#")
QB: Final = Namespace("http://purl.org/linked-data/cube#")

#: named graph of the ontology itself
ONTOLOGY_GRAPH: Final = URIRef(BASE + "graph/ontology")
#: named graph of triples materialised by the reasoner
INFERRED_GRAPH: Final = URIRef(BASE + "graph/inferred")
#: named graph describing passages (text, section, page) and the report
CORPUS_GRAPH: Final = URIRef(BASE + "graph/corpus")
#: the source report as a resource
REPORT: Final = URIRef(ID_BASE + "pub/hangzhou-blockchain-report-2018")

PREFIXES: Final[dict[str, str]] = {
    "cko": str(CKO),
    "ckid": ID_BASE,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "eli": str(ELI),
    "qb": str(QB),
    "dcat": str(DCAT),
    "void": str(VOID),
    "foaf": str(FOAF),
}

_KIND = re.compile(r"^[a-z][a-z0-9-]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


def is_valid_local_id(local_id: str) -> bool:
    """True when ``local_id`` looks like ``<kind>/<slug>`` in lower-case ASCII.

    >>> is_valid_local_id("company/qulian"), is_valid_local_id("公司/趣链")
    (True, False)
    """
    kind, _, slug = local_id.partition("/")
    return bool(_KIND.match(kind) and _SLUG.match(slug))


def mint_iri(local_id: str) -> URIRef:
    """The IRI of an entity from its ``<kind>/<slug>`` id.

    >>> str(mint_iri("company/qulian"))
    'https://w3id.org/chainkg/id/company/qulian'
    """
    if not is_valid_local_id(local_id):
        raise ValueError(f"not a valid entity id (want <kind>/<slug>, lower-case ASCII): {local_id!r}")
    return URIRef(ID_BASE + local_id)


#: where passage IRIs live: PASSAGE_BASE + "p0123"
PASSAGE_BASE = ID_BASE + "passage/"


def passage_iri(passage_id: str) -> URIRef:
    """The IRI (and named-graph name) of a passage."""
    return URIRef(PASSAGE_BASE + passage_id)


def sparql_prologue() -> str:
    """PREFIX declarations for every prefix above, for queries and examples."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
