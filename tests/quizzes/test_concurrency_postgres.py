"""Parallel submits of one attempt grade it once (PostgreSQL: real row locks and transactions).

Runs in `make test`'s PostgreSQL pass (DATABASE_URL from scripts/postgres.sh); skipped on SQLite,
which serialises writers and so cannot show the race.
"""

import threading

import pytest
from django.db import connection, connections

from courses.services import enrollment_create
from quizzes import marking
from quizzes.models import Attempt, AttemptQuestion
from quizzes.services import attempt_save_responses, attempt_start, attempt_submit
from tests.factories import build_course, lessons_of, wagtail_initial_data
from tests.factories.quizzes import every_type_questions, quiz_with_questions
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
    barrier = threading.Barrier(THREADS)
    results, errors = [], []

    def submit():
        try:
            barrier.wait()
            results.append(attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk)))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert len(results) == THREADS
    questions = AttemptQuestion.objects.filter(attempt=attempt).count()
    assert len(calls) == questions  # marked exactly once
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.passed and stored.percent == 100
    assert {r.submitted_at for r in results} == {stored.submitted_at}
