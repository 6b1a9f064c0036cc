"""The FastAPI application factory: binds HTTP to the ``chainkg`` library."""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.routes_ask import router as ask_router
from api.routes_browse import router as browse_router
from api.routes_dataset import router as dataset_router
from api.routes_linked_data import router as linked_data_router
from api.routes_search import router as search_router
from api.routes_sparql import router as sparql_router
from api.routes_ui import router as ui_router
from api.templating import STATIC_DIR, Pages
from chainkg.publication import load_publication
from chainkg.qa.loader import load_answerer
from chainkg.query_worker import QueryPool
from chainkg.search.encoder import open_encoder
from chainkg.search.index import SearchIndex
from chainkg.settings import Settings
from chainkg.store import OxigraphStore
from chainkg.views import Views


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new app serving the current build of ``settings.root``."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # resolve the build once: a rebuild swapping var/current must not mix two builds
        build_dir = settings.current_build.resolve()
        app.state.settings = settings
        app.state.build_dir = build_dir
        app.state.store = OxigraphStore.open(build_dir / "store")
        app.state.service_descriptions = {}  # (endpoint, media type) → body, for this build
        manifest = build_dir / "manifest.json"
        app.state.manifest = json.loads(manifest.read_text(encoding="utf-8")) \
            if manifest.exists() else {}
        # the query workers boot in their own processes while the model loads here
        app.state.query_pool = QueryPool(build_dir / "store", workers=settings.query_workers,
                                         timeout_s=settings.query_timeout_s,
                                         isolate_network=settings.isolate_query_network)
        app.state.query_pool.launch()
        encoder = open_encoder(settings.embedding_model, settings.model_cache, threads=1)
        encoder.warm_up()
        app.state.index = SearchIndex.load(build_dir / "index", encoder)
        app.state.answerer = load_answerer(build_dir, app.state.index, app.state.store)
        app.state.query_pool.wait_ready()
        app.state.publication = load_publication(settings, build_dir, app.state.store)
        # the browse/compare/chart views of this build: computed in the background, cached
        app.state.browse_views = Views(app.state.store, build_id=build_dir.name)
        threading.Thread(target=app.state.browse_views.warm_up, name="browse-warm-up", daemon=True).start()
        try:
            yield
        finally:
            app.state.query_pool.close()

    app = FastAPI(title="ChainKG", version="0.1.0", lifespan=lifespan,
                  description="Knowledge graph of the Hangzhou Blockchain Industry Report 2018")
    app.state.pages = Pages()

    @app.get("/health")
    def health() -> dict[str, object]:
        manifest = app.state.manifest
        return {"status": "ok", "build_id": manifest.get("build_id"),
                "triples": manifest.get("counts", {}).get("triples"),
                "store": app.state.build_dir.name}

    app.include_router(sparql_router)
    app.include_router(search_router)
    app.include_router(ask_router)
    app.include_router(linked_data_router)
    app.include_router(dataset_router)
    app.include_router(browse_router)
    app.include_router(ui_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
