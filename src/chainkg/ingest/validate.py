"""Check parsed facts against the ontology's terms and the report's text.

Returns every problem at once (a curator fixes a file in one pass); the build raises the
first ones together.
"""

from __future__ import annotations

from collections.abc import Iterable

from chainkg.corpus.quotes import QuoteIndex
from chainkg.errors import DataError, QuoteNotFoundError, UnknownTermError
from chainkg.model import FactFile
from chainkg.ontology import Terms

DATATYPES = frozenset(
    {"string", "integer", "decimal", "boolean", "date", "gYear", "gYearMonth", "anyURI"}
)


def find_problems(files: Iterable[FactFile], terms: Terms, quotes: QuoteIndex,
                  *, only: frozenset[str] | None = None) -> list[DataError]:
    """Every unknown term, dangling reference and unresolvable quote in ``files``.

    ``only`` limits the report to those file names (all files still define entity ids).
    """
    files = list(files)
    declared = {e.id for f in files for e in f.entities}
    problems: list[DataError] = []
    for f in files:
        if only is not None and f.path not in only:
            continue
        for entity in f.entities:
            src = entity.source
            for cls in entity.types:
                if cls not in terms.classes:
                    problems.append(UnknownTermError(
                        f"class cko:{cls} is not in the ontology", file=src.file,
                        line=src.line, field="type"))
            if not quotes.find(entity.evidence):
                problems.append(QuoteNotFoundError(
                    f"quote not found in the report: {entity.evidence!r}", file=src.file,
                    line=src.line, field="evidence"))
        for fact in f.facts:
            src = fact.source
            if fact.ref is not None and fact.predicate not in terms.object_properties:
                problems.append(UnknownTermError(
                    f"cko:{fact.predicate} is not an object property of the ontology "
                    "(use 'v' for a literal, or add the property)", file=src.file,
                    line=src.line, field="p"))
            if fact.ref is None and fact.predicate not in terms.datatype_properties:
                problems.append(UnknownTermError(
                    f"cko:{fact.predicate} is not a datatype property of the ontology "
                    "(use 'o' for an entity, or add the property)", file=src.file,
                    line=src.line, field="p"))
            if fact.ref is not None and fact.ref not in declared:
                problems.append(DataError(
                    f"refers to an entity that no file declares: {fact.ref!r}",
                    file=src.file, line=src.line, field="o"))
            if fact.datatype is not None and fact.datatype not in DATATYPES:
                problems.append(DataError(
                    f"unknown datatype {fact.datatype!r} (one of {sorted(DATATYPES)})",
                    file=src.file, line=src.line, field="datatype"))
            if not quotes.find(fact.evidence):
                problems.append(QuoteNotFoundError(
                    f"quote not found in the report: {fact.evidence!r}", file=src.file,
                    line=src.line, field="evidence"))
            elif quotes.is_ambiguous(fact.evidence):
                problems.append(DataError(
                    f"quote {fact.evidence!r} is short and occurs in unrelated passages: quote the "
                    "clause that states the fact", file=src.file, line=src.line, field="evidence"))
    return problems
