# Two commands do all the set-up on a fresh Debian machine with Python 3.11:
#   make run    virtual environment, install, compile translations, serve on http://127.0.0.1:5000 (ADVISOR_PORT)
#   make check  the quick tests (rules, content, API, pages, i18n) in under a minute: no browser, nothing slow
#   make test   the same plus test dependencies, Chromium and nginx, then ruff and every test
#   make serve  the production stack: nginx in front of gunicorn on http://127.0.0.1:8000 (ADVISOR_PORT)
#   make reload new code and content in the running make serve, without dropping a request
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CATALOGUES := advisor/translations
RUN_PORT := $(or $(ADVISOR_PORT),5000)
export FLASK_APP := wsgi

.PHONY: run check test serve reload bench goldens translations extract chromium nginx lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

# A catalogue is compiled when its .po is newer than its .mo, never rewritten otherwise: pybabel writes the .mo in
# place, and `make serve` started by a test (tests/web/test_production_stack.py) would otherwise rewrite it while
# the other test process (make test runs two) reads it.
translations: $(patsubst %.po,%.mo,$(wildcard $(CATALOGUES)/*/LC_MESSAGES/messages.po))

$(CATALOGUES)/%/LC_MESSAGES/messages.mo: $(CATALOGUES)/%/LC_MESSAGES/messages.po | $(VENV)/.runtime
	$(BIN)/pybabel compile -d $(CATALOGUES) -l $* --statistics 2>&1 | tail -n 2

run: $(VENV)/.runtime translations
	$(BIN)/flask policy check
	$(BIN)/flask run --host 127.0.0.1 --port $(RUN_PORT)

# Production: nginx (deploy/nginx.conf) in front of ADVISOR_INSTANCES gunicorn instances (default 2;
# advisor/serving/gunicorn_conf.py) on 127.0.0.1:8000, ADVISOR_PORT to change it; Ctrl-C stops them all.
# make reload (or SIGHUP to the serve process or its process group) starts new instances with the code and files
# as they are now, checks them, switches nginx to them and retires the old ones; a refusal keeps the old ones.
# Run make reload with the same ADVISOR_PORT, ADVISOR_HOST and ADVISOR_RUNTIME_DIR as make serve.
# See advisor/serving/serve.py and docs/deployment.md.
serve: $(VENV)/.runtime translations nginx
	$(BIN)/flask policy check
	exec $(BIN)/python -m advisor.serving.serve

reload: $(VENV)/.runtime translations
	exec $(BIN)/python -m advisor.serving.serve reload

# Throughput and latency under wrk through the production stack, page weight and live recalculation in Chromium.
bench: $(VENV)/.dev translations chromium nginx
	$(BIN)/python bench/run.py

# Debian's Chromium for the browser tests, and a Chinese font so zh pages render (and are measured)
# as people see them; installed with apt when missing (needs root).
BROWSER_PACKAGES := chromium fonts-noto-cjk
chromium:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; \
	  else echo "Install the browser test packages: sudo apt-get install $(BROWSER_PACKAGES)" >&2; exit 1; fi; \
	fi

# Debian's nginx for make serve (and the test that starts it), installed with apt when missing (needs root).
# Only the binary and /etc/nginx/mime.types are used; make serve runs its own nginx as the current user.
nginx:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  else echo "Install nginx: sudo apt-get install nginx" >&2; exit 1; fi; \
	fi

# The golden file of every page state (tests/web/test_goldens.py); regenerate only after a deliberate change to
# what pages say, and read the diff (bench/render_states.py write DIR, before and after).
goldens: $(VENV)/.runtime translations
	$(BIN)/python bench/render_states.py golden tests/goldens/pages.json.xz

# The loop while editing: every test but those marked browser (Chromium) or slow (property sweeps, schemathesis,
# real nginx and gunicorn, pip-audit; see pyproject.toml). make test runs them all.
check: $(VENV)/.dev translations
	$(BIN)/python -m pytest -q -m "not browser and not slow"

# Every test, in two processes (pytest-xdist). Not --dist loadfile or loadgroup: under them schemathesis ran only
# its first operation (its operations are subtests of one test), and said nothing.
test: $(VENV)/.dev translations chromium nginx lint
	$(BIN)/python -m pytest -n 2

# Re-extract the messages after changing user-facing strings, then translate the new entries.
extract: $(VENV)/.runtime
	$(BIN)/pybabel extract --no-location --omit-header --sort-output -F babel.cfg -k _l -k lazy_gettext \
	  --add-comments=TRANSLATORS: -o $(CATALOGUES)/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching -i $(CATALOGUES)/messages.pot -d $(CATALOGUES)

# ruff with the rules pyproject.toml selects; part of make test.
lint: $(VENV)/.dev
	$(BIN)/ruff check advisor tests bench wsgi.py

clean:
	rm -rf $(VENV) $(CATALOGUES)/*/LC_MESSAGES/*.mo
