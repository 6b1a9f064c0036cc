"""Read curated fact files (``data/facts/*.yaml``) into entities and facts.

Structural problems (missing or unknown fields, wrong types) raise ``DataError`` naming
file, line and field. Terms and quotes are checked later, against the ontology and the
report (see ``chainkg.ingest.validate``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chainkg.errors import DataError
from chainkg.ingest.yamlio import LinedDict, load_yaml
from chainkg.model import EntityDecl, Fact, FactFile, LiteralValue, SourceRef
from chainkg.vocab import is_valid_local_id

ENTITY_KEYS = frozenset(
    {"id", "type", "label_zh", "label_en", "aliases", "evidence", "facts", "description"}
)
FACT_KEYS = frozenset({"p", "o", "v", "evidence", "lang", "datatype", "note"})
_REQUIRED_ENTITY = ("id", "type", "label_zh", "label_en", "evidence")


def _text(entry: LinedDict, key: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise DataError("required field is missing", file=where, line=entry.line, field=key)
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool) or str(value) == "":
        raise DataError("must be non-empty text", file=where, line=entry.line_of(key), field=key)
    return str(value)


def _unknown_keys(entry: LinedDict, allowed: frozenset[str], where: str) -> None:
    for key in entry:
        if key not in allowed:
            raise DataError(f"unknown field (allowed: {', '.join(sorted(allowed))})",
                            file=where, line=entry.line_of(key), field=key)


def _parse_fact(raw: Any, subject: str, default_evidence: str, where: str, line: int) -> Fact:
    if not isinstance(raw, LinedDict):
        raise DataError("a fact must be a mapping with p and o or v", file=where, line=line,
                        field="facts")
    _unknown_keys(raw, FACT_KEYS, where)
    predicate = _text(raw, "p", where)
    assert predicate is not None
    has_ref, has_value = "o" in raw, "v" in raw
    if has_ref == has_value:
        raise DataError("a fact needs exactly one of 'o' (entity id) or 'v' (literal value)",
                        file=where, line=raw.line, field="o" if has_ref else "v")
    ref = _text(raw, "o", where) if has_ref else None
    if ref is not None and not is_valid_local_id(ref):
        raise DataError(f"not an entity id <kind>/<slug>: {ref!r}", file=where,
                        line=raw.line_of("o"), field="o")
    value: LiteralValue | None = raw.get("v") if has_value else None
    if has_value and not isinstance(value, str | int | float | bool):
        raise DataError("a literal must be text, a number or true/false", file=where,
                        line=raw.line_of("v"), field="v")
    evidence = _text(raw, "evidence", where, required=False) or default_evidence
    ev_line = raw.line_of("evidence") if "evidence" in raw else raw.line
    return Fact(
        subject=subject, predicate=predicate, evidence=evidence,
        source=SourceRef(where, ev_line, "evidence"), ref=ref, value=value,
        datatype=_text(raw, "datatype", where, required=False),
        lang=_text(raw, "lang", where, required=False),
        note=_text(raw, "note", where, required=False),
    )


def _parse_entity(raw: Any, where: str, line: int) -> tuple[EntityDecl, list[Fact]]:
    if not isinstance(raw, LinedDict):
        raise DataError("an entity must be a mapping", file=where, line=line, field="entities")
    _unknown_keys(raw, ENTITY_KEYS, where)
    for key in _REQUIRED_ENTITY:
        if key != "type":
            _text(raw, key, where)
    entity_id = str(raw["id"])
    if not is_valid_local_id(entity_id):
        raise DataError(f"not an entity id <kind>/<slug> in lower-case ASCII: {entity_id!r}",
                        file=where, line=raw.line_of("id"), field="id")
    types = raw.get("type")
    type_list = [types] if isinstance(types, str) else types
    if not type_list or not all(isinstance(t, str) for t in type_list):
        raise DataError("required: a class name or a list of class names", file=where,
                        line=raw.line_of("type"), field="type")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list):
        raise DataError("must be a list", file=where, line=raw.line_of("aliases"), field="aliases")
    evidence = str(raw["evidence"])
    decl = EntityDecl(
        id=entity_id, types=tuple(type_list), label_zh=str(raw["label_zh"]),
        label_en=str(raw["label_en"]), aliases=tuple(str(a) for a in aliases),
        evidence=evidence, source=SourceRef(where, raw.line_of("evidence"), "evidence"),
        description=_text(raw, "description", where, required=False),
    )
    facts_raw = raw.get("facts") or []
    if not isinstance(facts_raw, list):
        raise DataError("must be a list", file=where, line=raw.line_of("facts"), field="facts")
    facts = [_parse_fact(f, entity_id, evidence, where, raw.line_of("facts")) for f in facts_raw]
    return decl, facts


def parse_fact_file(path: Path, *, display: str | None = None) -> FactFile:
    """Parse one curated YAML file into a FactFile; raises DataError on the first problem."""
    where = display or str(path)
    doc = load_yaml(path, display=where)
    if not isinstance(doc, LinedDict) or not isinstance(doc.get("entities"), list):
        raise DataError("the file must be a mapping with a list under 'entities'", file=where,
                        line=getattr(doc, "line", 1), field="entities")
    _unknown_keys(doc, frozenset({"entities"}), where)
    entities: list[EntityDecl] = []
    facts: list[Fact] = []
    for raw in doc["entities"]:
        decl, entity_facts = _parse_entity(raw, where, doc.line_of("entities"))
        entities.append(decl)
        facts.extend(entity_facts)
    return FactFile(path=where, entities=tuple(entities), facts=tuple(facts))
