# The two commands that set up everything on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench demo clean messages

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $@

# The main job: the workbench in a browser on the bundled demo dialogue, at
# http://127.0.0.1:8000 (the demo logins are printed; stop it with Ctrl+C).
run: $(STAMP)
	$(BIN)/backchannel serve --demo

# pytest runs with a throwaway PostgreSQL server (BACKCHANNEL_TEST_PG_URL), stopped afterwards
# even when a test fails; the store's tests run on SQLCipher and on PostgreSQL.
test: $(DEVSTAMP)
	bash scripts/test-deps.sh
	bash scripts/pg-test-server.sh run -- $(BIN)/python -m pytest

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# The web workbench's strings: extract them, then merge them into every language's catalog
# (src/backchannel/locale/*/LC_MESSAGES/messages.po); translate what comes out empty.
messages: $(DEVSTAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ --add-comments TRANSLATORS: --no-location --omit-header \
		-o src/backchannel/locale/messages.pot .
	$(BIN)/pybabel update -i src/backchannel/locale/messages.pot \
		-d src/backchannel/locale --no-fuzzy-matching --omit-header

bench: $(DEVSTAMP)
	for b in bench/*_bench.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) demo-out
