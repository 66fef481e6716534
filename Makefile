# Two commands matter: `make run` (serve the CMS locally) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= cms.settings.dev

.PHONY: run setup install services services-stop services-status test audit lint format worker beat bench-importer bench-search bench-api bench-portal bench-faults bench-complaints bench-live fuzz-api

$(VENV)/.installed: requirements/*.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)." >&2; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/dev.txt -r requirements/production.txt -c requirements/constraints.txt
	@touch $@

install: $(VENV)/.installed

## setup: idempotent: virtualenv, packages, migrations, reference data, demo data (once)
setup: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_opds
	$(PY) manage.py load_complaint_categories
	$(PY) manage.py load_search_vocabulary
	$(PY) manage.py load_holidays
	$(PY) manage.py ensure_admin
	@if [ ! -f var/.demo-loaded ]; then $(PY) manage.py load_demo_content && touch var/.demo-loaded; fi

## run: the CMS on the embedded default (SQLite, database search, eager Celery, local media)
# Absolute links (canonical, feeds, sitemap, API urls) and the Wagtail site (synced by
# load_opds in setup) name the host and port served here, unless set in the environment.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: export PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
run: setup
	@$(PY) scripts/check_port.py $(HOST) $(PORT)
	@echo ""
	@echo "  Portal:  http://$(HOST):$(PORT)/"
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/  (user: admin, password: $$(cat var/dev-credentials.txt))"
	@echo "  Demo editors/reviewers such as diskominfo.editor use the same password."
	@echo ""
	@# ASGI, so the admin's live updates stream (cms/live); reloads on code changes.
	$(PY) -m uvicorn cms.asgi:application --host $(HOST) --port $(PORT) --reload \
	  $(foreach dir,cms portal search api frontend-templates,--reload-dir $(dir)) \
	  --timeout-graceful-shutdown 3

## services: start PostgreSQL, Redis, Elasticsearch and the S3 server on loopback
services: install
	@bash scripts/services.sh start

services-stop:
	@bash scripts/services.sh stop

services-status:
	@bash scripts/services.sh status

## fuzz-api: schemathesis from outside against a served API, every check, random seed
fuzz-api: install
	@bash tests/api/fuzz/external.sh $(FUZZ_ARGS)

## test: lint and layer contracts, then the whole suite against the real services
test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	@set -euo pipefail; exports="$$(bash scripts/services.sh start)"; eval "$$exports"; \
	  DJANGO_SETTINGS_MODULE=cms.settings.test $(VENV)/bin/pytest $(PYTEST_ARGS)

## audit: known vulnerabilities in requirements/constraints.txt (needs internet).
## Fails (exit 2) when pip-audit could not check every package, never a false pass.
AUDIT_VENV := var/audit-venv
audit:
	@test -x $(AUDIT_VENV)/bin/pip-audit || { $(PYTHON) -m venv $(AUDIT_VENV) && \
	  $(AUDIT_VENV)/bin/pip install -q pip-audit==2.10.1; }
	$(AUDIT_VENV)/bin/python scripts/audit.py $(AUDIT_VENV)/bin/pip-audit

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## worker / beat: Celery against the broker in CELERY_BROKER_URL (e.g. after eval "$$(make -s services)")
worker:
	$(VENV)/bin/celery -A cms worker -l info -Q sipanganten

beat:
	$(VENV)/bin/celery -A cms beat -l info

## bench-importer: importer benchmark, 10,000 items into a scratch PostgreSQL database (naive vs optimised, 3 interleaved rounds, medians)
bench-importer: install
	@set -euo pipefail; exports="$$(bash scripts/services.sh start)"; eval "$$exports"; \
	  $(PY) bench/importer/run.py $(BENCH_ARGS)

## bench-search: reindex vs raw bulk, API and portal vs direct _search throughput (1,000 distinct queries, equal concurrency), publish-to-searchable
bench-search: install
	@set -euo pipefail; exports="$$(bash scripts/services.sh start)"; eval "$$exports"; \
	  $(PY) bench/search/run.py $(BENCH_ARGS)

## bench-api: our API uncached vs Wagtail API v2, cached vs a static limit (ASGI, wrk, 10,000 items)
bench-api: install
	@set -euo pipefail; exports="$$(bash scripts/services.sh start)"; eval "$$exports"; \
	  $(PY) bench/api/run.py $(BENCH_ARGS)

## bench-portal: page weight at 375 px (Chromium); server time (ASGI, wrk, many distinct URLs, page cache warm and cold, 3 interleaved rounds) vs a static limit
bench-portal: install
	@set -euo pipefail; exports="$$(bash scripts/services.sh start)"; eval "$$exports"; \
	  $(PY) bench/portal/run.py $(BENCH_ARGS)

## bench-faults: real outages (Redis, PostgreSQL, Elasticsearch, worker SIGKILL) of a
## private service set under load: 5xx served and time to full catch-up per outage
bench-faults: install
	@set -euo pipefail; exports="$$(bash scripts/services.sh start s3)"; eval "$$exports"; \
	  $(PY) bench/faults/run.py $(BENCH_ARGS)

## bench-complaints: the verification queue at 1,000 vs 100,000 reports (latency
## ratio over interleaved rounds, query count equal) and submissions/s vs a static
## limit, ASGI (gunicorn + uvicorn workers), in two scratch PostgreSQL databases
bench-complaints: install
	@set -euo pipefail; exports="$$(bash scripts/services.sh start)"; eval "$$exports"; \
	  $(PY) bench/complaints/run.py $(BENCH_ARGS)

## bench-live: live admin, event -> the reviewer's screen in Chromium (p50/p95 over
## 50 events vs Wagtail's polling) and live connections per uvicorn worker per MiB
bench-live: install
	@set -euo pipefail; exports="$$(bash scripts/services.sh start)"; eval "$$exports"; \
	  $(PY) bench/live/run.py $(BENCH_ARGS)
