"""The ontology: required classes, bilingual labels and definitions, consistency."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from chainkg.ontology import load_ontology, terms_of
from chainkg.reasoning import check_consistency
from chainkg.vocab import CKO, PREFIXES, mint_iri

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
REQUIRED = """Organization Company University GovernmentBody Court ResearchInstitute Alliance
Investor Person Place Country Province City District IndustrialPark Policy Law Subsidy
RegulatoryStance BlockchainPlatform Technology FundingRound CourseOffering ApplicationCase
Publication Statistic Passage""".split()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology(ONTOLOGY_DIR)


def test_required_classes_exist(ontology: Graph) -> None:
    classes = terms_of(ontology).classes
    assert set(REQUIRED) <= classes


def test_every_term_has_zh_and_en_labels_and_a_definition(ontology: Graph) -> None:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {s for k in kinds for s in ontology.subjects(RDF.type, k)
             if isinstance(s, URIRef) and str(s).startswith(str(CKO))}
    assert len(terms) > 100
    for term in terms:
        langs = {getattr(lbl, "language", None) for lbl in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, term
        assert ontology.value(term, SKOS.definition) is not None, term


def test_standard_vocabularies_are_reused(ontology: Graph) -> None:
    supers = {str(o) for o in ontology.objects(None, RDFS.subClassOf)}
    supers |= {str(o) for o in ontology.objects(None, RDFS.subPropertyOf)}
    for ns in ("http://www.w3.org/ns/org#", "https://schema.org/", "http://data.europa.eu/eli/",
               "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#",
               "http://purl.org/dc/terms/", "http://purl.org/linked-data/cube#"):
        assert any(s.startswith(ns) for s in supers), ns


def test_ontology_is_consistent_and_disjointness_bites(ontology: Graph) -> None:
    check_consistency(ontology)
    x = mint_iri("company/both")
    from chainkg.errors import ValidationError

    with pytest.raises(ValidationError):
        check_consistency(ontology, [(x, RDF.type, CKO.Company), (x, RDF.type, CKO.University)])


def test_vocab_prefix_matches_the_ontology_namespace(ontology: Graph) -> None:
    assert PREFIXES["cko"] == str(CKO)
    assert (URIRef(PREFIXES["cko"].rstrip("#")), RDF.type, OWL.Ontology) in ontology
