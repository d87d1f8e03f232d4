# airdef — run `make help` for the list of targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.airdef-installed
DATA   ?=
OUT    ?= reports

.PHONY: help report sample test lint format bench docs validate clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36mmake %-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: DATA=path/to/file.csv or DATA=synthetic (make report), PYTHON=python3.11 (interpreter for .venv)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "airdef needs Python >= 3.11; run make PYTHON=python3.11 ...")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing airdef and its dependencies into $(VENV) (first run only)..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

report: $(STAMP) ## Build the analyst report (HTML and PDF) in reports/; DATA=file.csv to use your own data
	@$(BIN)/airdef report $(if $(filter public synthetic,$(DATA)),--sample $(DATA),$(DATA)) --out $(OUT)

sample: $(STAMP) ## Rebuild airdef/data/sample/public_reports*.csv from data/public_reports/
	@$(BIN)/python -m airdef.samples.build

test: $(STAMP) ## Run the test suite (unit, property, simulation, real-data and doctests)
	@$(BIN)/python -m pytest -q -n 2 --dist loadfile

lint: $(STAMP) ## Check style with ruff and the import layers with import-linter
	@$(BIN)/ruff check airdef tests bench tools
	@$(BIN)/ruff format --check airdef tests bench tools
	@$(BIN)/lint-imports --no-cache

docs: $(STAMP) ## Build the documentation site (Sphinx) in docs/_build/html, warnings as errors
	@$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html
	@echo "docs/_build/html/index.html"

format: $(STAMP) ## Reformat the code with ruff
	@$(BIN)/ruff format airdef tests bench tools
	@$(BIN)/ruff check --fix airdef tests bench tools

bench: $(STAMP) ## Print benchmarks against statsmodels, scipy and plain pandas
	@$(BIN)/python -m bench

clean: ## Remove the virtual environment, caches and generated reports
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build *.egg-info docs/_build docs/api/generated
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find $(OUT) -mindepth 1 ! -name README.md ! -name .gitkeep -delete 2>/dev/null || true
