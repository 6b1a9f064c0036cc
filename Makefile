# ChainKG — `make run` (fresh machine → server on http://127.0.0.1:8000) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
INPUTS := $(wildcard data/facts/*.yaml data/reference/*.csv ontology/*.ttl) data/source/hangzhou-blockchain-report-2018.txt

.PHONY: run install build test lint typecheck unit clean

run: build
	$(BIN)/chainkg serve --host $(HOST) --port $(PORT)

install: $(STAMP)

# torch is pinned to the CPU wheel (constraints.txt); Java runs the HermiT reasoner.
$(STAMP): pyproject.toml constraints.txt
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

build: var/current/manifest.json

var/current/manifest.json: $(STAMP) $(INPUTS)
	$(BIN)/chainkg build

lint: $(STAMP)
	$(BIN)/ruff check src api tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
