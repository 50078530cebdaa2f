"""The load test in small (5 trainees) on two web and two worker processes, in make test's
PostgreSQL pass: the production shape starts, sessions and attempts carry across web processes,
a rate limit holds across them, and nothing is lost. `make load` runs the real sizes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
def test_five_trainees_on_two_web_and_two_worker_processes():
    env = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(WEB_CONCURRENCY="2", CELERY_CONCURRENCY="1")  # 2 cores: quick to boot
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.load.run", "--trainees", "5", "--web", "2", "--workers", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "rate limit shared across the web processes: yes" in result.stdout
    assert "answers sent 100, stored 100, lost 0; database problems 0" in result.stdout
