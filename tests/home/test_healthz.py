import os
import subprocess
import sys
import time

import pytest

from config.devserver import ROOT, free_port
from home import health

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_redis_without_worker(client, use_redis):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["redis"]["ok"] is True
    assert body["worker"] == {"ok": False, "workers": []}
    assert body["status"] == "degraded"


def test_healthz_is_503_when_redis_is_down(client, settings):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["redis"]["ok"] is False
    assert body["database"]["ok"] is True


def test_healthz_sees_a_real_celery_worker_and_beat_heartbeat(client, use_redis):
    env = {**os.environ, "REDIS_URL": use_redis, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
         "--concurrency=1", "-n", f"healthz-{os.getpid()}@%h", "--loglevel=warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        workers = []
        while time.monotonic() < deadline and not workers:
            workers = health.check_worker(timeout=0.5)["workers"]
        assert any(f"healthz-{os.getpid()}" in name for name in workers), workers
        # The heartbeat task runs on the real worker, as beat would schedule it.
        from celery import Celery

        sender = Celery("heartbeat-sender", broker=use_redis, set_as_current=False)
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
