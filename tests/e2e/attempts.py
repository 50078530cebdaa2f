"""Shared steps for browser tests of the attempt page: log in, open the demo's technique quiz."""

from playwright.sync_api import expect

TECHNIQUE_SLUG = "technique-and-clinical-application-quiz"


NEW_TRAINEE = {"email": "new-trainee@example.org", "password": "correct-horse-battery"}


def log_in(page, demo_site, role: str = "trainee"):
    """Log in as a demo account, or as "new": a trainee just enrolled on the demo course (the
    demo trainee has passed the safety quiz and has a logbook already)."""
    from demo.loader import DEMO_ACCOUNTS

    if role == "new":
        _enrol_new_trainee()
    account = NEW_TRAINEE if role == "new" else DEMO_ACCOUNTS[role]
    page.goto(demo_site + "/accounts/login/")
    page.get_by_label("Email").fill(account["email"])
    page.get_by_label("Password").fill(account["password"])
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="Log in")).to_have_count(0)
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email=account["email"])


def _enrol_new_trainee():
    from courses.models import CoursePage
    from courses.services import enrollment_create
    from tests.factories import UserFactory

    user = UserFactory(email=NEW_TRAINEE["email"], full_name="Noor New")
    enrollment_create(user=user, course=CoursePage.objects.get(is_sample_content=True))


def start_technique_attempt(user):
    """The demo's technique quiz: one long timed page (25 minutes) with the hotspot question.

    It requires the safety quiz passed first (issue 10), so that is passed here as well.
    """
    from quizzes.models import QuizPage
    from quizzes.services import attempt_start
    from tests.courses.test_progress_pages import pass_quiz
    from tests.demo.package import SAFETY

    pass_quiz(QuizPage.objects.get(slug=SAFETY), user)
    quiz = QuizPage.objects.get(slug=TECHNIQUE_SLUG)
    attempt, _ = attempt_start(quiz=quiz, user=user)
    return attempt


def hotspot_position(attempt) -> int:
    return next(
        row.position for row in attempt.questions.all() if row.snapshot["type"] == "hotspot"
    )


def wait_out_cooldown(user, quiz_slug: str):
    """The demo quizzes ask for a wait after a failed attempt: move the trainee's attempts back
    past it, as if the time had passed (the server's clock is the test's clock)."""
    from quizzes.models import Attempt, QuizPage

    quiz = QuizPage.objects.get(slug=quiz_slug)
    for attempt in Attempt.objects.filter(quiz=quiz, user=user, status="submitted"):
        Attempt.objects.filter(pk=attempt.pk).update(
            submitted_at=attempt.submitted_at - quiz.cooldown
        )
