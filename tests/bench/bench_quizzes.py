"""`make bench`: marking throughput, and queries per autosave and per submit."""

import json
import random
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import enrollment_create
from quizzes import marking
from quizzes.models import Attempt
from tests.factories import UserFactory, build_course, lessons_of
from tests.factories.quizzes import every_type_questions, quiz_with_questions
from tests.quizzes.test_attempts import key_response

pytestmark = pytest.mark.django_db

RESPONSES = 60_000


def test_bench_marking_throughput():
    rng = random.Random(7)
    options = [{"id": f"o{i}", "credit": c} for i, c in enumerate([1.0, 0.0, -0.5, 0.0])]
    multi = [{"id": f"m{i}", "credit": c} for i, c in enumerate([0.5, 0.5, -1.0, -1.0])]
    polygon = [[0, 0], [100, 0], [50, 90]]
    cases = [
        ("single_choice", {"options": options}, lambda: {"choice": f"o{rng.randrange(4)}"}),
        (
            "multiple_response",
            {"options": multi},
            lambda: {"choices": rng.sample(["m0", "m1", "m2", "m3"], 2)},
        ),
        ("true_false", {"answer": True}, lambda: {"value": rng.choice(["true", "false"])}),
        (
            "numeric",
            {"answers": [{"value": 2018, "tolerance": 1, "credit": 1.0}]},
            lambda: {"value": str(rng.randrange(2010, 2025))},
        ),
        (
            "short_text",
            {"answers": [{"text": "pneumothora*", "credit": 1.0}], "case_sensitive": False},
            lambda: {"text": rng.choice(["Pneumothorax", "pneumonia"])},
        ),
        (
            "matching",
            {"pairs": {"a": "1", "b": "2", "c": "3"}},
            lambda: {"matches": {"a": "1", "b": rng.choice("23"), "c": "3"}},
        ),
        (
            "ordering",
            {"order": list("abcde"), "partial": True},
            lambda: {"order": rng.sample(list("abcde"), 5)},
        ),
        (
            "hotspot",
            {"zones": [{"shape": "polygon", "coords": polygon, "credit": 1.0}]},
            lambda: {"x": rng.uniform(0, 100), "y": rng.uniform(0, 100)},
        ),
    ]
    work = [
        (kind, key, make()) for kind, key, make in cases for _ in range(RESPONSES // len(cases))
    ]
    started = time.perf_counter()
    for kind, key, response in work:
        marking.mark(kind, key, response)
    elapsed = time.perf_counter() - started
    rate = len(work) / elapsed
    print(f"\nmarking: {len(work)} responses in {elapsed:.2f} s = {rate:,.0f} responses/s")


def test_bench_queries_per_save_and_submit(client):
    course = build_course(modules=1, lessons_per_module=1)
    module = lessons_of(course)[0].get_parent()
    print()
    for size in (10, 100):
        trainee = UserFactory()
        enrollment_create(user=trainee, course=course)
        questions = [q for _ in range(size // 7 + 1) for q in every_type_questions()][:size]
        quiz = quiz_with_questions(module, questions)
        client.force_login(trainee)
        client.post(reverse("quizzes:start", args=[quiz.id]))
        attempt = Attempt.objects.get(user=trainee)
        payload = {str(r.position): key_response(r) for r in attempt.questions.all()}
        with CaptureQueriesContext(connection) as save:
            started = time.perf_counter()
            client.post(
                reverse("quizzes:autosave", args=[attempt.id]),
                json.dumps({"responses": payload}),
                content_type="application/json",
            )
            save_ms = (time.perf_counter() - started) * 1000
        with CaptureQueriesContext(connection) as submit:
            started = time.perf_counter()
            client.post(reverse("quizzes:submit", args=[attempt.id]))
            submit_ms = (time.perf_counter() - started) * 1000
        print(
            f"{size:>3} questions: autosave {len(save)} queries ({save_ms:.0f} ms), "
            f"submit {len(submit)} queries ({submit_ms:.0f} ms)"
        )
