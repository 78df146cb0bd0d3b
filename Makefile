# Two commands on a fresh machine with Python >= 3.11:
#   make run    installs the dashboard into .venv and starts it (builds data/kkb.duckdb on first start)
#   make test   installs the test tools into .venv and runs lint, type checks and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint build bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	$(BIN)/streamlit run serve.py

build: $(VENV)/.runtime
	$(BIN)/python -m kkb build

# the national-scale speed benchmark (about 40 minutes; results in bench/out/, see bench/README.md)
bench: $(VENV)/.dev
	PYTHONPATH=. $(BIN)/python bench/run.py $(ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy kkb

# axe-core from the npm registry, for the accessibility scan of the browser tests
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# every test, the browser and national-scale ones too (a bare `pytest` leaves those out: the fast loop,
# on every core), one at a time: the fault drills and the browser tests time real processes
test: lint node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest -m "" -n 0

clean:
	rm -rf $(VENV) data/kkb.duckdb
