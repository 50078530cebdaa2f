import os
import subprocess

import pytest

from tests.factories import UserFactory, build_course

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
    yield redis_url
    app.conf.broker_url = previous


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
