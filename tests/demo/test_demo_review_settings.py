"""The demo quizzes are retake-safe: the safety quiz shows its key only once passed (its cases come
back in a later cycle or after an extra attempt), the others wait for a pass or the last attempt,
and a failed attempt asks for a wait before the next one."""

from html import unescape

import pytest
from django.core.management import call_command

from tests.demo.test_load_demo import fresh_trainee

pytestmark = pytest.mark.django_db


def test_demo_quizzes_hide_the_key_until_a_pass():
    from quizzes.models import QuizPage
    from quizzes.review_rules import timing_problem

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    quizzes = list(QuizPage.objects.live())
    assert len(quizzes) == 3
    for quiz in quizzes:
        expected = (
            "after_pass" if quiz.slug == "safety-and-contraindications-quiz" else "pass_or_last"
        )
        assert quiz.review_timing == expected, quiz.title
        assert quiz.cooldown.total_seconds() >= 3600, quiz.title
        assert not timing_problem(
            timing=quiz.review_timing,
            attempts_allowed=quiz.attempts_allowed,
            closes=quiz.available_until,
        )
    assert QuizPage.objects.get(slug="final-assessment").cooldown_text == "1 day"


def test_a_failed_demo_safety_attempt_shows_no_key(client):
    from quizzes.models import QuizPage
    from quizzes.services import attempt_start, attempt_submit

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    trainee = fresh_trainee()  # the demo trainee has passed the safety quiz already
    safety = QuizPage.objects.get(slug="safety-and-contraindications-quiz")
    attempt, _ = attempt_start(quiz=safety, user=trainee)
    attempt = attempt_submit(attempt=attempt)  # nothing answered
    client.force_login(trainee)
    html = unescape(client.get(f"/attempts/{attempt.id}/result/").content.decode())
    assert "Not passed" in html and "Why it matters:" in html
    assert "Correct answer:" not in html and "Your answer:" not in html
    for row in attempt.questions.all():
        for option in row.snapshot["review"].get("options", {}).values():
            assert not option["feedback"] or option["feedback"] not in html


def test_the_demo_safety_quiz_shows_no_key_even_after_the_last_failed_attempt(client):
    from quizzes.models import QuizPage
    from quizzes.services import attempt_start, attempt_submit

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    trainee = fresh_trainee()
    safety = QuizPage.objects.get(slug="safety-and-contraindications-quiz")
    QuizPage.objects.filter(pk=safety.pk).update(cooldown_amount=0)
    safety.refresh_from_db()
    for _ in range(safety.attempts_allowed):
        attempt, _ = attempt_start(quiz=safety, user=trainee)
        attempt = attempt_submit(attempt=attempt)
    client.force_login(trainee)
    html = unescape(client.get(f"/attempts/{attempt.id}/result/").content.decode())
    assert "Not passed" in html
    assert "Correct answer:" not in html and "Your answer:" not in html


def test_each_demo_quiz_tells_trainees_truly_when_they_see_the_answers():
    """The intro is what a trainee reads before starting: it must not promise the key at a moment
    the quiz's review timing does not give it (the safety quiz once said "or after your last
    attempt" while showing it only after a pass)."""
    from quizzes.models import QuizPage

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for quiz in QuizPage.objects.live():
        intro = unescape(quiz.intro)
        if quiz.review_timing == "after_pass":
            assert "last attempt" not in intro, quiz.title
            assert "once you pass" in intro, quiz.title
