"""Everything the linked-data side of the server loads once per build: ontology docs,
dumps, dataset counts and the documented example queries."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chainkg.dumps import Dump, prepare_dumps
from chainkg.examples import ExampleQuery, load_examples
from chainkg.ontology_docs import OntologyDocs, ontology_docs
from chainkg.settings import Settings
from chainkg.store.oxigraph import OxigraphStore
from chainkg.void import DatasetFacts, collect_facts

__all__ = ["Publication", "load_publication"]


@dataclass(frozen=True, slots=True)
class Publication:
    ontology: OntologyDocs
    ontology_file: Path
    dumps: list[Dump]
    facts: DatasetFacts
    examples: list[ExampleQuery]


def load_publication(settings: Settings, build_dir: Path, store: OxigraphStore) -> Publication:
    """Read the ontology, write the dumps if missing, count the dataset, read the examples."""
    ontology_file = settings.ontology_dir / "chainkg.ttl"
    dumps = prepare_dumps(build_dir, store)
    examples_dir = settings.example_queries_dir
    examples = load_examples(examples_dir) if examples_dir.is_dir() else []
    return Publication(ontology_docs(ontology_file), ontology_file, dumps, collect_facts(store, dumps), examples)
