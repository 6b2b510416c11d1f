# The documented entry points: `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test test-postgres test-fast install install-test chromium office lint lock bench clean messages

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/pip install -q -r requirements-test.lock
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Browser tests drive Debian's chromium through Playwright (no browser download).
chromium:
	@scripts/ensure-chromium.sh

# PDF export: LibreOffice converts the DOCX; poppler-utils and the Liberation fonts too.
office:
	@scripts/ensure-office.sh

# The demo's sealing key (var/sealing.keys, made once) unless the environment names one.
DEMO_ENV = env $$(scripts/demo-keys.sh)

run: install office
	$(DEMO_ENV) $(BIN)/binhdang migrate --noinput
	$(BIN)/binhdang collectstatic --noinput -v0
	$(DEMO_ENV) $(BIN)/binhdang demo
	$(DEMO_ENV) PORT=$(PORT) scripts/serve.sh

# Tests first, so a style slip does not hide test results; lint still fails the run.
test: install-test chromium office
	$(BIN)/pytest
	$(BIN)/ruff check binhdang $(wildcard benchmarks)

test-fast: install-test
	$(BIN)/pytest -m "not browser"

# The whole suite again against a real PostgreSQL server started for the run.
test-postgres: install-test chromium office
	scripts/with-postgres.sh $(BIN)/pytest

lint: install-test
	$(BIN)/ruff check binhdang $(wildcard benchmarks)

bench: install-test
	$(BIN)/python benchmarks/roster_import.py
	$(BIN)/python benchmarks/plan_documents.py
	$(BIN)/python benchmarks/campaign_board.py
	$(BIN)/python benchmarks/aggregation.py
	$(BIN)/python benchmarks/consolidation.py
	$(BIN)/python benchmarks/review.py

# Re-pin every dependency after editing pyproject.toml.
lock:
	rm -rf /tmp/binhdang-lock && $(PY) -m venv /tmp/binhdang-lock
	/tmp/binhdang-lock/bin/pip install -q -e . && /tmp/binhdang-lock/bin/pip freeze --exclude-editable \
	  | grep -vi binhdang > requirements.lock.tmp
	(echo "# Exact versions installed by 'make run'. Regenerate with 'make lock'."; cat requirements.lock.tmp) > requirements.lock
	/tmp/binhdang-lock/bin/pip install -q -e '.[test]' && /tmp/binhdang-lock/bin/pip freeze --exclude-editable \
	  | grep -vi binhdang | grep -vxF -f requirements.lock.tmp > requirements-test.tmp
	(echo "# Exact versions of the test tools, on top of requirements.lock ('make test')."; \
	  echo "-r requirements.lock"; cat requirements-test.tmp) > requirements-test.lock
	rm -f requirements.lock.tmp requirements-test.tmp

# Re-extract the translatable strings for English and compile them (needs GNU gettext).
messages: install
	cd binhdang && ../$(BIN)/binhdang makemessages -l en --ignore=.venv/* && ../$(BIN)/binhdang compilemessages -l en

clean:
	rm -rf $(VENV) var test-artifacts
