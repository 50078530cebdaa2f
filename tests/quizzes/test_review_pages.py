"""After every attempt, fetch every page and endpoint a trainee can reach and check what the
review timing lets through: the key, option feedback and model answers only once it has come;
score, pass/fail and the must-pass items missed (stem and reason) before it."""

import json

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from quizzes.models import QuizOverride
from quizzes.services import attempt_save_responses, attempt_start, attempt_submit
from tests.factories import lessons_of
from tests.factories.quizzes import QuestionFactory, body, quiz_with_questions
from tests.quizzes.test_attempts import key_response

pytestmark = pytest.mark.django_db

STEM = "STEM-OF-THE-MUST-PASS-ITEM"
REASON = "REASON-FOR-THE-MUST-PASS-ITEM"
KEY = [  # what only a reached review may show
    "Pregnancy",  # the keyed option's text
    "FEEDBACK-",  # per-option and true/false feedback
    "GENERAL-FEEDBACK-SECRET",
    "MODEL-ANSWER-SECRET",  # the short-text model answer
    "Correct answer:",
    "Your answer:",  # with policy "answers", own answers come with their marks
    'text-bg-success">Correct',  # which items were right…
    "Incorrect</span>",  # …or wrong
]


@pytest.fixture
def review_quiz(quiz_course):
    """Three items, one must-pass: pass mark 60 %, so two right of three passes if the
    must-pass item is one of them."""
    module = lessons_of(quiz_course)[0].get_parent()
    questions = [
        QuestionFactory(kind="single_choice"),
        QuestionFactory(
            body=body(
                "short_text",
                answers=[{"text": "pneumothorax", "credit": 1.0}],
                case_sensitive=False,
                model_answer="MODEL-ANSWER-SECRET",
            )
        ),
        QuestionFactory(
            kind="true_false",
            stem=f"<p>{STEM}?</p>",
            critical=True,
            critical_reason=REASON,
        ),
    ]
    return quiz_with_questions(
        module, questions, pass_mark=60, attempts_allowed=2, review_policy="answers"
    )


def sit(quiz, user, *, right: set[str]):
    """One attempt answering the kinds in `right` with the key and the others wrongly."""
    attempt, _ = attempt_start(quiz=quiz, user=user)
    responses = {}
    for row in attempt.questions.all():
        kind = row.snapshot["type"]
        if kind in right:
            responses[row.position] = key_response(row)
        elif kind == "true_false":
            responses[row.position] = {"value": "false"}
        elif kind == "short_text":
            responses[row.position] = {"text": "pneumonia"}
    attempt_save_responses(attempt=attempt, responses=responses)
    return attempt_submit(attempt=attempt)


FAIL_MUST_PASS = {"single_choice", "short_text"}  # 67 %, but the must-pass item is wrong
FAIL_SCORE = {"true_false"}  # must-pass right, 33 %
PASS = {"true_false", "short_text", "single_choice"}


def every_trainee_surface(client, quiz, attempts) -> tuple[dict, dict]:
    """(pages that show an attempt's result, every other page and endpoint), as text."""
    course = quiz.get_parent().get_parent()
    others = {
        "quiz page": client.get(quiz.url),
        "course page": client.get(course.url),
        "dashboard": client.get(reverse("courses:dashboard")),
        "certificates": client.get(reverse("certificates:mine")),
        "search": client.get(reverse("search"), {"q": "question stem"}),
    }
    results = {}
    for attempt in attempts:
        n, args = attempt.number, [attempt.id]
        results[f"result {n}"] = client.get(reverse("quizzes:result", args=args))
        results[f"attempt page {n}"] = client.get(
            reverse("quizzes:attempt", args=args), follow=True
        )
        results[f"save {n}"] = client.post(
            reverse("quizzes:save", args=args), {"action": "save"}, follow=True
        )
        results[f"submit {n}"] = client.post(reverse("quizzes:submit", args=args), follow=True)
        others[f"autosave JSON {n}"] = client.post(
            reverse("quizzes:autosave", args=args),
            data=json.dumps({"responses": {"1": {"choice": "x"}}}),
            content_type="application/json",
        )
    for name, response in {**results, **others}.items():
        assert response.status_code in (200, 409), name
    return (
        {name: r.content.decode() for name, r in results.items()},
        {name: r.content.decode() for name, r in others.items()},
    )


def assert_hidden(pages: dict):
    for name, html in pages.items():
        for secret in KEY:
            assert secret not in html, f"{secret!r} shown on {name} before the review timing"


def assert_result_before_timing(html: str, *, missed_must_pass: bool):
    assert "Not passed" in html and "Score:" in html
    assert (STEM in html and REASON in html) is missed_must_pass
    assert "will appear here once you pass this quiz" in html


def assert_full_review(pages: dict):
    for name, html in pages.items():
        for shown in ("Correct answer:", "Pregnancy", "MODEL-ANSWER-SECRET", "FEEDBACK-"):
            assert shown in html, f"{shown!r} missing from {name} once the review is due"


def test_key_hidden_after_failures_and_shown_after_the_pass(client, enrolled, review_quiz):
    client.force_login(enrolled)
    first = sit(review_quiz, enrolled, right=FAIL_MUST_PASS)
    assert first.failed_critical and not first.passed
    results, others = every_trainee_surface(client, review_quiz, [first])
    assert_hidden(results | others)
    assert_result_before_timing(results["result 1"], missed_must_pass=True)

    second = sit(review_quiz, enrolled, right=PASS)  # passes on the last allowed attempt
    results, others = every_trainee_surface(client, review_quiz, [first, second])
    assert_hidden(others)  # the quiz page, JSON and the rest never show the key
    assert_full_review(results)  # both attempts' reviews, the failed one too
    assert STEM in results["result 1"] and REASON in results["result 1"]


def test_last_attempt_used_shows_the_key_and_an_override_hides_it_again(
    client, enrolled, review_quiz
):
    client.force_login(enrolled)
    first = sit(review_quiz, enrolled, right=FAIL_SCORE)
    results, others = every_trainee_surface(client, review_quiz, [first])
    assert_hidden(results | others)
    assert_result_before_timing(results["result 1"], missed_must_pass=False)
    assert "or after your last attempt" in results["result 1"]

    second = sit(review_quiz, enrolled, right=FAIL_MUST_PASS)  # the last allowed attempt
    results, others = every_trainee_surface(client, review_quiz, [first, second])
    assert_full_review(results)
    assert_hidden(others)

    # the instructor grants one more: it could be taken from the key, so the key hides again
    QuizOverride.objects.create(
        quiz=review_quiz, user=enrolled, extra_attempts=1, reason="Illness during attempt 2"
    )
    results, others = every_trainee_surface(client, review_quiz, [first, second])
    assert_hidden(results | others)
    third = sit(review_quiz, enrolled, right=FAIL_SCORE)
    results, _ = every_trainee_surface(client, review_quiz, [first, second, third])
    assert_full_review(results)


def test_unlimited_attempts_wait_for_the_pass(client, enrolled, review_quiz):
    review_quiz.attempts_allowed = 0
    review_quiz.save()
    client.force_login(enrolled)
    attempts = [sit(review_quiz, enrolled, right=FAIL_SCORE) for _ in range(4)]
    results, others = every_trainee_surface(client, review_quiz, attempts)
    assert_hidden(results | others)
    assert "Correct answers and feedback: once you pass" in others["quiz page"]
    attempts.append(sit(review_quiz, enrolled, right=PASS))
    results, _ = every_trainee_surface(client, review_quiz, attempts)
    assert_full_review(results)


def test_after_close_waits_for_the_closing_date(client, enrolled, review_quiz):
    closes = timezone.now() + timezone.timedelta(days=3)
    review_quiz.review_timing = "after_close"
    review_quiz.available_until = closes
    review_quiz.save()
    client.force_login(enrolled)
    passed = sit(review_quiz, enrolled, right=PASS)
    results, others = every_trainee_surface(client, review_quiz, [passed])
    assert_hidden(results | others)  # a pass alone is not the closing
    assert "once the quiz closes on" in results["result 1"]
    with time_machine.travel(closes + timezone.timedelta(minutes=1)):
        results, others = every_trainee_surface(client, review_quiz, [passed])
    assert_full_review(results)
    assert_hidden(others)


def test_a_retake_in_progress_hides_the_review_of_earlier_attempts(client, enrolled, review_quiz):
    review_quiz.review_timing = "immediately"
    review_quiz.attempts_allowed = 3
    review_quiz.save()
    client.force_login(enrolled)
    first = sit(review_quiz, enrolled, right=FAIL_SCORE)
    url = reverse("quizzes:result", args=[first.id])
    assert "Correct answer" in client.get(url).content.decode()
    attempt_start(quiz=review_quiz, user=enrolled)
    html = client.get(url).content.decode()
    assert "Correct answer" not in html and "FEEDBACK-" not in html
    assert "hidden while you have an attempt in progress" in html


def test_policy_responses_before_the_timing_shows_no_marks(client, enrolled, review_quiz):
    review_quiz.review_policy = "responses"
    review_quiz.save()
    client.force_login(enrolled)
    first = sit(review_quiz, enrolled, right=FAIL_MUST_PASS)
    results, others = every_trainee_surface(client, review_quiz, [first])
    assert_hidden(results | others)
    assert "Your marked answers will appear here once you pass" in results["result 1"]
    assert STEM in results["result 1"] and REASON in results["result 1"]


@pytest.mark.parametrize("timing", ["pass_or_last", "immediately"])
def test_result_page_queries_do_not_grow_with_the_questions(client, enrolled, quiz_course, timing):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    module = lessons_of(quiz_course)[0].get_parent()
    counts = []
    for size in (2, 8):
        questions = [QuestionFactory(critical=True, critical_reason="Why") for _ in range(size)]
        quiz = quiz_with_questions(module, questions, review_timing=timing, attempts_allowed=0)
        attempt, _ = attempt_start(quiz=quiz, user=enrolled)
        attempt_submit(attempt=attempt)  # every must-pass item missed
        client.force_login(enrolled)
        client.get(reverse("quizzes:result", args=[attempt.id]))  # warm the per-process caches
        with CaptureQueriesContext(connection) as queries:
            html = client.get(reverse("quizzes:result", args=[attempt.id])).content.decode()
        assert html.count("Why it matters:") == size
        counts.append(len(queries))
    print(f"result page queries ({timing}), 2 and 8 questions: {counts}")
    assert counts[0] == counts[1]


class TestReviewStateFollowsTheAttempts(HypothesisTestCase):
    """Any run of passes and failures, any limit, with or without an extra attempt granted: what
    the result page would show is the pure rule applied to the attempts as a person counts them."""

    @settings(max_examples=25, deadline=None)
    @given(
        outcomes=st.lists(st.booleans(), min_size=1, max_size=4),
        allowed=st.integers(min_value=0, max_value=4),
        extra=st.integers(min_value=0, max_value=1),
        timing=st.sampled_from(["after_pass", "after_last", "pass_or_last", "immediately"]),
    )
    def test_selector_matches_the_rule(self, outcomes, allowed, extra, timing):
        from courses.services import enrollment_create
        from quizzes.review_rules import ReviewState, review_level
        from quizzes.selectors import review_visibility
        from tests.factories import UserFactory, build_course, wagtail_initial_data

        wagtail_initial_data()
        course = build_course(modules=1, lessons_per_module=1)
        trainee = UserFactory()
        enrollment_create(user=trainee, course=course)
        module = lessons_of(course)[0].get_parent()
        quiz = quiz_with_questions(
            module, [QuestionFactory()], attempts_allowed=allowed, review_timing=timing
        )
        if extra:
            QuizOverride.objects.create(quiz=quiz, user=trainee, extra_attempts=1, reason="r")
        limit = allowed + extra if allowed else None
        attempts = []
        for passed in outcomes[: limit or None]:
            attempt, _ = attempt_start(quiz=quiz, user=trainee)
            if passed:
                row = attempt.questions.get()
                attempt_save_responses(attempt=attempt, responses={row.position: key_response(row)})
            attempts.append(attempt_submit(attempt=attempt))
        state = ReviewState(
            passed=any(outcomes[: len(attempts)]),
            attempts_left=None if limit is None else limit - len(attempts),
            closed=False,
        )
        expected = review_level(policy="answers", timing=timing, state=state)
        assert {review_visibility(attempt) for attempt in attempts} == {expected}
