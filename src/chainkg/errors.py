"""The exception tree of ChainKG.

    ChainKGError
    ├── ConfigError(ValueError)            a setting is invalid
    ├── DataError(ValueError)              an input file is malformed; names file, line and field
    │   ├── QuoteNotFoundError             an evidence quote does not occur in the report
    │   └── UnknownTermError               a class or property is not in the ontology
    ├── ValidationError(ValueError)        SHACL or reasoner rejected the built graph
    ├── BuildError(RuntimeError)           the build failed; the previous build keeps serving
    ├── StoreError(RuntimeError)           no built store, or the store cannot be opened
    └── QueryError(ValueError)             a SPARQL query is malformed or not allowed
        ├── ProtocolError                  a request the SPARQL Protocol rejects, with its status
        ├── QuerySyntaxError               with the position of the error
        ├── UpdateRefusedError             an update or a remote dataset was asked for
        └── QueryTimeoutError(TimeoutError)

Each leaf also inherits the matching builtin so callers may catch either.
"""

from __future__ import annotations


class ChainKGError(Exception):
    """Base of every error ChainKG raises on purpose."""


class ConfigError(ChainKGError, ValueError):
    """A setting is missing or invalid."""


class DataError(ChainKGError, ValueError):
    """An input file is malformed. The message names the file, line and field."""

    def __init__(self, message: str, *, file: str = "", line: int = 0, field: str = "") -> None:
        self.file, self.line, self.field = file, line, field
        where = f"{file}:{line}" if file else ""
        prefix = f"{where}: field '{field}': " if field else (f"{where}: " if where else "")
        super().__init__(prefix + message)


class QuoteNotFoundError(DataError):
    """An evidence quote does not occur in the source report."""


class UnknownTermError(DataError):
    """A class or property is not defined in the ontology."""


class ValidationError(ChainKGError, ValueError):
    """The built graph violates the SHACL shapes or is inconsistent under the reasoner."""


class BuildError(ChainKGError, RuntimeError):
    """The build failed; the previous build is left in place."""


class StoreError(ChainKGError, RuntimeError):
    """The store is missing or cannot be opened."""


class QueryError(ChainKGError, ValueError):
    """A SPARQL query cannot be run."""


class QuerySyntaxError(QueryError):
    """A SPARQL query does not parse; the message gives the position."""


class UpdateRefusedError(QueryError):
    """The query asks to change data or to reach outside the local store."""


class QueryTimeoutError(QueryError, TimeoutError):
    """The query ran past its time limit and was stopped."""


class ProtocolError(QueryError):
    """A request the SPARQL Protocol rejects, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
