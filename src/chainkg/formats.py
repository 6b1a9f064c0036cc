"""Media types of SPARQL results and RDF, and content negotiation (q-values, wildcards)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
}
RDF_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/trig": ox.RdfFormat.TRIG,
}

#: what /sparql offers for SELECT/ASK and CONSTRUCT/DESCRIBE, preferred first
RESULT_OFFER: tuple[str, ...] = ("application/sparql-results+json", "application/sparql-results+xml",
                                 "text/csv", "text/tab-separated-values", "application/json")
RDF_OFFER: tuple[str, ...] = ("text/turtle", "application/n-triples", "application/n-quads",
                              "application/ld+json", "application/rdf+xml",
                              "application/x-turtle", "application/turtle", "text/plain")
#: names a client may also use for an RDF syntax; answers carry the registered type
RDF_ALIASES: dict[str, str] = {"application/x-turtle": "text/turtle", "application/turtle": "text/turtle",
                               "text/plain": "application/n-triples"}
#: ``?format=`` short names
FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "ttl": "text/turtle", "turtle": "text/turtle", "nt": "application/n-triples",
    "ntriples": "application/n-triples", "nq": "application/n-quads", "nquads": "application/n-quads",
    "jsonld": "application/ld+json", "json-ld": "application/ld+json", "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml", "html": "text/html",
}
#: rdflib's names of the RDF syntaxes
RDFLIB_FORMATS: dict[str, str] = {"text/turtle": "turtle", "application/n-triples": "nt",
                                  "application/n-quads": "nquads", "application/ld+json": "json-ld",
                                  "application/rdf+xml": "xml", "application/trig": "trig"}


def content_type(media_type: str) -> str:
    """The Content-Type header for ``media_type`` (text types say they are UTF-8).

    >>> content_type("text/csv"), content_type("application/ld+json")
    ('text/csv; charset=utf-8', 'application/ld+json')
    """
    return media_type + "; charset=utf-8" if media_type.startswith("text/") else media_type


@dataclass(frozen=True, slots=True)
class MediaRange:
    type: str
    q: float
    order: int

    def matches(self, media_type: str) -> bool:
        if self.type in ("*/*", media_type):
            return True
        main, _, sub = self.type.partition("/")
        return sub == "*" and media_type.startswith(main + "/")

    @property
    def specificity(self) -> int:
        return 0 if self.type == "*/*" else (1 if self.type.endswith("/*") else 2)


def parse_accept(header: str | None) -> list[MediaRange]:
    """Media ranges of an Accept header, with q-values (invalid q counts as 0)."""
    ranges: list[MediaRange] = []
    for order, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(fields[0].lower(), q, order))
    return ranges


def negotiate(header: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the client prefers most (server order breaks ties), or None.

    >>> negotiate("text/csv;q=0.5, application/*", ["application/sparql-results+json", "text/csv"])
    'application/sparql-results+json'
    >>> negotiate("image/png", ["text/turtle"]) is None
    True
    """
    ranges = parse_accept(header)
    best: tuple[float, int, int] | None = None
    choice: str | None = None
    for index, media in enumerate(offered):
        matching = [r for r in ranges if r.matches(media)]
        if not matching:
            continue
        top = max(matching, key=lambda r: (r.specificity, -r.order))
        if top.q <= 0:
            continue
        key = (top.q, top.specificity, -index)
        if best is None or key > best:
            best, choice = key, media
    return choice
