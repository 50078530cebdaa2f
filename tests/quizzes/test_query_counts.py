"""Saving answers and submitting cost the same number of queries for 10 and 100 questions."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes.models import Attempt
from tests.factories import lessons_of
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.quizzes.test_attempts import key_response

pytestmark = pytest.mark.django_db


def measure(client, trainee, quiz_course, size):
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [QuestionFactory() for _ in range(size)])
    client.force_login(trainee)
    client.post(reverse("quizzes:start", args=[quiz.id]))
    attempt = Attempt.objects.get(user=trainee, quiz=quiz)
    responses = {str(row.position): key_response(row) for row in attempt.questions.all()}
    url = reverse("quizzes:autosave", args=[attempt.id])
    with CaptureQueriesContext(connection) as save_queries:
        response = client.post(
            url, json.dumps({"responses": responses}), content_type="application/json"
        )
    assert response.json()["saved"] == size
    with CaptureQueriesContext(connection) as submit_queries:
        client.post(reverse("quizzes:submit", args=[attempt.id]))
    attempt.refresh_from_db()
    assert attempt.passed
    return len(save_queries), len(submit_queries)


def test_save_and_submit_queries_constant(client, enrolled, quiz_course):
    save_10, submit_10 = measure(client, enrolled, quiz_course, 10)
    save_100, submit_100 = measure(client, enrolled, quiz_course, 100)
    print(f"autosave queries: 10q={save_10} 100q={save_100}")
    print(f"submit queries (passing, required quiz): 10q={submit_10} 100q={submit_100}")
    assert save_10 == save_100
    assert submit_10 == submit_100
