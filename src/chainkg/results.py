"""Writers for SPARQL results and graphs that stop at a row cap.

pyoxigraph serialises a whole result iterator; to cap a result and say so, the rows are
taken first and written here (SELECT: JSON, XML, CSV, TSV) or handed to
``pyoxigraph.serialize`` as a list (CONSTRUCT/DESCRIBE).

>>> import pyoxigraph as ox
>>> write_solutions(["l"], [[ox.Literal("趣链", language="zh")]], "text/tab-separated-values")
b'?l\\n"\\xe8\\xb6\\xa3\\xe9\\x93\\xbe"@zh\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from chainkg.formats import RDF_TYPES
from chainkg.vocab import PREFIXES

__all__ = ["write_boolean", "write_solutions", "write_triples"]

Row = Sequence[Any]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>")


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.NamedNode | ox.Literal):
        return str(term.value)
    return str(term)


def write_solutions(variables: Sequence[str], rows: Sequence[Row], media_type: str) -> bytes:
    """SELECT results in one of the four SPARQL results formats (``rows`` hold None for unbound)."""
    if media_type in ("application/sparql-results+json", "application/json"):
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
                    for row in rows]
        doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if media_type == "application/sparql-results+xml":
        parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                 "<head>", *(f"<variable name={quoteattr(v)}/>" for v in variables), "</head><results>"]
        for row in rows:
            parts.append("<result>")
            parts.extend(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                         for v, t in zip(variables, row, strict=True) if t is not None)
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode("utf-8")
    if media_type == "text/csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_value(t) for t in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if media_type == "text/tab-separated-values":
        lines = ["\t".join("?" + v for v in variables)]
        lines.extend("\t".join("" if t is None else str(t) for t in row) for row in rows)
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"not a SPARQL results media type: {media_type}")


def write_boolean(value: bool, media_type: str) -> bytes:
    """An ASK result in a SPARQL results format (CSV/TSV: one column ``_askResult``)."""
    if media_type in ("application/sparql-results+json", "application/json"):
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if media_type == "application/sparql-results+xml":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head></head><boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    if media_type == "text/csv":
        return f"_askResult\r\n{str(value).lower()}\r\n".encode()
    if media_type == "text/tab-separated-values":
        return f"?_askResult\n{str(value).lower()}\n".encode()
    raise ValueError(f"not a SPARQL results media type: {media_type}")


def write_triples(triples: Sequence[ox.Triple], media_type: str) -> bytes:
    """Triples in an RDF syntax; N-Quads and TriG put them in the default graph."""
    fmt = RDF_TYPES[media_type]
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    if fmt.supports_datasets:
        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
        out = ox.serialize(quads, format=fmt, prefixes=prefixes)
    else:
        out = ox.serialize(triples, format=fmt, prefixes=prefixes)
    return bytes(out) if out is not None else b""
