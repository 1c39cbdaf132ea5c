# The guide's two commands: `make docs` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
INSTALLED := $(VENV)/.installed
BUILD ?= _build
SITE := $(BUILD)/html
export GUIDE_BUILD_DIR := $(abspath $(BUILD))
PYTEST := $(BIN)/python -m pytest
# One worker per core. A third worker on 2 cores fills the idle time (9 CPU-seconds idle
# instead of 30) but adds more work than it fills: its own services, fork servers and
# zygotes, and the contention (the whole suite, twice each: -n 3 took 191-192 s and
# 373-375 CPU-seconds, -n 2 180-187 s and 329-342). worksteal keeps every worker busy
# when tests differ in length.
JOBS := $(shell nproc 2>/dev/null || echo 2)
WORKERS := -n $(JOBS) --dist worksteal
# Python may write .pyc files for the guide's own modules: every kernel, check process and child
# pytest imports them, and a fresh clone has none (the venv's are compiled when it is made).
unexport PYTHONDONTWRITEBYTECODE
# The browser tests: two workers, each with a Chromium of its own (about 3 CPU-seconds to start
# one); beside the version matrix, as `make test` runs them, two finished in 32-34 s, three in 39-41 s.
BROWSER_WORKERS := -n 2 --dist worksteal
# No -j: under parallel reading, a notebook that fails surfaces as "Sphinx parallel build
# error!" without its cell's traceback. The notebooks the cache lacks are executed side by
# side all the same, before reading (docs/_ext/execution_cache.py).
SPHINX := $(BIN)/sphinx-build -n -W --keep-going -b html

.PHONY: help venv system-deps docs docs-force serve lab test test-harness test-notebooks \
        test-site notebook-baselines soak lock bench clean snapshots test-matrix exercises lab-venv \
        browser-deps test-lab test-browser test-built-site screenshots

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

# --- environment -------------------------------------------------------------------------
venv: $(INSTALLED) system-deps  ## Create .venv from the lock and install memcached/redis-server

$(INSTALLED): requirements.lock scripts/make-venv.sh
	@PYTHON=$(PYTHON) UV_VERSION=$(UV_VERSION) scripts/make-venv.sh $(VENV)
	@touch $@

system-deps:  ## Install memcached and redis-server (apt-get, as root) or say how
	@scripts/system-deps.sh

lock:  ## Re-resolve requirements.in into requirements.lock (needs the network)
	$(BIN)/uv pip compile requirements.in --python-version 3.11 \
	  --excludes requirements-excludes.txt -o requirements.lock
	$(BIN)/uv pip compile requirements-lab.in --python-version 3.11 \
	  --excludes requirements-excludes.txt -o requirements-lab.lock

# --- site --------------------------------------------------------------------------------
docs: venv  ## Execute the notebooks (cached) and build the site into _build/html
	$(SPHINX) -d $(BUILD)/doctrees . $(SITE)
	@echo; echo "Site built: open file://$(abspath $(SITE))/index.html  (or: make serve)"

docs-force: venv  ## Re-execute every notebook and rebuild the site from scratch
	rm -rf $(BUILD)/.jupyter_cache $(BUILD)/jupyter_execute $(SITE) $(BUILD)/doctrees
	$(SPHINX) -E -d $(BUILD)/doctrees . $(SITE)

serve:  ## Serve the built site on http://127.0.0.1:$(PORT)
	@test -f $(SITE)/index.html || $(MAKE) docs
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(SITE) $${PORT:-8000}

# --- lab ---------------------------------------------------------------------------------
# scripts/lab.sh is the one command line, shared with tests/lab: the project's settings from
# jupyter/, run-time state (user settings, workspaces, kernels' files) under $(LAB_STATE).
LAB_STATE ?= .lab
LAB_ARGS ?=
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

lab: venv lab-venv  ## Open the repository in JupyterLab on notebooks/ (chapters open as notebooks)
	LAB_STATE=$(LAB_STATE) scripts/lab.sh $(LAB_ARGS)

# Every time (a no-op in milliseconds): re-creating .venv from requirements.lock removes them.
lab-venv: venv  ## Install JupyterLab and jupytext into .venv (requirements-lab.lock)
	@# --no-deps: the lab lock is complete and, like the main lock, leaves rfc3987-syntax out.
	@$(BIN)/uv pip install -q --no-deps --compile-bytecode -p $(BIN)/python -r requirements-lab.lock

browser-deps:  ## Install chromium for tests/lab and tests/browser (apt-get, as root) or say how
	@scripts/browser-deps.sh

test-lab: lab-venv browser-deps  ## JupyterLab in a real browser: a chapter opens as a notebook and runs a cell
	$(PYTEST) tests/lab

# --- tests -------------------------------------------------------------------------------
# --snapshot-ci: a missing snapshot fails the run instead of being written (`make snapshots` records).
# lab-venv, browser-deps: tests/lab drives `make lab`'s JupyterLab in chromium.
# Each notebook executes once: tests/notebooks stores every chapter's run in the site's
# execution cache (docs/_ext/execution_cache.py), so test-site then executes nothing.
test: venv lab-venv browser-deps  ## Run every test: harness, checks, snapshots, notebooks, the lab, a -W site build and every page of it in chromium, the version matrix
	$(PYTEST) $(WORKERS) --snapshot-ci
	@# Side by side, each one's output printed whole when it ends: the matrix takes no longer than the browser tests.
	$(MAKE) --no-print-directory -j2 --output-sync=target test-built-site test-matrix

# (a step of `make test`) the -W site build, then every page of what it built in chromium
test-built-site:
	$(MAKE) --no-print-directory test-site
	$(MAKE) --no-print-directory test-browser SITE_DIR=$(BUILD)/test-site/html

test-harness: venv  ## Tests of the service harness only
	$(PYTEST) tests/harness

test-notebooks: venv  ## Execute every notebook once: outputs vs the baselines, a re-run in the same kernel, two chapters twice at once
	$(PYTEST) $(WORKERS) tests/notebooks

notebook-baselines: venv  ## Re-record the notebooks' output baselines after a real change
	$(PYTEST) $(WORKERS) tests/notebooks --nb-force-regen

N ?= 10
soak: venv  ## Run the notebook tests N times (N=10), every other run with a core kept busy; passes, failures, the first failure's log
	$(BIN)/python scripts/soak.py --runs $(N) --log-dir $(BUILD)/soak -- $(PYTEST) $(WORKERS) tests/notebooks

test-site: venv  ## Build the site with -W into a scratch directory (warnings are errors); it executes only what tests/notebooks did not
	rm -rf $(BUILD)/test-site
	$(SPHINX) -d $(BUILD)/test-site/doctrees . $(BUILD)/test-site/html

# tests/browser open every page of a built site in chromium (served on 127.0.0.1): SITE_DIR
# names the site; `make test` passes the one test-site has just built.
SITE_DIR ?= $(SITE)
test-browser: venv browser-deps  ## Every page of a built site (SITE_DIR=, default _build/html) in chromium: loads, links, layout, interactions
	@test -f $(SITE_DIR)/index.html || { echo "error: no built site in $(SITE_DIR): run make docs, or pass SITE_DIR=<folder>" >&2; exit 1; }
	GUIDE_SITE_DIR=$(abspath $(SITE_DIR)) $(PYTEST) $(BROWSER_WORKERS) tests/browser

screenshots: venv browser-deps  ## A full-page PNG of every page, light and dark, into _build/screenshots (SITE_DIR= as above)
	@test -f $(SITE_DIR)/index.html || $(MAKE) --no-print-directory docs
	$(BIN)/python -m tests.browser.screenshots --site $(SITE_DIR) --out $(BUILD)/screenshots

snapshots: venv  ## Re-record the snapshot files of tests/contrib, then review `git diff tests/snapshots`
	env -u CI $(PYTEST) tests/contrib --snapshot-update

# riot builds one virtualenv per pymemcache version the support policy selects (under .riot/,
# network needed the first time); the test agent and the servers come from .venv and the system.
test-matrix: venv  ## Run tests/contrib/memcached over the pymemcache versions of riotfile.py
	PATH="$(CURDIR)/$(BIN):$$PATH" RIOT_PIP_COMPILE_BACKEND=uv $(BIN)/riot -P run -s memcached

# --- exercise mode -------------------------------------------------------------------------
exercises: venv  ## Write exercise notebooks and your package into exercises/ (FORCE=1: fresh copies)
	$(BIN)/python -m practice exercises $(if $(FORCE),--force)

bench: venv  ## Measure build, test and start-up times and print the figures
	$(BIN)/python -m benchmarks

clean:  ## Remove built output (keeps .venv)
	rm -rf $(BUILD)
