"""The fact table the question answerer reads, indexed by subject and object."""

from __future__ import annotations

from collections import defaultdict

from chainkg.ingest.factrows import FactRow


class FactTable:
    """Facts indexed by subject, by object, by property and by (property, literal value)."""

    def __init__(self, rows: list[FactRow]) -> None:
        self.rows = rows
        self.by_subject: dict[str, list[int]] = defaultdict(list)
        self.by_object: dict[str, list[int]] = defaultdict(list)
        self.by_value: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_predicate: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            self.by_subject[r.subject].append(i)
            self.by_predicate[r.predicate].append(i)
            if r.obj:
                self.by_object[r.obj].append(i)
            elif r.value:
                self.by_value[(r.predicate, r.value)].append(i)

    def about(self, iri: str) -> list[int]:
        """Indexes of the facts where ``iri`` is subject or object."""
        return self.by_subject.get(iri, []) + self.by_object.get(iri, [])

    def sibling_value(self, subject: str, predicate: str) -> str | None:
        """A literal ``subject`` has for ``predicate`` (e.g. a statistic's stated form of its value)."""
        for i in self.by_subject.get(subject, []):
            row = self.rows[i]
            if row.predicate == predicate and row.value:
                return row.value
        return None
