"""Queries per quiz request on PostgreSQL, counted as a real request makes them: no test
transaction around it, so every savepoint counted is one production pays (BEGIN and COMMIT are
not counted). Start at most 12 whatever the number of questions and scenarios (a first attempt
and a retake, which also reads what earlier attempts showed, for variant rotation), autosave at
most 7, submit at most 8 with the completion check, whether lessons are still to do (as for most
submits) or it must ask about every kind of requirement (lessons, quizzes, skills: one UNION)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import enrollment_create, lesson_complete
from quizzes.models import Attempt, Scenario
from tests.factories import UserFactory, build_course, lessons_of, wagtail_initial_data
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.quizzes.test_attempts import key_response

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

START_BUDGET, AUTOSAVE_BUDGET, SUBMIT_BUDGET = 12, 7, 8


def queries_of(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code in (200, 302), response
    # BEGIN and COMMIT are transaction control, not queries; savepoints are counted.
    return sum(1 for q in captured.captured_queries if q["sql"].strip() not in ("BEGIN", "COMMIT"))


def take_measured(client, course, quiz, *, lessons_done=()) -> dict[str, int]:
    user = UserFactory()
    enrollment_create(user=user, course=course)
    for lesson in lessons_done:
        lesson_complete(user=user, lesson=lesson)
    client.force_login(user)
    counts = {"start": queries_of(lambda: client.post(reverse("quizzes:start", args=[quiz.id])))}
    attempt = Attempt.objects.get(user=user, quiz=quiz)
    answers = {str(row.position): key_response(row) for row in attempt.questions.all()}
    body = json.dumps({"responses": answers})
    url = reverse("quizzes:autosave", args=[attempt.id])
    counts["autosave"] = queries_of(lambda: client.post(url, body, content_type="application/json"))
    counts["submit"] = queries_of(lambda: client.post(reverse("quizzes:submit", args=[attempt.id])))
    attempt.refresh_from_db()
    assert attempt.passed
    counts["retake"] = queries_of(lambda: client.post(reverse("quizzes:start", args=[quiz.id])))
    assert Attempt.objects.filter(user=user, quiz=quiz).count() == 2
    return counts


def quiz_of(course, *, questions: int, scenarios: int):
    module = lessons_of(course)[0].get_parent()
    cases = [
        Scenario.objects.create(title=f"Case {n}", vignette=f"<p>Case {n}</p>")
        for n in range(scenarios)
    ]
    bank = [
        QuestionFactory(scenario=cases[n % scenarios] if scenarios else None)
        for n in range(questions)
    ]
    return quiz_with_questions(module, bank, is_required=True, attempts_allowed=0)


def test_quiz_requests_stay_within_their_query_budgets(client):
    wagtail_initial_data()
    course = build_course(modules=1, lessons_per_module=2)
    small = quiz_of(course, questions=3, scenarios=0)
    large = quiz_of(course, questions=30, scenarios=6)
    for quiz in (small, large):
        take_measured(client, course, quiz)  # warms per-process caches, as on a running server
    counts = {
        "small": take_measured(client, course, small),
        "large": take_measured(client, course, large),
    }
    print(f"\nqueries per request: {counts}")
    assert counts["small"] == counts["large"]
    assert counts["small"]["start"] <= START_BUDGET
    assert counts["small"]["retake"] <= START_BUDGET
    assert counts["small"]["autosave"] <= AUTOSAVE_BUDGET
    assert counts["small"]["submit"] <= SUBMIT_BUDGET

    # Every lesson done, a required skill not yet signed off: the completion check asks about
    # lessons, quizzes and skills, in the same one query.
    from tests.practice.skill_data import add_skill

    add_skill(lessons_of(course)[0].get_parent())
    take_measured(client, course, small)  # the new page dropped what was kept: warm up again
    every_kind = take_measured(client, course, small, lessons_done=lessons_of(course))
    print(f"queries when every kind is asked: {every_kind}")
    assert every_kind["submit"] <= SUBMIT_BUDGET
    assert every_kind["start"] <= START_BUDGET and every_kind["retake"] <= START_BUDGET
