"""Before submission, nothing the browser receives may reveal answers, credits, zones, feedback."""

import json
import re

import pytest
import wagtail_factories
from django.urls import reverse

from quizzes.models import Attempt
from tests.factories import lessons_of
from tests.factories.quizzes import QuestionFactory, body, every_type_questions, quiz_with_questions

pytestmark = pytest.mark.django_db

SECRETS = [
    "FEEDBACK-",
    "GENERAL-FEEDBACK-SECRET",
    "CRITICAL-REASON-SECRET",
    "pneumothora",
    "2018",
    "137.25",
    "credit",
    "review",
    '"key"',
]


@pytest.fixture
def leak_quiz(quiz_course):
    image = wagtail_factories.ImageFactory(width=400, height=300)
    hotspot = QuestionFactory(
        kind="single_choice",
        body=body(
            "hotspot",
            image=image.pk,
            image_alt="A diagram",
            zones=[{"shape": "circle", "coords": "137.25, 88.5, 12", "credit": 1.0}],
        ),
    )
    critical = QuestionFactory(
        kind="true_false", critical=True, critical_reason="CRITICAL-REASON-SECRET"
    )
    questions = [*every_type_questions(), hotspot, critical]
    module = lessons_of(quiz_course)[0].get_parent()
    return quiz_with_questions(
        module, questions, questions_per_page=1, time_limit_minutes=30, review_timing="immediately"
    )


def assert_clean(text: str, where: str):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked in {where}"


def test_no_page_of_an_open_attempt_reveals_answers(client, enrolled, leak_quiz):
    client.force_login(enrolled)
    assert_clean(client.get(leak_quiz.url).content.decode(), "quiz page")
    start = client.post(reverse("quizzes:start", args=[leak_quiz.id]), follow=True)
    assert_clean(start.content.decode(), "first attempt page")
    attempt = Attempt.objects.get(user=enrolled)
    pages = attempt.questions.count()
    assert pages == 9
    for number in range(1, pages + 1):
        html = client.get(reverse("quizzes:attempt", args=[attempt.id]), {"page": number})
        assert html.status_code == 200
        assert_clean(html.content.decode(), f"attempt page {number}")
    # the ordering question never starts in the right order
    ordering = attempt.questions.get(snapshot__type="ordering")
    shown = [item["id"] for item in ordering.snapshot["display"]["items"]]
    assert shown != ordering.snapshot["key"]["order"]
    saved = client.post(
        reverse("quizzes:autosave", args=[attempt.id]),
        data=json.dumps({"responses": {"1": {}}}),
        content_type="application/json",
    )
    assert_clean(saved.content.decode(), "autosave JSON")
    static_js = (client.get("/static/js/attempt.js").getvalue() or b"").decode()
    assert_clean(static_js, "attempt.js")


def test_option_ids_do_not_encode_credit(client, enrolled, leak_quiz):
    client.force_login(enrolled)
    client.post(reverse("quizzes:start", args=[leak_quiz.id]))
    attempt = Attempt.objects.get(user=enrolled)
    row = attempt.questions.get(snapshot__type="single_choice", question__critical=False)
    ids = [option["id"] for option in row.snapshot["display"]["options"]]
    assert all(re.fullmatch(r"[0-9a-f]{12}", option_id) for option_id in ids)


def test_hotspot_review_draws_zones_only_when_answers_may_be_shown(client, enrolled, leak_quiz):
    from quizzes.services import attempt_save_responses, attempt_start, attempt_submit

    attempt, _ = attempt_start(quiz=leak_quiz, user=enrolled)
    hotspot = attempt.questions.get(snapshot__type="hotspot")
    saved = attempt_save_responses(
        attempt=attempt, responses={hotspot.position: {"x": 50, "y": 40}}
    )
    assert saved.errors == {}
    attempt_submit(attempt=attempt)
    client.force_login(enrolled)
    html = client.get(reverse("quizzes:result", args=[attempt.id])).content.decode()
    assert 'class="review-zone"' in html and 'class="review-marker"' in html
    leak_quiz.review_policy = "responses"
    leak_quiz.save()
    html = client.get(reverse("quizzes:result", args=[attempt.id])).content.decode()
    assert 'class="review-zone"' not in html and 'class="review-marker"' in html
