"""Parallel submits of one attempt grade it once (PostgreSQL: real row locks and transactions).

Runs in `make test`'s PostgreSQL pass (DATABASE_URL from scripts/postgres.sh); skipped on SQLite,
which serialises writers and so cannot show the race.
"""

import json
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from courses.services import enrollment_create
from quizzes import marking
from quizzes.models import Attempt, AttemptQuestion
from quizzes.services import attempt_save_responses, attempt_start, attempt_submit
from tests.factories import build_course, lessons_of, wagtail_initial_data
from tests.factories.quizzes import every_type_questions, quiz_with_questions
from tests.parallel import in_parallel
from tests.quizzes.test_attempts import key_response

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_parallel_submits_grade_once(trainee, monkeypatch):
    wagtail_initial_data()  # an earlier transactional test flushed Wagtail's root page
    course = build_course(modules=1, lessons_per_module=1)
    enrollment_create(user=trainee, course=course)
    quiz = quiz_with_questions(lessons_of(course)[0].get_parent(), every_type_questions())
    attempt, _ = attempt_start(quiz=quiz, user=trainee)
    attempt_save_responses(
        attempt=attempt,
        responses={row.position: key_response(row) for row in attempt.questions.all()},
    )

    calls = []
    real_mark = marking.mark

    def counting_mark(*args, **kwargs):
        calls.append(1)
        return real_mark(*args, **kwargs)

    monkeypatch.setattr(marking, "mark", counting_mark)
    results, errors = in_parallel(
        lambda _: attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk)), THREADS
    )

    assert not errors, errors
    assert len(results) == THREADS
    questions = AttemptQuestion.objects.filter(attempt=attempt).count()
    assert len(calls) == questions  # marked exactly once
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.passed and stored.percent == 100
    assert {r.submitted_at for r in results} == {stored.submitted_at}


def _quiz_for(trainee):
    wagtail_initial_data()
    course = build_course(modules=1, lessons_per_module=1)
    enrollment_create(user=trainee, course=course)
    return quiz_with_questions(lessons_of(course)[0].get_parent(), every_type_questions())


@pytest.mark.django_db(transaction=True)
def test_parallel_starts_all_get_the_one_attempt(trainee):
    quiz = _quiz_for(trainee)
    url = reverse("quizzes:start", args=[quiz.id])

    def start(_):
        client = Client()
        client.force_login(trainee)
        response = client.post(url)
        return response.status_code, response.get("Location")

    results, errors = in_parallel(start, 20)
    assert not errors, errors
    attempt = Attempt.objects.get(quiz=quiz, user=trainee)  # exactly one row
    assert results == [(302, reverse("quizzes:attempt", args=[attempt.id]))] * 20
    assert attempt.questions.count() == quiz.slots.count()  # drawn and frozen once


@pytest.mark.django_db(transaction=True)
def test_autosave_racing_submit_never_stores_an_unmarked_answer(trainee, monkeypatch):
    """The submit lands while autosaves are between "is it open?" and their write."""
    import time

    from quizzes import services

    real_clean, inside = services.clean_response, threading.Event()

    def slow_clean(snapshot, raw):
        inside.set()
        time.sleep(0.3)
        return real_clean(snapshot, raw)

    monkeypatch.setattr(services, "clean_response", slow_clean)
    quiz = _quiz_for(trainee)
    attempt, _ = attempt_start(quiz=quiz, user=trainee)
    rows = list(attempt.questions.all())

    def work(index):
        client = Client()
        client.force_login(trainee)
        if index == 0:
            assert inside.wait(30)
            return client.post(reverse("quizzes:submit", args=[attempt.id])).status_code
        row = rows[index - 1]
        response = client.post(
            reverse("quizzes:autosave", args=[attempt.id]),
            data=json.dumps({"responses": {str(row.position): key_response(row)}}),
            content_type="application/json",
        )
        return response.status_code

    statuses, errors = in_parallel(work, len(rows) + 1)
    assert not errors, errors
    assert statuses[0] == 302
    assert set(statuses[1:]) <= {200, 409}, statuses
    attempt.refresh_from_db()
    assert not attempt.is_open
    for row in AttemptQuestion.objects.filter(attempt=attempt):
        if row.saved_at is not None:
            assert row.saved_at <= attempt.submitted_at, f"#{row.position} landed after marking"
        marked = marking.mark(row.snapshot["type"], row.snapshot["key"], row.response)
        assert row.fraction == marked.fraction  # the review shows only what was marked
