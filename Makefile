# The two commands that set up everything on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench demo clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $@

# The main job: build the bundled demo dialogue and every document it can make so far.
run: $(STAMP)
	BACKCHANNEL_PASSPHRASE=$${BACKCHANNEL_PASSPHRASE:-demo-passphrase} $(BIN)/backchannel demo demo-out

test: $(DEVSTAMP)
	bash scripts/test-deps.sh
	$(BIN)/python -m pytest

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: $(DEVSTAMP)
	for b in bench/*_bench.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) demo-out
