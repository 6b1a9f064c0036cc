"""Read the report, repair its PDF artefacts and split it into passages."""

from chainkg.corpus.passages import load_passages, split_passages
from chainkg.corpus.quotes import QuoteIndex, quote_key

__all__ = ["QuoteIndex", "load_passages", "quote_key", "split_passages"]
