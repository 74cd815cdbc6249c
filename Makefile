# Regional Training Centre platform. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?= -n 2
HOST ?= 127.0.0.1
PORT ?= 8000
# Production targets use the production settings unless DJANGO_SETTINGS_MODULE says otherwise.
PROD := DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-training_site.settings.production}

.DEFAULT_GOAL := help
.PHONY: help install run serve worker migrate messages compilemessages demo test test-fast e2e lint format bench mutation clean \
	collectstatic gunicorn rqworker backup restore check-deploy

help: ## List the targets with one line each
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

install: $(VENV)/.installed ## Create the virtual environment and install everything

compilemessages: install ## Compile the Arabic and French interface translations
	$(MANAGE) compilemessages --ignore=.venv --ignore='$(VENV)' -v0

messages: install ## Extract interface strings into locale/ar and locale/fr
	$(MANAGE) makemessages -l ar -l fr --ignore=.venv --ignore='$(VENV)' --ignore=var --ignore=tests --no-obsolete --add-location=file -v0

migrate: install ## Apply database migrations
	$(MANAGE) createcachetable
	$(MANAGE) migrate --noinput -v0

demo: migrate ## Load the demo data (idempotent)
	$(MANAGE) seed_demo

run: compilemessages demo ## Install, migrate, load demo data, start the web server and task worker
	@echo ""
	@echo "  Site:     http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  Accounts: password demo-Centre-2026 for each of"
	@echo "            staff@example.org (centre staff), instructor@example.org (instructor),"
	@echo "            trainee@example.org (trainee), focal@example.org (focal point)"
	@echo ""
	@trap 'kill 0' INT TERM EXIT; \
	  $(MANAGE) db_worker & \
	  $(MANAGE) runserver $(HOST):$(PORT)

serve: ## Start only the web server
	$(MANAGE) runserver $(HOST):$(PORT)

worker: ## Start only the task worker (database backend)
	$(MANAGE) db_worker

collectstatic: install ## Collect, compress and fingerprint static files into STATIC_ROOT (whitenoise)
	$(PROD) $(MANAGE) collectstatic --noinput -v1

check-deploy: install ## Check the production settings and environment (manage.py check --deploy)
	$(PROD) $(MANAGE) check --deploy --fail-level WARNING

gunicorn: install ## Start gunicorn with training_site/gunicorn.conf.py (production settings)
	$(PROD) $(BIN)/gunicorn -c training_site/gunicorn.conf.py training_site.wsgi

rqworker: install ## Start one RQ task worker (TASKS_BACKEND=rq, REDIS_URL)
	$(PROD) $(MANAGE) rqworker --job-class django_tasks_rq.Job default

backup: ## Back up the DATABASE_URL database into var/backups/ (pg_dump or sqlite3 .backup)
	bin/backup-db

restore: ## Restore a backup: make restore FILE=var/backups/db-....dump
	bin/restore-db "$(FILE)"

test: compilemessages ## Run the test suite (SQLite by default; DATABASE_URL selects PostgreSQL)
	$(BIN)/pytest $(PYTEST_ARGS)

e2e: compilemessages ## Run only the browser tests (Chromium)
	$(BIN)/pytest -m e2e tests/e2e

lint: install ## Check style with ruff (lint and format)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format and fix the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: compilemessages ## Run the benchmarks and write docs/performance.md
	$(BIN)/python -m tests.benchmarks.run

MUTATION_MIN ?= 90
mutation: compilemessages ## Mutation-test courses/rules/ with its pure tests alone (slow; not in `make test`)
	rm -rf mutants && mkdir -p var
	$(BIN)/mutmut run --max-children 2 > var/mutmut.log 2>&1 || { tail -n 40 var/mutmut.log; exit 1; }
	@$(BIN)/mutmut results
	@$(BIN)/mutmut results --all true | awk -F': ' '{ n[$$2]++; t++ } END { \
	  k = n["killed"] + n["timeout"]; \
	  printf "mutation score: %d of %d mutants killed (%.1f %%), minimum $(MUTATION_MIN) %%\n", k, t, 100 * k / t; \
	  exit (t == 0 || 100 * k < $(MUTATION_MIN) * t) }'

clean: ## Remove the virtual environment, database and generated files
	rm -rf $(VENV) db.sqlite3 var
