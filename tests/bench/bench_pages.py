"""`make bench`: lesson page, course page and dashboard throughput and queries vs a bare page.

In-process (Django test client, SQLite), so the figures compare our code with Wagtail's own cost
rather than a network stack. The bare page is the same lesson served by Wagtail with a template
that renders only its body (no outline, enrolment or progress). Rounds alternate between the
variants and the best round counts, which damps noise from other work on a shared machine.
"""

import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from courses.models import LessonPage
from demo.loader import DEMO_ACCOUNTS

pytestmark = pytest.mark.django_db

ROUNDS = 5
REQUESTS_PER_ROUND = 60


def queries_for(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)  # read now: every request start clears the query log


def requests_per_second(client, url) -> float:
    started = time.perf_counter()
    for _ in range(REQUESTS_PER_ROUND):
        client.get(url)
    return REQUESTS_PER_ROUND / (time.perf_counter() - started)


def test_bench_lesson_page_against_bare_page(client, monkeypatch, django_user_model):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.force_login(django_user_model.objects.get(email=DEMO_ACCOUNTS["trainee"]["email"]))
    lesson = LessonPage.objects.live().order_by("path")[6]
    urls = {
        "lesson page (enrolled)": lesson.url,
        "course page (enrolled)": lesson.get_parent().get_parent().url,
        "dashboard": "/learning/",
    }

    def serve_bare(enabled: bool) -> None:
        if enabled:
            monkeypatch.setattr(LessonPage, "template", "tests/bare_lesson.html")
            monkeypatch.setattr(LessonPage, "get_context", Page.get_context)
        else:
            monkeypatch.undo()

    queries = {name: queries_for(client, url) for name, url in urls.items()}
    serve_bare(True)
    queries["bare Wagtail page"] = queries_for(client, lesson.url)
    serve_bare(False)

    best: dict[str, float] = {}
    for _ in range(ROUNDS):
        for name, url in urls.items():
            best[name] = max(best.get(name, 0), requests_per_second(client, url))
        serve_bare(True)
        rps = requests_per_second(client, lesson.url)
        serve_bare(False)
        best["bare Wagtail page"] = max(best.get("bare Wagtail page", 0), rps)

    print(f"\n{'page':<26}{'req/s':>9}{'queries':>9}")
    for name in ["bare Wagtail page", *urls]:
        print(f"{name:<26}{best[name]:>9.1f}{queries[name]:>9}")
    ratio = best["lesson page (enrolled)"] / best["bare Wagtail page"]
    print(f"lesson/bare throughput ratio: {ratio:.2f}")
    extra = queries["lesson page (enrolled)"] - queries["bare Wagtail page"]
    print(f"extra queries on the lesson page: {extra}")
