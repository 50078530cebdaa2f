"""`make run` under honcho: Redis stopping must not stop the rest (honcho ends all on any exit)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from config.devserver import ROOT, free_port
from courses.services import enrollment_create
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


def redis_server_pids(port: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(b"redis-server") and str(port).encode() in argv:
            pids.append(int(entry.name))
        elif argv and b"redis-server" in argv[0] and f":{port}".encode() in argv[0]:
            pids.append(
                int(entry.name)
            )  # redis-server rewrites its title to "redis-server host:port"
    return pids


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_stopping_redis_under_honcho_keeps_the_site_up_and_redis_comes_back(
    tmp_path, client, settings, trainee, course
):
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    client_redis = redis.Redis.from_url(url, socket_connect_timeout=0.2, socket_timeout=0.2)

    def redis_up():
        try:
            return client_redis.ping()
        except redis.RedisError:
            return False

    # The real Procfile's redis line, next to a stand-in for web/worker/beat (honcho would end it
    # too if the redis process exited).
    redis_line = next(
        line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("redis:")
    )
    procfile = tmp_path / "Procfile"
    procfile.write_text(f"{redis_line}\nweb: {sys.executable} -c 'import time; time.sleep(600)'\n")
    env = {**os.environ, "REDIS_PORT": str(port), "REDIS_RESTART_DELAY": "1.5"}
    honcho = subprocess.Popen(  # noqa: S603
        [str(Path(sys.executable).with_name("honcho")), "-f", str(procfile), "-d", str(ROOT),
         "start"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        assert wait_for(redis_up, 15), "Redis did not start under honcho"
        settings.CELERY_BROKER_URL = url
        lesson = lessons_of(course)[0]
        enrollment_create(user=trainee, course=course)
        client.force_login(trainee)

        (pid,) = redis_server_pids(port)
        os.kill(pid, signal.SIGTERM)  # "stopping Redis", as redis-cli shutdown would
        assert wait_for(lambda: not redis_up(), 5)

        # Meanwhile: the site serves lessons and /healthz says degraded.
        assert client.get(lesson.url).status_code == 200
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json()["status"] == "degraded"
        assert response.json()["redis"]["ok"] is False

        # honcho did not tear the other processes down, and Redis is back.
        assert honcho.poll() is None, "honcho ended every process when Redis stopped"
        assert wait_for(redis_up, 10), "Redis was not restarted"
        assert redis_server_pids(port) != [pid]
        assert client.get("/healthz").json()["redis"]["ok"] is True
        assert honcho.poll() is None
    finally:
        if honcho.poll() is None:
            os.killpg(honcho.pid, signal.SIGTERM)
        honcho.wait(timeout=15)
    assert wait_for(lambda: not redis_server_pids(port), 5), "Redis outlived honcho"
