"""`make bench`, HTTP pass: our pages against a bare Wagtail page, the way users get them.

gunicorn (2 sync workers, production settings, DEBUG off, persistent database connections) on
PostgreSQL and Redis, loaded by wrk (-t2 -c8) as the demo trainee, in alternating rounds so that
other work on the machine hits every page alike. Twice: on a **fresh** database (right after
`migrate` + `load_demo`, never analysed, autovacuum off so it stays so), then after `ANALYZE`.

The bare page (tests/bench/barepage) is a page type that renders the same lesson body in the same
site chrome and nothing else: Wagtail's own cost. One copy sits beside the lesson (same depth:
home → courses → course → module → page), one just under the home page.

    python -m tests.bench.http_pages [--rounds 3] [--seconds 5]
"""

import argparse
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "needlepoint_bench"

SETUP = """
import json
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from wagtail.models import Page
from courses.models import LessonPage
from demo.loader import DEMO_ACCOUNTS
from tests.bench.barepage.models import BarePage

lesson = LessonPage.objects.live().order_by("path")[6]
module = lesson.get_parent()
home = lesson.get_ancestors().filter(depth=2).get()
pages = {}
for name, parent in (("top", home), ("depth", module)):
    bare = BarePage(title=lesson.title, slug=f"bench-bare-{name}", body=lesson.body.raw_data)
    parent.add_child(instance=bare)
    bare.save_revision().publish()
    pages[name] = bare.url
user = get_user_model().objects.get(email=DEMO_ACCOUNTS["trainee"]["email"])
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({
    "session": session.session_key,
    "urls": {
        "bare page, top of tree": pages["top"],
        "bare page, lesson depth": pages["depth"],
        "lesson page (enrolled)": lesson.url,
        "course page (enrolled)": lesson.get_parent().get_parent().url,
        "dashboard": "/learning/",
    },
}))
"""

COUNT_QUERIES = """
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.contrib.auth import get_user_model
from demo.loader import DEMO_ACCOUNTS

urls = json.loads(sys.stdin.read())
client = Client()
client.force_login(get_user_model().objects.get(email=DEMO_ACCOUNTS["trainee"]["email"]))
counts = {}
for name, url in urls.items():
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    counts[name] = len(queries)
print(json.dumps(counts))
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_urls() -> tuple[str, str]:
    """(maintenance URL, bench URL) on the local cluster scripts/postgres.sh provides."""
    script = ["bash", "scripts/postgres.sh"]
    url = subprocess.check_output(script, cwd=ROOT, text=True).strip()  # noqa: S603, S607
    parts = urlsplit(url)
    return (
        urlunsplit(parts._replace(path="/postgres")),
        urlunsplit(parts._replace(path=f"/{DATABASE}")),
    )


def sql(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def manage(env, *args, stdin: str | None = None) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args[:1])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def wait_for(url: str, cookie: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.status == 200 and not response.url.endswith("/accounts/login/"):
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"{url} did not answer 200 as the trainee")
        time.sleep(0.3)


def wrk(url: str, cookie: str, seconds: int) -> float:
    """Requests per second; any non-2xx answer or socket error aborts the bench."""
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "-H", f"Cookie: {cookie}", url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for bad in ("Non-2xx or 3xx responses", "Socket errors"):
        if bad in output:
            sys.exit(f"wrk reported errors on {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def rounds(base: str, urls: dict, cookie: str, *, count: int, seconds: int) -> dict:
    rates: dict[str, list[float]] = {name: [] for name in urls}
    for number in range(1, count + 1):
        for name, path in urls.items():
            rates[name].append(wrk(base + path, cookie, seconds))
        print(f"  round {number}/{count} done", file=sys.stderr, flush=True)
    return {name: statistics.median(values) for name, values in rates.items()}


def report(title: str, rates: dict, queries: dict) -> None:
    top, depth = rates["bare page, top of tree"], rates["bare page, lesson depth"]
    print(f"\n{title}")
    print(f"{'page':<26}{'req/s':>8}{'queries':>9}{'× bare top':>12}{'× bare depth':>14}")
    for name, rate in rates.items():
        print(f"{name:<26}{rate:>8.1f}{queries[name]:>9}{rate / top:>12.2f}{rate / depth:>14.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    options = parser.parse_args()

    from config.devserver import free_port as free_redis_port
    from config.devserver import start_redis

    scratch = Path(tempfile.mkdtemp(prefix="needlepoint-bench-"))
    maintenance_url, bench_url = database_urls()
    sql(maintenance_url, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    sql(maintenance_url, f"CREATE DATABASE {DATABASE}")
    redis_port, web_port = free_redis_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bench.http_settings",
        "DATABASE_URL": bench_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "SITE_URL": f"http://127.0.0.1:{web_port}",
        "MEDIA_ROOT": str(scratch / "media"),
        "PRIVATE_MEDIA_ROOT": str(scratch / "private"),
        "BENCH_KEYS_DIR": str(scratch / "keys"),
        "LOG_LEVEL": "WARNING",
    }
    redis = start_redis(redis_port)
    server = None
    try:
        print("migrate, load_demo, collectstatic …", file=sys.stderr, flush=True)
        manage(env, "migrate", "--noinput")
        tables = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        import psycopg

        with psycopg.connect(bench_url, autocommit=True) as connection:
            for (table,) in connection.execute(tables).fetchall():  # stays never-analysed
                connection.execute(f'ALTER TABLE "{table}" SET (autovacuum_enabled = false)')
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput")
        setup = json.loads(manage(env, "shell", "-c", SETUP).strip().splitlines()[-1])
        urls, cookie = setup["urls"], f"sessionid={setup['session']}"
        queries = json.loads(
            manage(env, "shell", "-c", COUNT_QUERIES, stdin=json.dumps(urls)).splitlines()[-1]
        )
        server = subprocess.Popen(  # noqa: S603
            [
                *(sys.executable, "-m", "gunicorn", "config.wsgi:application"),
                *("--workers", "2", "--worker-class", "sync"),
                *("--bind", f"127.0.0.1:{web_port}", "--log-level", "warning"),
            ],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{web_port}"
        for path in urls.values():
            wait_for(base + path, cookie)
        print("fresh database (never analysed):", file=sys.stderr, flush=True)
        fresh = rounds(base, urls, cookie, count=options.rounds, seconds=options.seconds)
        sql(bench_url, "ANALYZE")
        print("after ANALYZE:", file=sys.stderr, flush=True)
        analysed = rounds(base, urls, cookie, count=options.rounds, seconds=options.seconds)
    finally:
        for process in (server, redis):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
    print(
        f"\nHTTP pass: gunicorn 2 sync workers, PostgreSQL, wrk -t2 -c8, "
        f"median of {options.rounds} alternating {options.seconds} s rounds"
    )
    report("Fresh database (never analysed)", fresh, queries)
    report("After ANALYZE", analysed, queries)


if __name__ == "__main__":
    main()
