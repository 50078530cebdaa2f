"""`make bench`: the gradebook at 1,000 and 10,000 trainees.

A page of 50 (default, "stuck on a gate", and page 10 sorted by last activity): queries and
time. The full CSV export streamed to the end: rows, time, and the peak resident memory it adds
(Linux: VmHWM after resetting it through /proc/self/clear_refs), which must not grow with the
row count. In-process on the bench's database (SQLite by default; DATABASE_URL for PostgreSQL).
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrollment, LessonCompletion
from quizzes.models import Attempt
from tests.insight.grade_data import gradebook_course, instructor_of

pytestmark = pytest.mark.django_db
URL = reverse("insight_gradebook")
EXPORT = reverse("insight_gradebook_export", args=["csv"])


def add_trainees(data, start: int, count: int, rng: random.Random) -> None:
    """Trainees in bulk: a third untouched, most with lessons, some failing or passing the gate,
    a tenth completed. Rows are written directly: the services would take minutes at 10,000."""
    User = get_user_model()
    now = timezone.now()
    users = User.objects.bulk_create(
        User(
            email=f"bench{n}@example.org",
            full_name=f"Bench Trainee {n:05d}",
            profession="physiotherapist",
            password="!",
        )
        for n in range(start, start + count)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(user=user, course=data.course, completed_at=None) for user in users
    )
    completions, attempts, done = [], [], []
    for enrollment in enrollments:
        lessons = rng.choice([0, 0, 1, 2, 2, 3, 4])
        completions += [
            LessonCompletion(enrollment=enrollment, lesson=x) for x in data.lessons[:lessons]
        ]
        if lessons >= 2:
            passed = rng.random() < 0.6
            attempts.append(
                Attempt(
                    quiz=data.gate,
                    user_id=enrollment.user_id,
                    number=1,
                    seed=1,
                    status=Attempt.Status.SUBMITTED,
                    submitted_at=now,
                    score=2 if passed else 0,
                    max_score=2,
                    percent=100 if passed else 0,
                    passed=passed,
                    failed_critical=not passed,
                )
            )
            if passed and lessons == 4 and rng.random() < 0.5:
                done.append(enrollment.pk)
    LessonCompletion.objects.bulk_create(completions, batch_size=2000)
    Attempt.objects.bulk_create(attempts, batch_size=2000)
    Enrollment.objects.filter(pk__in=done).update(completed_at=now)


def page_figures(client, params) -> tuple[int, float]:
    client.get(URL, params)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params).status_code == 200
    count = len(queries)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        client.get(URL, params)
        times.append(time.perf_counter() - started)
    return count, statistics.median(times)


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def export_figures(client) -> tuple[int, float, int]:
    """Rows, seconds, and peak RSS added while streaming (kB)."""
    Path("/proc/self/clear_refs").write_text("5")  # reset the high-water mark to now
    before = _status_kb("VmRSS")
    started = time.perf_counter()
    response = client.get(EXPORT)
    lines = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    peak = _status_kb("VmHWM") - before
    return lines - 1, seconds, peak


def test_bench_gradebook_at_1k_and_10k_trainees(client):
    rng = random.Random(12)
    data = gradebook_course()
    client.force_login(instructor_of(data.course))
    results = {}
    total = 0
    for size in (1_000, 10_000):
        add_trainees(data, total, size - total, rng)
        total = size
        client.get(EXPORT)  # warm (templates, content types)
        results[size] = {
            "page 1": page_figures(client, {}),
            "stuck on a gate": page_figures(client, {"status": "stuck"}),
            "page 10, by activity": page_figures(client, {"p": "10", "sort": "-activity"}),
            "export": export_figures(client),
        }
    print(f"\nGradebook bench ({connection.vendor}):")
    for size, figures in results.items():
        for name in ("page 1", "stuck on a gate", "page 10, by activity"):
            queries, seconds = figures[name]
            print(f"  {size:>6} trainees, {name:<22} {queries} queries, {seconds * 1000:.0f} ms")
        rows, seconds, peak = figures["export"]
        print(
            f"  {size:>6} trainees, full CSV export: {rows} rows in {seconds:.1f} s, "
            f"peak RSS +{peak / 1024:.1f} MB"
        )
    for name in ("page 1", "stuck on a gate", "page 10, by activity"):
        assert results[1_000][name][0] == results[10_000][name][0], name  # constant queries
    assert results[10_000]["export"][0] == 10_000
    # flat memory: ten times the rows may not cost much more than the 1k export's peak
    assert results[10_000]["export"][2] < results[1_000]["export"][2] + 20 * 1024
