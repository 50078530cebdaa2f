"""Health checks for /healthz: database, Redis, Celery worker and beat."""

import time
from functools import lru_cache

import redis
from celery import Celery
from django.conf import settings
from django.db import connection

HEARTBEAT_KEY = "needlepoint:beat-heartbeat"
BEAT_STALE_AFTER = 120  # seconds; beat sends a heartbeat every 30


def redis_client():
    return redis.Redis.from_url(
        settings.CELERY_BROKER_URL, socket_connect_timeout=1, socket_timeout=1
    )


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return {"ok": True, "vendor": connection.vendor}
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return {"ok": False, "error": type(error).__name__}


def check_redis() -> dict:
    try:
        started = time.perf_counter()
        redis_client().ping()
        return {"ok": True, "latency_ms": round((time.perf_counter() - started) * 1000, 1)}
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "error": type(error).__name__}


@lru_cache(maxsize=4)
def _control_app(broker_url: str) -> Celery:
    """A bare Celery app for broadcasts, bound to the broker URL the settings name right now."""
    return Celery("healthz", broker=broker_url, set_as_current=False)


def check_worker(timeout: float = 1.0) -> dict:
    try:
        replies = _control_app(settings.CELERY_BROKER_URL).control.ping(timeout=timeout) or []
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "error": type(error).__name__, "workers": []}
    workers = sorted(name for reply in replies for name in reply)
    return {"ok": bool(workers), "workers": workers}


def check_beat() -> dict:
    try:
        value = redis_client().get(HEARTBEAT_KEY)
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "error": type(error).__name__}
    if value is None:
        return {"ok": False, "last_heartbeat_age_s": None}
    age = round(time.time() - float(value), 1)
    return {"ok": age < BEAT_STALE_AFTER, "last_heartbeat_age_s": age}
