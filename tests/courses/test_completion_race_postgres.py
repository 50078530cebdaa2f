"""The last two requirements met at the same moment (the last lesson in one tab, the last quiz
passed in another) complete the course once: neither transaction may decide "not yet" without
seeing the other's work. PostgreSQL only: SQLite serialises writers.

Both evaluations are held at a barrier just before they read progress. Without a lock on the
enrollment they both read a snapshot that lacks the other's requirement, and nobody completes the
course; with it, the second waits for the first to commit and then sees everything."""

import pytest
from django.db import connection

from courses.models import Enrollment
from courses.services import enrollment_create, lesson_complete
from tests.factories import UserFactory, build_course, lessons_of, wagtail_initial_data
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.insight.grade_data import take
from tests.parallel import in_parallel, meet_before_reading_progress

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


@pytest.mark.django_db(transaction=True)
def test_the_last_lesson_and_the_last_quiz_at_once_complete_the_course(monkeypatch):
    wagtail_initial_data()
    course = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    quiz = quiz_with_questions(
        lesson.get_parent(), [QuestionFactory(kind="true_false")], is_required=True
    )
    trainee = UserFactory()
    enrollment_create(user=trainee, course=course)

    meet_before_reading_progress(monkeypatch)
    work = [
        lambda: lesson_complete(user=trainee, lesson=lesson),
        lambda: take(quiz, trainee, right=True),
    ]
    _, errors = in_parallel(lambda i: work[i](), 2)
    assert errors == []
    assert Enrollment.objects.get(user=trainee).completed_at is not None
