"""A SPARQL 1.1 lexer for the guards: which query form, SERVICE, updates, dataset clauses.

Regexes over the raw text cannot tell ``<`` the less-than operator from ``<`` that opens
an IRI: ``FILTER(1<2)SERVICE?svc#>`` hides a SERVICE keyword inside what looks like an
IRIREF. This lexer decides the way a SPARQL parser does: inside an expression, ``<``
after an operand (number, variable, literal, IRI, prefixed name, ``)``) is an operator;
anywhere else it opens an IRI when an IRIREF follows. Strings, comments, prefixed names
(``copy:``, ``ex:service``) and variables (``?service``) are tokens of their own, so a
keyword is only ever a bare word.

>>> [t.text for t in tokenize("SELECT ?s { ?s ex:p 'DROP' } # SERVICE")]
['SELECT', '?s', '{', '?s', 'ex:p', "'DROP'", '}']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

__all__ = ["QueryShape", "Token", "TokenKind", "analyse", "tokenize"]


class TokenKind(Enum):
    WORD = "word"          # keyword, builtin function name, ``a``, ``true``
    IRI = "iri"
    PNAME = "pname"
    VAR = "var"
    STRING = "string"
    LANGTAG = "langtag"
    NUMBER = "number"
    BNODE = "bnode"
    PUNCT = "punct"


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    text: str
    pos: int


_PN_CHARS_BASE = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d" \
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
_PN_CHARS = _PN_CHARS_BASE + "_0-9\u00b7\u0300-\u036f\u203f-\u2040-"
_SKIP = re.compile(r"(?:\s+|#[^\n\r]*)+")
_RULES: list[tuple[TokenKind, re.Pattern[str]]] = [
    (TokenKind.STRING, re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                                  r'|"(?:[^"\\\n\r]|\\.)*"' r"|'(?:[^'\\\n\r]|\\.)*'", re.S)),
    (TokenKind.VAR, re.compile(rf"[?$][{_PN_CHARS_BASE}_0-9][{_PN_CHARS_BASE}_0-9\u00b7\u0300-\u036f\u203f-\u2040]*")),
    (TokenKind.BNODE, re.compile(rf"_:[{_PN_CHARS}.]*[{_PN_CHARS}]|_:[{_PN_CHARS}]")),
    (TokenKind.PNAME, re.compile(rf"(?:[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)?:"
                                 rf"(?:(?:[{_PN_CHARS}:.]|%[0-9A-Fa-f]{{2}}|\\.)*"
                                 rf"(?:[{_PN_CHARS}:]|%[0-9A-Fa-f]{{2}}|\\.))?")),
    (TokenKind.LANGTAG, re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")),
    (TokenKind.NUMBER, re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")),
    (TokenKind.WORD, re.compile(r"[A-Za-z_][A-Za-z0-9_]*")),
    (TokenKind.PUNCT, re.compile(r"\^\^|&&|\|\||!=|<=|>=|\S")),
]
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_OPERAND = {TokenKind.IRI, TokenKind.PNAME, TokenKind.VAR, TokenKind.STRING, TokenKind.LANGTAG,
            TokenKind.NUMBER, TokenKind.BNODE}
#: words after which ``(`` opens a list of terms, not an expression
_TERM_LIST_WORDS = {"VALUES", "A"}
#: words that start a clause where ``(`` opens an expression (projection, modifiers)
_MODIFIER_WORDS = {"SELECT", "ORDER", "GROUP", "HAVING"}
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


class _Context:
    """Bracket stack (is each open bracket an expression?) and the clause being read."""

    def __init__(self) -> None:
        self.stack: list[bool] = []
        self.modifier = False

    @property
    def in_expression(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def open_paren(self, previous: list[Token]) -> None:
        prev = previous[-1] if previous else None
        before = previous[-2] if len(previous) > 1 else None
        expression = self.in_expression or self.modifier or (
            prev is not None and prev.kind is TokenKind.WORD and prev.text.upper() not in _TERM_LIST_WORDS
        ) or (
            prev is not None and prev.kind in (TokenKind.IRI, TokenKind.PNAME)
            and before is not None and before.text.upper() == "FILTER"
        )
        self.stack.append(expression)

    def update(self, token: Token, previous: list[Token]) -> None:
        text = token.text
        if token.kind is TokenKind.WORD and text.upper() in _MODIFIER_WORDS:
            self.modifier = True
        elif token.kind is TokenKind.WORD and text.upper() == "WHERE":
            self.modifier = False
        elif text == "(":
            self.open_paren(previous)
        elif text in ("{", "["):
            self.modifier = False if text == "{" else self.modifier
            self.stack.append(False)
        elif text in (")", "}", "]") and self.stack:
            self.stack.pop()
            if text == "}":
                self.modifier = False


def tokenize(query: str) -> list[Token]:
    """The tokens of ``query`` (comments and white space dropped); never raises."""
    tokens: list[Token] = []
    context = _Context()
    pos, end = 0, len(query)
    while pos < end:
        skipped = _SKIP.match(query, pos)
        if skipped:
            pos = skipped.end()
            continue
        token = _next_token(query, pos, tokens, context)
        tokens.append(token)
        context.update(token, tokens[:-1])
        pos += len(token.text)
    return tokens


def _next_token(query: str, pos: int, previous: list[Token], context: _Context) -> Token:
    if query[pos] == "<":
        prev = previous[-1] if previous else None
        after_operand = prev is not None and (
            prev.kind in _OPERAND or prev.text == ")"
            or (prev.kind is TokenKind.WORD and prev.text.lower() in ("true", "false")))
        if not (context.in_expression and after_operand):
            iri = _IRIREF.match(query, pos)
            if iri:
                return Token(TokenKind.IRI, iri.group(0), pos)
    for kind, rule in _RULES:
        found = rule.match(query, pos)
        if found and found.group(0):
            return Token(kind, found.group(0), pos)
    return Token(TokenKind.PUNCT, query[pos], pos)  # pragma: no cover - \S always matches


@dataclass(frozen=True, slots=True)
class QueryShape:
    """What the guards need to know about a request string.

    ``form`` is the first query-form or update keyword after the prologue (None when there
    is none: the parser will report the error); ``has_dataset`` is true when the query has
    its own FROM / FROM NAMED.
    """

    form: str | None
    service_at: int | None
    has_dataset: bool

    @property
    def is_update(self) -> bool:
        return self.form in UPDATE_WORDS


def analyse(query: str) -> QueryShape:
    """The shape of a query.

    >>> analyse("PREFIX construct: <http://e/> SELECT * { ?s ?p ?o }").form
    'SELECT'
    >>> analyse("SELECT * { FILTER(1<2)SERVICE?svc#>\\n{?s ?p ?o} }").service_at
    22
    """
    tokens = tokenize(query)
    form: str | None = None
    index = 0
    while index < len(tokens) and form is None:
        word = tokens[index].text.upper() if tokens[index].kind is TokenKind.WORD else ""
        if word == "BASE":
            index += 2
        elif word == "PREFIX":
            index += 3
        else:
            form = word if word in QUERY_FORMS or word in UPDATE_WORDS else None
            break
    service = next((t.pos for t in tokens if t.kind is TokenKind.WORD and t.text.upper() == "SERVICE"), None)
    dataset = any(t.kind is TokenKind.WORD and t.text.upper() == "FROM" for t in tokens)
    return QueryShape(form, service, dataset)
