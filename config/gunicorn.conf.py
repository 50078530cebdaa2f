"""gunicorn settings for production (Procfile.production; `make serve` and `make load` run them).

Sync workers: page rendering is CPU-bound Python, so threads would add no throughput under the GIL
on a small machine, while a sync worker gives each request its own process and a hard `timeout`
(a request stuck past it is killed and the worker replaced, where a gthread worker would keep it).
Overlap with I/O (PostgreSQL row locks, Redis) comes from running 2 × cores + 1 of them. Sync
workers need a buffering reverse proxy in front (slow clients, TLS, keep-alive to browsers); they
close the connection after each response, so `keepalive` applies only with
GUNICORN_WORKER_CLASS=gthread.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# 127.0.0.1 unless told: the proxy usually runs on the same machine. WEB_HOST=0.0.0.0 otherwise.
bind = f"{os.environ.get('WEB_HOST', '127.0.0.1')}:{_int('PORT', 8000)}"
# Each worker keeps one PostgreSQL connection (CONN_MAX_AGE); the cap keeps a big machine from
# opening more than the database's default max_connections (100) can take with workers and beat.
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 12))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 30  # on SIGTERM, requests in flight get this long to finish
keepalive = 5
# Recycle each worker after about a thousand requests (jittered, so they do not all restart at
# once): bounds slow memory growth; the master starts the replacement before the old one stops.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max(max_requests // 10, 1) if max_requests else 0
backlog = 2048
worker_tmp_dir = "/dev/shm"  # noqa: S108 - the heartbeat file; a slow disk would look like a hung worker
accesslog = "-"
errorlog = "-"
# The client as the proxy saw it, and the time each request took (microseconds).
access_log_format = '%(h)s %({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(D)sus'
proc_name = "needlepoint-web"
