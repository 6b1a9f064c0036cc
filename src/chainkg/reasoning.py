"""Reasoning: HermiT consistency checks (owlready2, private World) and fast materialisation.

HermiT slows steeply with many individuals, so it checks the ontology plus an ABox
*module* (class assertions and object-property assertions between entities, no
literals). Inferences are materialised with forward-chaining SPARQL rules over Oxigraph
that implement the OWL 2 RL rules the ontology uses: subclass and subproperty closure,
inverse, symmetric and transitive properties, two-step property chains and defined
classes of the form ``C ≡ A ⊓ ∃p.B``. The result goes into its own named graph.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.term import Node

from chainkg.errors import ValidationError

_RULES = (
    # rdfs9 / cax-sco: types through the subclass hierarchy
    """CONSTRUCT { ?x a ?d } WHERE { ?x a ?c . ?c rdfs:subClassOf+ ?d . FILTER(isIRI(?d)) }""",
    # prp-spo1: subproperties
    """CONSTRUCT { ?s ?q ?o } WHERE { ?p rdfs:subPropertyOf+ ?q . ?s ?p ?o . FILTER(isIRI(?q)) }""",
    # prp-inv1/2
    """CONSTRUCT { ?o ?q ?s } WHERE { ?p owl:inverseOf ?q . ?s ?p ?o . FILTER(isIRI(?o)) }""",
    """CONSTRUCT { ?o ?p ?s } WHERE { ?p owl:inverseOf ?q . ?s ?q ?o . FILTER(isIRI(?o)) }""",
    # prp-symp
    """CONSTRUCT { ?o ?p ?s } WHERE { ?p a owl:SymmetricProperty . ?s ?p ?o . FILTER(isIRI(?o)) }""",
    # prp-trp
    """CONSTRUCT { ?a ?p ?c } WHERE { ?p a owl:TransitiveProperty . ?a ?p ?b . ?b ?p ?c }""",
    # prp-spo2 for chains of two properties
    """CONSTRUCT { ?x ?p ?z } WHERE {
         ?p owl:propertyChainAxiom ?l . ?l rdf:first ?p1 ; rdf:rest ?r . ?r rdf:first ?p2 ;
            rdf:rest rdf:nil . ?x ?p1 ?y . ?y ?p2 ?z }""",
    # cls-int1 + cls-svf1 for C ≡ A ⊓ ∃p.B
    """CONSTRUCT { ?x a ?c } WHERE {
         ?c owl:equivalentClass ?e . ?e owl:intersectionOf ?l .
         ?l rdf:first ?a ; rdf:rest ?r . ?r rdf:first ?rs ; rdf:rest rdf:nil .
         ?rs owl:onProperty ?p ; owl:someValuesFrom ?b .
         ?x a ?a ; ?p ?y . ?y a ?b }""",
)
_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


def materialise(store: ox.Store, *, max_rounds: int = 10) -> list[ox.Triple]:
    """Triples entailed by the rules and not yet in ``store`` (queried as the union graph).

    The store is left unchanged; new triples are collected in a scratch graph.
    """
    scratch = ox.NamedNode("urn:chainkg:scratch-inferred")
    inferred: dict[ox.Triple, None] = {}
    for _ in range(max_rounds):
        new = 0
        for rule in _RULES:
            triples = store.query(rule, prefixes=_PREFIXES, use_default_graph_as_union=True)
            assert isinstance(triples, ox.QueryTriples)
            for t in triples:
                if isinstance(t.subject, ox.Literal) or t in inferred:
                    continue
                if any(True for _ in store.quads_for_pattern(t.subject, t.predicate, t.object)):
                    continue
                inferred[t] = None
                store.add(ox.Quad(t.subject, t.predicate, t.object, scratch))
                new += 1
        if new == 0:
            break
    store.remove_graph(scratch)
    return list(inferred)


def _abox_module(data: Graph) -> Graph:
    """Class assertions and object-property assertions between IRIs."""
    module = Graph()
    for s, p, o in data:
        if not isinstance(o, Literal):
            module.add((s, p, o))
    return module


def check_consistency(ontology: Graph, data: Iterable[tuple[Node, Node, Node]] | None = None) -> None:
    """Raise ValidationError when HermiT finds the ontology (plus module) inconsistent."""
    import owlready2  # heavy: imported only when a check runs

    graph = Graph()
    for triple in ontology:
        graph.add(triple)
    if data is not None:
        module = Graph()
        for s, p, o in data:
            module.add((s, p, o))
        for triple in _abox_module(module):
            graph.add(triple)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "module.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load(format="ntriples")
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            raise ValidationError(f"the reasoner found the graph inconsistent: {exc}") from exc
        finally:
            world.close()
