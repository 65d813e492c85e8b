# Two commands on a fresh machine: `make demo` and `make test`.
# Each creates .venv when missing and installs what it needs; a second run only
# reinstalls when pyproject.toml has changed.

SHELL := bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# pip prints a warning per package for this machine's local index mirrors; hide only those.
QUIET_PIP := grep -v "is ignored: it is neither a file nor a directory" || true
DEMO_INPUT ?= examples/saltmarsh-2025/mixed
DEMO_OUT ?= out/demo

.PHONY: demo test lint format bench clean help browser

help:
	@echo "make demo   - install and analyse the bundled example into $(DEMO_OUT)/"
	@echo "make test   - install dev tools, lint, type-check and run the test suite"
	@echo "make lint   - ruff and mypy only"
	@echo "make bench  - the speed and quality benchmarks (slow; see benchmarks/README.md)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip 2>&1 | $(QUIET_PIP)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e . 2>&1 | $(QUIET_PIP)
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]' 2>&1 | $(QUIET_PIP)
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	@mkdir -p $(DEMO_OUT)
	$(BIN)/rashomon analyze $(DEMO_INPUT) --db $(DEMO_OUT)/rashomon.db -o $(DEMO_OUT)/report.json
	$(BIN)/rashomon analyze $(DEMO_INPUT) --db $(DEMO_OUT)/rashomon.db -o $(DEMO_OUT)/report.md --quiet
	$(BIN)/rashomon analyze $(DEMO_INPUT) --db $(DEMO_OUT)/rashomon.db -o $(DEMO_OUT)/report.html --quiet
	@echo "reports: $(DEMO_OUT)/report.json $(DEMO_OUT)/report.md $(DEMO_OUT)/report.html"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests benchmarks examples
	$(BIN)/mypy

format: $(VENV)/.installed-dev
	$(BIN)/ruff format src tests benchmarks examples
	$(BIN)/ruff check --fix .

# The browser tests drive Debian's chromium through Playwright; never a downloaded browser.
# As root with apt-get (CI, a fresh machine) it is installed here; otherwise they skip and say why.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get install -y -q chromium >/dev/null 2>&1 || \
	  { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; \
	fi

test: lint browser
	$(BIN)/pytest -q

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,bench]' 2>&1 | $(QUIET_PIP)
	touch $(VENV)/.installed $(VENV)/.installed-dev $@

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/extraction/score.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/quality/attributions.py
	$(BIN)/python benchmarks/compare.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
