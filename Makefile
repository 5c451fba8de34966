# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test bench clean

# Re-install only when a requirements file changes.
$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed requirements-test.txt
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

serve: $(BIN)/.installed  ## Serve at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed  ## Build the site into site/
	$(BIN)/mkdocs build --strict

check: $(BIN)/.installed  ## Fast content checks for editors (no browser)
	$(BIN)/python scripts/check_content.py

test: $(BIN)/.installed-test check  ## Everything CI runs
	$(BIN)/python -m pytest

bench: $(BIN)/.installed-test  ## Lighthouse and build-time benchmark (not a test)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site $(VENV)
