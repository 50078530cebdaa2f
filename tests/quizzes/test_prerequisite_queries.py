"""Prerequisites cost no query per quiz: the pages and the start cost the same with 0, 1 or 6
quizzes that need others (the rules ride in the query of quiz passes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import enrollment_create
from quizzes.models import QuizPrerequisite
from tests.courses.test_progress_pages import pass_quiz
from tests.factories import UserFactory, build_course, lessons_of
from tests.factories.quizzes import QuestionFactory, quiz_with_questions

pytestmark = pytest.mark.django_db


def count(client, method, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url)
    assert response.status_code in (200, 302)
    return len(queries)


def measure(client, *, quizzes: int, chained: bool) -> dict[str, int]:
    """A course with `quizzes` quizzes in module 2; if chained, each needs all before it."""
    trainee = UserFactory()
    course = build_course(modules=2, lessons_per_module=2)
    first, second = course.get_children().specific()
    made = [
        quiz_with_questions(second, [QuestionFactory(kind="true_false")], is_required=True)
        for _ in range(quizzes)
    ]
    base = quiz_with_questions(first, [QuestionFactory(kind="true_false")], is_required=True)
    last = quiz_with_questions(course, [QuestionFactory(kind="true_false")], is_required=True)
    if chained:
        for index, quiz in enumerate([*made, last]):
            for order, other in enumerate([base, *made[:index]]):
                QuizPrerequisite.objects.create(quiz=quiz, required_quiz=other, sort_order=order)
    enrollment_create(user=trainee, course=course)
    pass_quiz(base, trainee)
    for quiz in made:
        pass_quiz(quiz, trainee)
    client.force_login(trainee)
    urls = {
        "lesson": lessons_of(course)[3].url,
        "course": course.url,
        "dashboard": "/learning/",
        "quiz": last.url,
    }
    for url in urls.values():
        client.get(url)  # warm caches (site root paths) as on a running server
    counts = {name: count(client, "get", url) for name, url in urls.items()}
    counts["start"] = count(client, "post", reverse("quizzes:start", args=[last.id]))
    return counts


def test_pages_and_start_cost_the_same_with_and_without_prerequisites(client):
    measure(client, quizzes=1, chained=False)  # warm per-process caches (content types)
    none = measure(client, quizzes=1, chained=False)
    one = measure(client, quizzes=1, chained=True)
    six = measure(client, quizzes=6, chained=True)
    print(f"queries without prerequisites: {none}")
    print(f"queries, 2 quizzes each needing those before: {one}")
    print(f"queries, 7 quizzes each needing those before: {six}")
    assert none == one == six
