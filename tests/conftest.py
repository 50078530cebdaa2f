import os
import subprocess

import pytest
from django.db import connection

from tests.factories import UserFactory, build_course, wagtail_initial_data

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": "/usr/bin/chromium", "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def redis_url():
    """A real redis-server on loopback for the whole session, stopped by PID afterwards."""
    from config.devserver import free_port, start_redis

    port = free_port()
    process = start_redis(port)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def use_redis(settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url
    settings.REDIS_URL = redis_url
    from config.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = redis_url
    _drop_broker_pools(app)
    yield redis_url
    app.conf.broker_url = previous
    _drop_broker_pools(app)


def _drop_broker_pools(app):
    """Eager .delay() still opens the producer pool, bound to the broker URL of that moment; an
    earlier eager test would otherwise leave this test queueing to the default Redis port."""
    app._pool = None  # kombu keeps one pool per URL; the next use picks the right one
    app.amqp._producer_pool = None


@pytest.fixture
def trainee(db):
    return UserFactory()


@pytest.fixture
def course(db):
    return build_course(modules=2, lessons_per_module=2)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in a process-wide cache; each test starts from zero."""
    from django.core.cache import caches

    caches["ratelimit"].clear()
    yield


@pytest.fixture(autouse=True)
def _no_kept_outlines():
    """Kept course outlines and trainee views (courses/outline_cache.py, trainee_cache.py)
    outlive a test's rolled-back database; each test starts without them."""
    from courses import outline_cache, trainee_cache

    outline_cache.forget_all()
    trainee_cache.forget_all()
    yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """On PostgreSQL keep the test database as a fresh deployment has it: never analysed.

    A demo-sized deployment never crosses autovacuum's analyse threshold; switching autovacuum off
    here stops it from analysing tables mid-run, so tests/courses/test_fresh_database_plans.py
    always sees the planner as a new deployment does, whatever ran before it.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                for (table,) in cursor.fetchall():
                    cursor.execute(f'ALTER TABLE "{table}" SET (autovacuum_enabled = false)')
    yield


@pytest.fixture(
    params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def on_each_database(request):
    """Run a test in both passes of make test: SQLite, then the postgres-marked PostgreSQL pass."""
    if connection.vendor != request.param:
        pytest.skip(f"runs in the {request.param} pass of make test")
    wagtail_initial_data()  # an earlier transactional test may have flushed Wagtail's root page
