# ChainKG — `make run` (fresh machine → server on http://127.0.0.1:8000) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
INPUTS := $(wildcard data/facts/*.yaml data/reference/*.csv ontology/*.ttl) data/source/hangzhou-blockchain-report-2018.txt

FRONTEND := frontend/node_modules/.package-lock.json

.PHONY: run install build test lint typecheck unit clean frontend browser

run: build frontend
	$(BIN)/chainkg serve --host $(HOST) --port $(PORT)

install: $(STAMP)

# torch is pinned to the CPU wheel (constraints.txt); Java runs the HermiT reasoner.
$(STAMP): pyproject.toml constraints.txt
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# The web UI's front-end libraries (CodeMirror), exactly as package-lock.json pins them; served
# from frontend/node_modules, never copied into the repository. Pages work without them.
frontend: $(FRONTEND)

$(FRONTEND): frontend/package.json frontend/package-lock.json
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm)
	cd frontend && npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium drives the browser tests (Playwright cannot download its own browser here);
# the CJK fonts make the screenshots readable.
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)
	@dpkg -s fonts-noto-cjk >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk)

build: var/current/manifest.json

var/current/manifest.json: $(STAMP) $(INPUTS)
	$(BIN)/chainkg build

lint: $(STAMP)
	$(BIN)/ruff check src api tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) frontend browser
	$(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
