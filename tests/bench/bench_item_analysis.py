"""`make bench`: item analysis of a 20-question quiz at 10,000 and 100,000 responses (500 and
5,000 submitted attempts), on PostgreSQL: queries, the analysis alone and the whole admin page,
on a fresh (never analysed) database and after ANALYZE. The ratio between the two sizes is the
basis for the 1,000,000-response estimate printed at the end."""

import random
import statistics
import time

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission

from insight.analysis import Filters, quiz_analysis
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import QuestionFactory, body, quiz_with_questions
from tests.insight.analysis_data import submit_attempts

ROUNDS = 3
KINDS = ["single_choice"] * 12 + ["multiple_response"] * 3 + ["true_false"] * 2
KINDS += ["short_text", "numeric"]  # and one hotspot: 20 questions


def twenty_questions():
    questions = [QuestionFactory(kind=kind) for kind in KINDS]
    zones = [{"shape": "circle", "coords": "10, 10, 5", "credit": 1.0}]
    image = wagtail_factories.ImageFactory()
    questions.append(
        QuestionFactory(body=body("hotspot", image=image.pk, image_alt="Back", zones=zones))
    )
    return questions


def timed(function):
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


@pytest.mark.django_db
def test_bench_item_analysis_at_10k_and_100k_responses(client):
    if connection.vendor != "postgresql":
        pytest.skip("the scale figures are for PostgreSQL (make bench sets DATABASE_URL)")
    course = build_course(modules=1, lessons_per_module=1)
    group = Group.objects.create(name="Bench instructors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=course, permission=Permission.objects.get(codename="change_page")
    )
    instructor = UserFactory()
    instructor.groups.add(group)
    client.force_login(instructor)
    rng = random.Random(11)
    results = {}
    for attempts in (500, 5000):
        questions = twenty_questions()
        quiz = quiz_with_questions(course, questions)
        started = time.perf_counter()
        submit_attempts(
            quiz=quiz, questions=questions, abilities=[rng.random() for _ in range(attempts)]
        )
        built = time.perf_counter() - started
        url = reverse("insight_analysis", args=[quiz.pk])
        fresh_analysis = timed(lambda quiz=quiz: quiz_analysis(quiz=quiz, filters=Filters()))
        fresh_page = timed(lambda url=url: client.get(url))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        analysis = timed(lambda quiz=quiz: quiz_analysis(quiz=quiz, filters=Filters()))
        with CaptureQueriesContext(connection) as queries:
            quiz_analysis(quiz=quiz, filters=Filters())
        assert client.get(url).status_code == 200
        page = timed(lambda url=url: client.get(url))
        export = reverse("insight_analysis_export", args=[quiz.pk, "xlsx"])
        download = timed(lambda export=export: b"".join(client.get(export).streaming_content))
        responses = attempts * len(questions)
        results[responses] = (analysis, page)
        print(
            f"\nitem analysis, {attempts} attempts × {len(questions)} questions = {responses:,} "
            f"responses (built in {built:.0f} s): {len(queries)} queries for the analysis; "
            f"fresh database: analysis {fresh_analysis:.2f} s, page {fresh_page:.2f} s; "
            f"after ANALYZE: analysis {analysis:.2f} s, page {page:.2f} s, XLSX {download:.2f} s "
            f"(median of {ROUNDS})"
        )
    (small, (small_analysis, small_page)), (large, (large_analysis, large_page)) = sorted(
        results.items()
    )
    growth = large_page / small_page
    print(
        f"page time grows {growth:.1f}× for {large // small}× the responses; at that rate "
        f"1,000,000 responses take about {large_page * growth:.1f} s (analysis alone "
        f"{large_analysis * large_analysis / small_analysis:.1f} s): an estimate, not measured"
    )
    assert large_page < 10, "100,000 responses must render within a few seconds"
