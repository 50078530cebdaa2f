"""The load test's database side (ORM, in the launcher): create trainees, then check the outcome.

Trainees are created directly, not through sign-up: sign-up is rate-limited per client and needs
an emailed confirmation. All share one password hash, computed once, so seeding 300 costs one
PBKDF2 run; each logs in over HTTP exactly once, which costs the server one PBKDF2 check each.
"""

from __future__ import annotations

from dataclasses import dataclass

PASSWORD = "load-test-trainee-2026"  # noqa: S105 - throwaway accounts in a throwaway database
FINAL_QUIZ_SLUG = "final-assessment"
SAFETY_QUIZ_SLUG = "safety-and-contraindications-quiz"


@dataclass(frozen=True)
class Site:
    course_id: int
    course_url: str
    lesson_url: str
    final_quiz_id: int


def demo_site() -> Site:
    from courses.models import LessonPage
    from quizzes.models import QuizPage

    final = QuizPage.objects.live().get(slug=FINAL_QUIZ_SLUG)
    course = final.get_parent().specific
    while course.specific_class.__name__ != "CoursePage":
        course = course.get_parent().specific
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    return Site(
        course_id=course.pk,
        course_url=course.url,
        lesson_url=lesson.url,
        final_quiz_id=final.pk,
    )


def trainees_create(*, run: str, count: int) -> list[str]:
    """`count` verified trainees load-<run>-<i>@example.org; returns their emails."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    User = get_user_model()
    password = make_password(PASSWORD)
    emails = [f"load-{run}-{index}@example.org" for index in range(count)]
    users = User.objects.bulk_create(
        User(email=email, full_name=f"Load Trainee {index}", password=password)
        for index, email in enumerate(emails)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    return emails


def safety_quiz_pass(*, emails: list[str]) -> None:
    """The final needs the safety quiz passed in the current enrolment; pass it by the services.

    Runs after the trainees enrolled over HTTP (a pass before enrolling would not count).
    """
    from demo.trainee import key_answer
    from quizzes.models import QuizPage
    from quizzes.services import attempt_save_responses, attempt_start, attempt_submit

    quiz = QuizPage.objects.live().get(slug=SAFETY_QUIZ_SLUG)
    from django.contrib.auth import get_user_model

    for user in get_user_model().objects.filter(email__in=emails):
        attempt, _ = attempt_start(quiz=quiz, user=user)
        rows = list(attempt.questions.all())
        answers = {row.position: key_answer(row.snapshot) for row in rows}
        attempt_save_responses(attempt=attempt, responses=answers)
        if not attempt_submit(attempt=attempt).passed:
            raise RuntimeError(f"{user.email} did not pass the safety quiz")


def outcome_problems(*, sent: dict[str, dict[int, dict]]) -> tuple[list[str], int, int]:
    """Compare the database with what each trainee sent: (problems, answers sent, answers stored).

    Checks: exactly one final attempt per trainee; it is submitted, by the trainee (not the
    deadline sweep), and graded once: the guarded status change set `submitted_at` and the score
    once, every question carries a mark, and the marks add up to the stored score (two gradings
    racing would have to agree to the cent to pass this); every answer sent is stored as sent.
    """
    from quizzes.models import Attempt, AttemptQuestion

    problems: list[str] = []
    attempts = {
        attempt.user.email: attempt
        for attempt in Attempt.objects.filter(
            quiz__slug=FINAL_QUIZ_SLUG, user__email__in=sent
        ).select_related("user")
    }
    counts: dict[str, int] = {}
    for email in Attempt.objects.filter(
        quiz__slug=FINAL_QUIZ_SLUG, user__email__in=sent
    ).values_list("user__email", flat=True):
        counts[email] = counts.get(email, 0) + 1
    stored_total = 0
    sent_total = sum(len(answers) for answers in sent.values())
    for email, answers in sent.items():
        if counts.get(email, 0) != 1:
            problems.append(f"{email}: {counts.get(email, 0)} attempts at the final, not 1")
            continue
        attempt = attempts[email]
        if attempt.status != Attempt.Status.SUBMITTED or attempt.submitted_at is None:
            problems.append(f"{email}: attempt {attempt.pk} is {attempt.status}, not submitted")
        if attempt.auto_submitted:
            problems.append(f"{email}: attempt {attempt.pk} was submitted by the deadline sweep")
        if attempt.score is None or attempt.percent is None or attempt.passed is None:
            problems.append(f"{email}: attempt {attempt.pk} has no grade")
        rows = list(AttemptQuestion.objects.filter(attempt=attempt).order_by("position"))
        if any(row.score is None or row.fraction is None for row in rows):
            problems.append(f"{email}: attempt {attempt.pk} has unmarked questions")
        elif attempt.score is not None and sum(row.score for row in rows) != attempt.score:
            problems.append(f"{email}: attempt {attempt.pk} marks do not add up to its score")
        for row in rows:
            if row.response:
                stored_total += 1
            expected = answers.get(row.position)
            if expected is not None and row.response != expected:
                problems.append(
                    f"{email}: question {row.position} stored {row.response!r}, sent {expected!r}"
                )
    return problems, sent_total, stored_total
