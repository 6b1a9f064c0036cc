"""The errors of the analyst views (leaves of ``chainkg.errors.ChainKGError``).

    ChainKGError
    ├── ViewNotFoundError(LookupError)    no table, comparison or chart has this key
    └── ViewParameterError(ValueError)    a sort key, order, limit, offset or format is invalid

Messages list the valid choices, so a caller can correct the request.
"""

from __future__ import annotations

from chainkg.errors import ChainKGError

__all__ = ["ViewNotFoundError", "ViewParameterError"]


class ViewNotFoundError(ChainKGError, LookupError):
    """No table, comparison or chart has the requested key."""


class ViewParameterError(ChainKGError, ValueError):
    """A browse parameter is invalid; the message says which and what is allowed."""
