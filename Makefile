# The two commands: `make run` (the whole product on http://127.0.0.1:8000) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-stamp

.PHONY: run test install lint check bench clean build serve load

$(INSTALLED): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(INSTALLED)

install: $(INSTALLED)

run: $(INSTALLED)
	@bash scripts/system-deps.sh run
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) -m config.devserver run

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(INSTALLED)
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

test: $(INSTALLED)
	@bash scripts/system-deps.sh test
	$(MAKE) --no-print-directory lint check
	$(PY) -m pytest -m "not postgres" $(PYTEST_ARGS)
	DATABASE_URL=$$(bash scripts/postgres.sh) $(PY) -m pytest -m postgres -p no:cacheprovider $(PYTEST_ARGS)

bench: $(INSTALLED)
	$(PY) -m pytest tests/bench/bench_pages.py tests/bench/bench_quizzes.py tests/bench/bench_import.py tests/bench/bench_gradebook.py -q -s -p no:cacheprovider $(PYTEST_ARGS)
	@bash scripts/system-deps.sh bench
	DATABASE_URL=$$(bash scripts/postgres.sh) $(PY) -m pytest tests/bench/bench_certificates.py tests/bench/bench_item_analysis.py -q -s -p no:cacheprovider $(PYTEST_ARGS)
	$(PY) -m tests.bench.http_pages $(BENCH_HTTP_ARGS)

# The production shape on this machine (README "Running in production"): PostgreSQL, a Redis of its
# own, WEB_PROCESSES gunicorn masters from WEB_PORT (8000), WORKER_PROCESSES Celery workers, one beat.
build: $(INSTALLED)
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY="$$($(PY) -m scripts.stack secret-key)" \
		$(PY) manage.py collectstatic --noinput --verbosity=1

serve: build
	@bash scripts/system-deps.sh run
	$(PY) -m scripts.serve

# Load test (README "Load test"): N simulated trainees per run, each run on the production shape.
N ?= 50,150,300
load: build
	@bash scripts/system-deps.sh run
	$(PY) -m tests.load.run --trainees $(N)

clean:
	rm -rf var/db.sqlite3 var/media var/private var/mail var/celerybeat-schedule*
