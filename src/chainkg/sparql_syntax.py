"""Short, positioned syntax errors, and the verdict on SPARQL Update requests.

pyoxigraph reports a query syntax error as ``error at LINE:COLUMN: expected one of …``
followed by every token and character class its grammar would accept there — often a
dozen lines. ``query_syntax_error`` keeps the position, a few of the expected tokens and
the offending line with a caret.

Updates are never run here. ``refuse_update`` parses one with rdflib's SPARQL 1.1 Update
grammar (a pure parser: nothing is evaluated, nothing fetched) so that a malformed update
gets 400 like a malformed query, and a well-formed one the read-only refusal (403).

>>> print(query_syntax_error("SELECT ?x WHERE {", 'error at 1:18: expected one of "(", "{", [_]'))
syntax error at 1:18 (line 1, column 18): expected one of "(", "{"
  SELECT ?x WHERE {
                   ^
"""

from __future__ import annotations

import re
from typing import NoReturn
from unicodedata import east_asian_width

from chainkg.errors import QuerySyntaxError, UpdateRefusedError
from chainkg.sparql_lexer import analyse

__all__ = ["query_syntax_error", "refuse_update"]

_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
#: a quoted token, a bracketed character class, or a bare word of pyoxigraph's "expected" list
_EXPECTED_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[(?:[^\]\\]|\\.)*\]|[^,\s][^,]*')
_SHOWN_ITEMS = 6
_CONTEXT_CHARS = 60


def query_syntax_error(query: str, message: str) -> QuerySyntaxError:
    """A QuerySyntaxError with pyoxigraph's position, a short expectation and the line."""
    found = _POSITION.match(message.strip())
    if found is None:
        return QuerySyntaxError(f"syntax error: {_shorten(message)}")
    line, column, detail = int(found[1]), int(found[2]), found[3]
    where = f"syntax error at {line}:{column} (line {line}, column {column})"
    return QuerySyntaxError(f"{where}: {_expectation(detail)}\n{_excerpt(query, line, column)}")


def _expectation(detail: str) -> str:
    prefix = "expected one of "
    if not detail.startswith(prefix):
        return _shorten(detail)
    items = [i.strip() for i in _EXPECTED_ITEM.findall(detail[len(prefix):]) if not i.startswith("[")]
    # a reason in words ("The SELECT contains a variable that is unbound") says more than tokens
    sentences = [item for item in items if " " in item and not item.startswith('"')]
    if sentences:
        return "; ".join(sentences)
    if not items:
        return "unexpected character"
    shown = ", ".join(items[:_SHOWN_ITEMS])
    more = len(items) - _SHOWN_ITEMS
    return prefix + shown + (f" … ({more} more)" if more > 0 else "")


def _excerpt(query: str, line: int, column: int) -> str:
    """The offending line (at most ``_CONTEXT_CHARS`` before the column) with a caret."""
    lines = query.splitlines() or [""]
    text = lines[min(max(line, 1), len(lines)) - 1]
    start = max(0, column - 1 - _CONTEXT_CHARS)
    shown = text[start:start + 2 * _CONTEXT_CHARS]
    # wide (CJK) characters take two columns in a terminal: the caret must follow them
    pad = sum(2 if east_asian_width(c) in "WF" else 1 for c in text[start:column - 1])
    return f"  {shown}\n  {' ' * pad}^"


def _shorten(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + " …"


def refuse_update(update: str) -> NoReturn:
    """Raise QuerySyntaxError when ``update`` is not SPARQL 1.1 Update, else UpdateRefusedError.

    >>> refuse_update("CLEAR ALL")
    Traceback (most recent call last):
    chainkg.errors.UpdateRefusedError: this endpoint is read-only: CLEAR is a SPARQL Update operation
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(update)
    except ParseBaseException as exc:
        raise QuerySyntaxError(
            f"not a valid SPARQL 1.1 Update: the operation at {exc.lineno}:{exc.col} (line {exc.lineno}, "
            f"column {exc.col}) does not parse (and this endpoint is read-only: updates are refused)"
        ) from exc
    except (RecursionError, ValueError) as exc:
        raise UpdateRefusedError("this endpoint is read-only: SPARQL Update is refused "
                                 "(and this one is too deeply nested to check)") from exc
    form = analyse(update).form or "SPARQL Update"
    raise UpdateRefusedError(f"this endpoint is read-only: {form} is a SPARQL Update operation")
