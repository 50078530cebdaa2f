import json
import os
import subprocess
import sys
import time

import pytest

from config.devserver import ROOT, free_port
from home import health
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_heartbeats(use_redis):
    """The session's Redis is shared between tests: start without recorded heartbeats."""
    health.redis_client().delete(health.WORKER_HEARTBEATS_KEY, health.HEARTBEAT_KEY)
    yield use_redis
    health.redis_client().delete(health.WORKER_HEARTBEATS_KEY, health.HEARTBEAT_KEY)


@pytest.fixture
def no_celery_ping(monkeypatch):
    """A live Celery ping must never run in the request path: make it slow and loud."""
    calls = []

    def slow_ping(*args, **kwargs):
        calls.append(args)
        time.sleep(2)
        raise AssertionError("/healthz called Celery's control ping")

    monkeypatch.setattr("celery.app.control.Control.ping", slow_ping)
    return calls


def test_healthz_reports_database_and_redis_without_worker(client, fresh_heartbeats):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["redis"]["ok"] is True
    assert body["worker"] == {"ok": False, "live": 0, "last_heartbeat_age_s": None}
    assert body["status"] == "degraded"


def test_healthz_answers_in_milliseconds_without_pinging_celery(
    client, fresh_heartbeats, no_celery_ping, django_assert_max_num_queries
):
    health.worker_heartbeat_record(hostname="celery@web-1")
    client.get("/healthz")  # warm the connection
    started = time.perf_counter()
    for _ in range(20):
        with django_assert_max_num_queries(1):
            response = client.get("/healthz")
    per_call = (time.perf_counter() - started) / 20
    assert no_celery_ping == []
    assert response.json()["worker"]["ok"] is True
    assert per_call < 0.05, f"{per_call * 1000:.0f} ms per /healthz"


def test_healthz_public_answer_names_no_hosts(client, fresh_heartbeats):
    health.worker_heartbeat_record(hostname="celery@db-primary.internal.example")
    response = client.get("/healthz")
    text = response.content.decode()
    assert "internal.example" not in text
    assert "celery@" not in text
    worker = json.loads(text)["worker"]
    assert worker["ok"] is True
    assert worker["live"] == 1
    assert worker["last_heartbeat_age_s"] < 5


def test_a_stale_worker_heartbeat_is_not_a_live_worker(client, fresh_heartbeats):
    old = time.time() - health.WORKER_STALE_AFTER - 5
    health.worker_heartbeat_record(hostname="celery@gone", now=old)
    worker = client.get("/healthz").json()["worker"]
    assert worker["ok"] is False
    assert worker["live"] == 0
    assert worker["last_heartbeat_age_s"] > health.WORKER_STALE_AFTER


def test_staff_detail_lists_worker_hosts_and_others_cannot_see_it(client, fresh_heartbeats):
    health.worker_heartbeat_record(hostname="celery@worker-7")
    assert client.get("/healthz/detail").status_code in (302, 403)
    client.force_login(UserFactory())
    assert client.get("/healthz/detail").status_code in (302, 403)
    client.force_login(UserFactory(is_staff=True))
    body = client.get("/healthz/detail").json()
    assert [w["hostname"] for w in body["workers"]] == ["celery@worker-7"]


def test_healthz_is_degraded_not_down_when_redis_is_down(client, settings, no_celery_ping):
    """Lessons and quizzes do not need Redis: keep the instance in the load balancer."""
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    started = time.perf_counter()
    response = client.get("/healthz")
    assert time.perf_counter() - started < 0.5
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["redis"]["ok"] is False
    assert body["worker"]["ok"] is False
    assert body["database"]["ok"] is True


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    def broken():
        return {"ok": False, "error": "OperationalError"}

    monkeypatch.setattr(health, "check_database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "down"


def test_healthz_sees_a_real_celery_worker_and_beat_heartbeat(
    client, fresh_heartbeats, no_celery_ping
):
    env = {
        **os.environ,
        "REDIS_URL": fresh_heartbeats,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
         "--concurrency=1", "-n", f"healthz-{os.getpid()}@%h", "--loglevel=warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        # The worker records its own heartbeat; /healthz only reads it.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not client.get("/healthz").json()["worker"]["ok"]:
            time.sleep(0.2)
        assert client.get("/healthz").json()["worker"]["live"] == 1
        client.force_login(UserFactory(is_staff=True))
        hosts = [w["hostname"] for w in client.get("/healthz/detail").json()["workers"]]
        assert any(f"healthz-{os.getpid()}" in name for name in hosts), hosts
        # The beat heartbeat task runs on the real worker, as beat would schedule it.
        from celery import Celery

        sender = Celery("heartbeat-sender", broker=fresh_heartbeats, set_as_current=False)
        sender.send_task("home.tasks.record_worker_heartbeat")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not health.check_beat()["ok"]:
            time.sleep(0.2)
        body = client.get("/healthz").json()
        assert body["status"] == "ok", body
        assert body["beat"]["last_heartbeat_age_s"] < 60
    finally:
        worker.terminate()
        worker.wait(timeout=10)
    assert no_celery_ping == []
