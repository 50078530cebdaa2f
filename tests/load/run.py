"""`make load`: simulated trainees against the production shape, then a check of the database.

    python -m tests.load.run --trainees 50,150,300 [--web 2 --workers 2]

Starts PostgreSQL (database `needlepoint_load`), a Redis, WEB_PROCESSES gunicorn masters,
WORKER_PROCESSES Celery workers and one beat (scripts/stack.py), then for each N: creates N
trainees, and each logs in, enrols, opens the course and a lesson; then each starts the final,
answers it page by page with autosave and submits it (one in ten twice at once) and reads the
result. Requests round-robin over the web processes. Prints p50/p95/p99 and errors per endpoint and
the p95 of a static file fetched meanwhile (the queueing baseline), then checks in the database that
each trainee has one attempt, graded once, with every answer sent stored. Exits 1 on any error or
lost answer.

A bounded asyncio + httpx script rather than locust: each trainee walks the journey exactly once,
so the database can be checked against exactly what was sent; locust runs open-ended users.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import sys
import time
from datetime import date

import httpx

from scripts.stack import launch
from tests.load import journey, seed

ENDPOINTS = [
    "login page", "log in", "enrol", "course page", "lesson",
    "quiz start", "quiz page", "autosave", "submit", "result", "static file",
]  # fmt: skip


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def table(stats: journey.Stats) -> str:
    lines = [f"{'endpoint':<12} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} errors"]
    for name in ENDPOINTS:
        values = stats.durations.get(name, [])
        errors = len(stats.errors.get(name, []))
        if not values and not errors:
            continue
        figures = [percentile(values, f) * 1000 for f in (0.5, 0.95, 0.99)] if values else [0] * 3
        lines.append(
            f"{name:<12} {len(values):>8} "
            + " ".join(f"{figure:>8.0f}" for figure in figures)
            + f" {errors:>6}"
        )
    return "\n".join(lines)


async def phase(trainees, work, limit: float) -> list[bool]:
    """Run `work(client, trainee)` for every trainee at once; a request may wait `limit` s."""
    transport = httpx.AsyncHTTPTransport(retries=0)
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=0)
    async with httpx.AsyncClient(transport=transport, limits=limits, timeout=limit) as client:
        return await asyncio.gather(*(work(client, trainee) for trainee in trainees))


async def quiz_phase(trainees, site, static_path, stats, limit) -> list[bool]:
    stop = asyncio.Event()
    async with httpx.AsyncClient(timeout=limit) as client:
        baseline = asyncio.create_task(
            journey.static_baseline(client, trainees[0].bases[0], static_path, stats, stop)
        )

        async def take(client, trainee):
            return await journey.take_the_final(
                client, trainee, site, double_submit=trainee.double_submit
            )

        try:
            return await phase(trainees, take, limit)
        finally:
            stop.set()
            await baseline


def run_once(stack, count: int, *, limit: float) -> bool:
    """One load run of `count` trainees; True if nothing failed and nothing was lost."""
    run = secrets.token_hex(3)
    site = seed.demo_site()
    emails = seed.trainees_create(run=run, count=count)
    stats = journey.Stats()
    trainees = [
        journey.Trainee(email=email, ip=f"10.{i // 65536}.{i // 256 % 256}.{i % 256}",
                        bases=stack.urls, stats=stats, double_submit=i % 10 == 0)
        for i, email in enumerate(emails)
    ]  # fmt: skip
    started = time.monotonic()
    ready = asyncio.run(phase(trainees, lambda c, t: journey.before_the_quiz(c, t, site), limit))
    before = time.monotonic() - started
    enrolled = [t for t, ok in zip(trainees, ready, strict=True) if ok]
    seed.safety_quiz_pass(emails=[t.email for t in enrolled])
    static_path = static_file_path()
    started = time.monotonic()
    done = asyncio.run(quiz_phase(enrolled, site, static_path, stats, limit))
    during = time.monotonic() - started
    problems, sent, stored = seed.outcome_problems(sent={t.email: t.sent for t in enrolled})
    errors = sum(len(e) for e in stats.errors.values())
    web_workers = stack.env.get("WEB_CONCURRENCY") or min(2 * os.cpu_count() + 1, 12)
    shape = (
        f"{len(stack.urls)} gunicorn master(s) × {web_workers} sync workers, "
        f"{stack.workers} Celery worker(s); {date.today():%d %B %Y}, {os.cpu_count()} cores"
    )
    print(f"\n== N={count} trainees; {shape} ==")
    print(f"log in → lesson: {before:.1f} s; final (start → result): {during:.1f} s")
    print(table(stats))
    print(f"journeys completed {sum(done)}/{count}; errors {errors}; answers sent {sent}, "
          f"stored {stored}, lost {sent - stored}; database problems {len(problems)}")  # fmt: skip
    for name, messages in stats.errors.items():
        for message in messages[:3]:
            print(f"  error {name}: {message}")
    for problem in problems[:10]:
        print(f"  problem: {problem}")
    return not errors and not problems and sent == stored and sum(done) == count


def shared_limit_problems(urls: list[str]) -> list[str]:
    """A rate limit holds whichever process answers: its counter is in Redis, not in a worker.

    Unknown certificate codes from one client, alternating between the web processes: the
    CERTIFICATE_VERIFY_MISS_RATE-th + 1 is refused (429) wherever it lands.
    """
    from django.conf import settings

    limit = int(settings.CERTIFICATE_VERIFY_MISS_RATE.split("/")[0])
    headers = {"X-Forwarded-For": f"192.0.2.{secrets.randbelow(250) + 1}"}
    statuses = []
    with httpx.Client(headers=headers, timeout=30) as client:
        for number in range(limit + 1):
            base = urls[number % len(urls)]
            code = secrets.token_hex(8).upper()
            statuses.append(client.get(f"{base}/certificates/verify/{code}/").status_code)
    if statuses != [404] * limit + [429]:
        return [f"verify misses across {len(urls)} web processes answered {statuses}"]
    return []


def static_file_path() -> str:
    from django.templatetags.static import static

    return static("css/site.css")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trainees", default="50,150,300", help="comma-separated N per run")
    parser.add_argument("--web", type=int, default=int(os.environ.get("WEB_PROCESSES", "1")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKER_PROCESSES", "1")))
    parser.add_argument("--timeout", type=float, default=120, help="seconds one request may take")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.trainees.split(",") if n.strip()]
    os.environ["TRUSTED_PROXY_COUNT"] = "1"  # this script plays the TLS proxy, as in production
    log_path = os.path.join("var", "load", "processes.log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    with open(log_path, "a") as log:
        stack = launch("load", web=args.web, workers=args.workers, log=log, quiet=True)
        try:
            os.environ.update(stack.env)
            import django

            django.setup()
            logging.getLogger("httpx").setLevel(logging.WARNING)
            print(f"Web: {', '.join(stack.urls)}; process output in {log_path}", flush=True)
            problems = shared_limit_problems(stack.urls)
            print(f"rate limit shared across the web processes: {problems or 'yes'}")
            results = [not problems] + [run_once(stack, c, limit=args.timeout) for c in counts]
        finally:
            stack.stop()
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
