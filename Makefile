# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check strip-photos test screenshots bench lock clean

# Re-install only when a requirements file changes. Every package, down to
# the last dependency, must match a hash in the file (`make lock` writes them).
$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

# Test tools: Python packages, and the Nu HTML Checker from the npm registry.
$(BIN)/.installed-test: $(BIN)/.installed requirements-test.txt tests/tools/package-lock.json
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.txt
	npm ci --silent --no-audit --no-fund --prefix tests/tools
	touch $@

# The content editor at /admin/ (Sveltia CMS and its fonts, pinned in
# admin/package-lock.json). Without npm the site is built without it.
ADMIN := admin/node_modules/.installed
$(ADMIN): admin/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --silent --no-audit --no-fund --prefix admin && touch $@; \
	else echo "npm not found: the content editor at /admin/ is left out"; fi

serve: $(BIN)/.installed $(ADMIN)  ## Serve at http://127.0.0.1:8000 with drafts shown; reloads on docs/, data/, overrides/, hooks/, mkdocs.yml
	CPC_PREVIEW=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --watch hooks

build: $(BIN)/.installed $(ADMIN)  ## Build the site into site/
	$(BIN)/mkdocs build --strict

check: $(BIN)/.installed  ## Fast content checks for editors (no browser)
	$(BIN)/python scripts/check_content.py

strip-photos: $(BIN)/.installed  ## Remove position and camera data from the photos in docs/ that `make check` refuses
	$(BIN)/python scripts/strip_photos.py

test: $(BIN)/.installed-test $(ADMIN) check  ## Everything CI runs
	$(BIN)/python -m pytest

screenshots: $(BIN)/.installed-test $(ADMIN)  ## Screenshots of every page kind to test-output/screenshots/
	CPC_SCREENSHOTS=1 $(BIN)/python -m pytest -m screenshots tests/browser/test_screenshots.py

bench: $(BIN)/.installed-test  ## Size, speed and Lighthouse measurements (not a test)
	$(BIN)/python scripts/bench.py

lock: $(BIN)/.installed-test  ## Re-pin requirements*.txt with hashes from requirements*.in
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-test.txt requirements-test.in

clean:
	rm -rf site $(VENV) admin/node_modules
