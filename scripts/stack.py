"""The production shape on one machine, for `make serve` and `make load`.

PostgreSQL (scripts/postgres.sh), a Redis on a free loopback port (config/devserver.py), then
Procfile.production under honcho: N gunicorn masters on consecutive ports, M Celery workers and
exactly one beat. Nothing the processes share lives in one process's memory: sessions and data are
in PostgreSQL, rate-limit counters in Redis, files under var/<name>/ (or the S3 bucket).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from config.devserver import port_is_free, redis_binary, start_redis

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once into var/secret_key (mode 600)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = ROOT / "var" / "secret_key"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(64))
    return path.read_text().strip()


def database_url(name: str) -> str:
    """DATABASE_URL if set; else database `name` in the local cluster scripts/postgres.sh starts."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    import psycopg

    base = subprocess.run(  # noqa: S603
        ["bash", str(ROOT / "scripts" / "postgres.sh")],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    parsed = urlparse(base)
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        if not connection.execute(query, [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parsed._replace(path=f"/{name}"))


def free_port_run(count: int, preferred: int | None = None) -> int:
    """The first of `count` consecutive free loopback ports (the preferred one if it is free)."""
    candidates = [preferred] if preferred else []
    candidates += range(20000 + secrets.randbelow(20000), 65000, 7)
    for first in candidates:
        if all(port_is_free(first + offset) for offset in range(count)):
            return first
    raise RuntimeError(f"no {count} consecutive free ports")


def stack_env(name: str, *, web_port: int, redis_url: str, database: str) -> dict[str, str]:
    """Production settings pointed at this machine; anything already in the environment wins."""
    var = ROOT / "var" / name
    for directory in ("media", "private", "mail"):
        (var / directory).mkdir(parents=True, exist_ok=True)
    env = {
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{web_port}",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback; a TLS proxy redirects for real
        "TRUSTED_PROXY_COUNT": "0",  # browsers talk to gunicorn directly
        "MEDIA_ROOT": str(var / "media"),
        "PRIVATE_MEDIA_ROOT": str(var / "private"),
        "CREDENTIAL_KEYS_DIR": str(var / "credential-keys"),
        # One .eml file per email (open it in a mail program), as under `make run`.
        "EMAIL_BACKEND": "config.mail.EmlFileBackend",
        "EMAIL_FILE_PATH": str(var / "mail"),
        "CELERY_BEAT_SCHEDULE_FILE": str(var / "celerybeat-schedule"),
        **os.environ,
    }
    env.update(
        PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secret_key(),
        DATABASE_URL=database,
        REDIS_URL=redis_url,
        WEB_PORT=str(web_port),
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict, *args: str, quiet: bool = False) -> None:
    output = subprocess.DEVNULL if quiet else None
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=output
    )


def prepare(env: dict, *, quiet: bool = False) -> None:
    """The release steps: a signing key if there is none, migrate, the demo.

    collectstatic is the build step (`make build`); it runs here only if it never ran, since the
    manifest storage refuses to serve a page whose static files were not collected.
    """
    keys = Path(env["CREDENTIAL_KEYS_DIR"])
    if not keys.is_dir() or not any(keys.iterdir()):  # before migrate: its checks need one
        manage(env, "credential_keys", "rotate", quiet=quiet)  # production never makes one itself
    manage(env, "migrate", "--noinput", quiet=quiet)
    if not (ROOT / "var" / "staticfiles" / "staticfiles.json").exists():
        manage(env, "collectstatic", "--noinput", "--verbosity=0", quiet=quiet)
    manage(env, "load_demo", quiet=quiet)


@dataclass
class Stack:
    """Redis plus Procfile.production under honcho; stopped by the PIDs it started."""

    env: dict
    web_ports: list[int]
    workers: int
    redis: subprocess.Popen | None = None
    honcho: subprocess.Popen | None = None
    log: object = None
    extra: list = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.web_ports]

    def start(self) -> Stack:
        honcho = str(VENV_BIN / "honcho")
        formation = f"web={len(self.web_ports)},worker={self.workers},beat=1"
        command = [honcho, "-f", str(ROOT / "Procfile.production"), "start"]
        command += ["-p", str(self.web_ports[0]), "-c", formation]
        self.honcho = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        return self

    def wait_ready(self, timeout: float = 120) -> None:
        """Every web port answers /healthz and every worker has recorded a heartbeat."""
        deadline = time.monotonic() + timeout
        pending = list(self.urls)
        while pending or not self._workers_live():
            if self.honcho.poll() is not None:
                raise RuntimeError(f"the processes ended (honcho exit {self.honcho.returncode})")
            if time.monotonic() > deadline:
                raise RuntimeError(f"not ready after {timeout:.0f} s: {pending or 'workers'}")
            pending = [url for url in pending if not _health(url)]
            time.sleep(0.5)

    def _workers_live(self) -> bool:
        body = _health(self.urls[0])
        return bool(body) and body["worker"]["live"] >= self.workers

    def wait(self) -> int:
        return self.honcho.wait()

    def stop(self) -> None:
        if self.honcho is not None and self.honcho.poll() is None:
            self.honcho.send_signal(signal.SIGTERM)  # honcho stops each process gracefully
            try:
                self.honcho.wait(timeout=45)
            except subprocess.TimeoutExpired:
                self.honcho.kill()
        if self.redis is not None and self.redis.poll() is None:
            self.redis.terminate()
            self.redis.wait(timeout=10)


def _health(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310
            return json.loads(response.read())
    except OSError:
        return None


def launch(
    name: str, *, web: int, workers: int, web_port: int | None = None, log=None, quiet=False
) -> Stack:
    """Start PostgreSQL, Redis (unless REDIS_URL is set) and the formation; prepare the database."""
    first = free_port_run(web, preferred=web_port)
    redis = None
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        port = free_port_run(1)
        print(f"Starting Redis ({redis_binary()}) on 127.0.0.1:{port}", flush=True)
        redis = start_redis(port)
        redis_url = f"redis://127.0.0.1:{port}/0"
    stack = Stack(env={}, web_ports=[first + i for i in range(web)], workers=workers, redis=redis)
    try:
        database = database_url(name)
        stack.env = stack_env(name, web_port=first, redis_url=redis_url, database=database)
        prepare(stack.env, quiet=quiet)
        stack.log = log
        stack.start()
        stack.wait_ready()
    except BaseException:
        stack.stop()
        raise
    return stack


if __name__ == "__main__":  # `python -m scripts.stack secret-key`, for the Makefile's build step
    if sys.argv[1:] != ["secret-key"]:
        raise SystemExit("usage: python -m scripts.stack secret-key")
    print(secret_key())
