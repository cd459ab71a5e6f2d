# Set-up is automatic: every target that needs Python creates .venv and installs the pinned set
# it needs on first use (and again whenever that requirements file changes). Three sets, all
# generated from uv.lock by `make lock`: runtime (build and preview), lint, test (everything).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-runtime
LINT_STAMP := $(VENV)/.installed-lint
TEST_STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build validate lint lock test linkcheck linkcheck-external lighthouse schemas translations translations-ack bench clean new search cms cms-config

$(VENV)/.installed-%: requirements/%.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $<
	touch $@

serve: $(STAMP) ## build and serve on http://127.0.0.1:8000 with live reload
	HUB_PREVIEW=true $(BIN)/python scripts/serve.py --dev-addr 127.0.0.1:8000

build: $(STAMP) ## strict build into site/; on any error the previous site/ stays as it was
	$(BIN)/python scripts/build.py

validate: $(STAMP) ## data and front-matter checks only (fast, no build)
	$(BIN)/python scripts/validate.py

lint: $(LINT_STAMP) ## the pre-commit checks, offline: YAML style, spelling, Python, whitespace, lock
	$(BIN)/yamllint --strict .
	$(BIN)/codespell
	$(BIN)/ruff check hooks scripts tests bench
	$(BIN)/ruff format --check --quiet hooks scripts tests bench
	$(BIN)/mypy
	$(BIN)/python scripts/check_whitespace.py
	$(BIN)/python scripts/lint_workflows.py
	$(BIN)/python scripts/lock.py check

lock: $(LINT_STAMP) ## after editing pyproject.toml: re-lock (uv.lock) and regenerate requirements/
	$(BIN)/python scripts/lock.py write

test: lint $(TEST_STAMP) ## everything CI runs
	$(BIN)/python scripts/validate.py
	$(BIN)/python scripts/schemas.py verify
	$(BIN)/python scripts/cms_config.py verify
	$(BIN)/python -m pytest
	$(BIN)/python scripts/lighthouse.py --ci --build

linkcheck: $(TEST_STAMP) ## internal links and anchors of a fresh build, served on 127.0.0.1
	$(BIN)/python -m pytest tests/build/test_links.py

linkcheck-external: build ## external links too (needs internet; not run in CI)
	$(BIN)/python scripts/check_links.py --external

# ARGS passes options on, e.g. make lighthouse ARGS="--markdown /tmp/lighthouse.md --only glossary".
lighthouse: build ## Lighthouse (mobile) on every page type in both languages, median of 3, gzip-served; fails below 95/100/100/100
	$(BIN)/python scripts/lighthouse.py $(ARGS)

new: $(STAMP) ## start a draft: make new KIND=organisation|service|event|contact|news|guide ID=<id>
	@$(BIN)/python scripts/new.py -- "$(KIND)" "$(ID)"

translations: $(STAMP) ## status of every English page: missing, unacknowledged, outdated, current
	$(BIN)/python scripts/translations.py status

translations-ack: $(STAMP) ## record that FILE=docs/en/<path>.md translates the current German page
	$(BIN)/python scripts/translations.py ack $(FILE)

cms: $(STAMP) ## web editor on http://127.0.0.1:8000/admin/, saving into this working copy (no GitHub)
	$(BIN)/python scripts/cms.py

cms-config: $(STAMP) ## regenerate the web editor's configuration (tools/cms/config.yml) from the models
	$(BIN)/python scripts/cms_config.py generate

schemas: $(STAMP) ## regenerate schemas/ from the data models
	$(BIN)/python scripts/schemas.py generate

# LANG is also the locale variable of most shells: anything but a site language means German.
search: $(STAMP) ## search the built site/ as a browser does: make search Q="Benannte Stelle" LANG=de
	@test -f site/pagefind/pagefind-entry.json || $(MAKE) build
	@$(BIN)/python scripts/search.py --lang "$(if $(filter de en,$(LANG)),$(LANG),de)" -- "$(Q)"

bench: $(STAMP) ## benchmarks: validate 1,000 organisations; build 100 / 1,000 / 3,000; preview edit-to-reload
	$(BIN)/python bench/validate.py
	$(BIN)/python bench/build.py
	$(BIN)/python bench/preview.py --compare

clean:
	rm -rf site .site-build-* .pytest_cache
