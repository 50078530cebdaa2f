"""Real peers for the delivery tests: an aiosmtpd server and a Celery worker subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from django.db import connection

from config.devserver import free_port


@dataclass
class RecordingHandler:
    """Accepts mail, or answers 451 (try later) for the first `refuse` messages."""

    refuse: int = 0
    refused: int = 0
    messages: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's API
        if self.refused < self.refuse:
            self.refused += 1
            return "451 4.3.0 Mail server busy, try again later"
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self, refuse: int = 0):
        self.handler = RecordingHandler(refuse=refuse)
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def wait_for(self, count: int, timeout: float = 60) -> list:
        deadline = time.monotonic() + timeout
        while len(self.handler.messages) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.handler.messages


def database_url() -> str:
    """The test database pytest-django created, for the worker process to share."""
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


class Worker:
    """`celery worker` in a subprocess with the worker settings; stopped by PID."""

    def __init__(self, *, redis_url: str, smtp_port: int, log_path, extra_env=None, pool="prefork"):
        self.pool = pool
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.certificates.worker_settings",
            "DATABASE_URL": database_url(),
            "REDIS_URL": redis_url,
            "TEST_SMTP_PORT": str(smtp_port),
            **(extra_env or {}),
        }
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        self.log = open(self.log_path, "w")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "celery", "-A", "config", "worker", f"--pool={self.pool}",
             "--concurrency=1", "--without-gossip", "--without-mingle", "--loglevel=INFO"],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def output(self) -> str:
        return self.log_path.read_text()
