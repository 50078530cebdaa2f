"""Health checks for /healthz: database, Redis, and the heartbeats workers and beat record.

/healthz is public and polled often, so it only reads: one `SELECT 1` and one Redis round trip.
Workers write their own heartbeat (Celery's `heartbeat_sent`, every 2 s) into a sorted set and beat
schedules a task whose run is recorded too; a live broadcast ping would hold a web worker for its
whole timeout on every call.
"""

import time
from functools import lru_cache

import redis
from django.conf import settings
from django.db import connection

HEARTBEAT_KEY = "needlepoint:beat-heartbeat"
BEAT_STALE_AFTER = 120  # seconds; beat sends a heartbeat every 30
WORKER_HEARTBEATS_KEY = "needlepoint:worker-heartbeats"  # sorted set: hostname -> unix time
WORKER_STALE_AFTER = 30  # seconds; a worker records one every 2
WORKER_FORGET_AFTER = 24 * 3600  # entries of workers gone this long are dropped


@lru_cache(maxsize=4)
def _client(url: str) -> redis.Redis:
    # Short timeouts: a dead Redis must not hold a request (or the worker's event loop).
    return redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)


def redis_client() -> redis.Redis:
    return _client(settings.CELERY_BROKER_URL)


def worker_heartbeat_record(*, hostname: str, now: float | None = None) -> None:
    """Called in the worker on every Celery heartbeat; also forgets long-gone workers."""
    now = time.time() if now is None else now
    pipe = redis_client().pipeline(transaction=False)
    pipe.zadd(WORKER_HEARTBEATS_KEY, {hostname: now})
    pipe.zremrangebyscore(WORKER_HEARTBEATS_KEY, "-inf", now - WORKER_FORGET_AFTER)
    pipe.expire(WORKER_HEARTBEATS_KEY, WORKER_FORGET_AFTER)
    pipe.execute()


def worker_heartbeat_forget(*, hostname: str) -> None:
    """A worker shutting down cleanly is no longer counted as live."""
    redis_client().zrem(WORKER_HEARTBEATS_KEY, hostname)


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return {"ok": True, "vendor": connection.vendor}
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return {"ok": False, "error": type(error).__name__}


def _age(timestamp, now: float) -> float | None:
    return None if timestamp is None else round(now - float(timestamp), 1)


def check_redis_worker_beat() -> dict:
    """Redis, worker and beat from one pipelined round trip; no host names in the answer."""
    started = time.perf_counter()
    now = time.time()
    try:
        pipe = redis_client().pipeline(transaction=False)
        pipe.ping()
        pipe.zrevrange(WORKER_HEARTBEATS_KEY, 0, 0, withscores=True)
        pipe.zcount(WORKER_HEARTBEATS_KEY, now - WORKER_STALE_AFTER, "+inf")
        pipe.get(HEARTBEAT_KEY)
        _, newest, live, beat = pipe.execute()
    except Exception as error:  # noqa: BLE001
        down = {"ok": False, "error": "redis unavailable"}
        return {
            "redis": {"ok": False, "error": type(error).__name__},
            "worker": {**down, "live": 0, "last_heartbeat_age_s": None},
            "beat": {**down, "last_heartbeat_age_s": None},
        }
    latency = round((time.perf_counter() - started) * 1000, 1)
    beat_age = _age(beat, now)
    return {
        "redis": {"ok": True, "latency_ms": latency},
        "worker": {
            "ok": live > 0,
            "live": live,
            "last_heartbeat_age_s": _age(newest[0][1], now) if newest else None,
        },
        "beat": {
            "ok": beat_age is not None and beat_age < BEAT_STALE_AFTER,
            "last_heartbeat_age_s": beat_age,
        },
    }


def check_beat() -> dict:
    return check_redis_worker_beat()["beat"]


def worker_details() -> list[dict]:
    """Every recorded worker with its heartbeat age, for staff only."""
    now = time.time()
    entries = redis_client().zrevrange(WORKER_HEARTBEATS_KEY, 0, -1, withscores=True)
    return [
        {
            "hostname": name.decode(),
            "last_heartbeat_age_s": _age(score, now),
            "live": now - score < WORKER_STALE_AFTER,
        }
        for name, score in entries
    ]
