"""Quiz results reads: quizzes an instructor may see, their attempts, and responses as rows.

Responses are described from each attempt's snapshot with the trainee review's own functions
(quizzes.review), so what an instructor reads is what the trainee was shown, key included."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db.models import Count, Q
from django.utils.html import strip_tags

from courses.scope import course_subtree_q
from quizzes.models import Attempt, AttemptQuestion, QuizPage
from quizzes.review import correct_text, response_text


def quizzes_for_instructor(*, user):
    """Quizzes inside the courses the user may see, with attempt counts (one query)."""
    submitted = Q(attempts__status=Attempt.Status.SUBMITTED)
    return (
        QuizPage.objects.filter(course_subtree_q(user=user))
        .annotate(
            submitted=Count("attempts", filter=submitted),
            passes=Count("attempts", filter=submitted & Q(attempts__passed=True)),
        )
        .order_by("path")
    )


def attempts_for_instructor(*, user):
    """Every attempt on a quiz in the user's courses (the scope of the results and records)."""
    return Attempt.objects.filter(course_subtree_q(user=user, field="quiz__path"))


def quiz_attempts(*, quiz: QuizPage, outcome: str = ""):
    attempts = quiz.attempts.select_related("user").order_by("-started_at", "-pk")
    if outcome == "passed":
        attempts = attempts.filter(passed=True)
    elif outcome == "failed":
        attempts = attempts.filter(status=Attempt.Status.SUBMITTED, passed=False)
    elif outcome == "must_pass":
        attempts = attempts.filter(failed_critical=True)
    elif outcome == "in_progress":
        attempts = attempts.filter(status=Attempt.Status.IN_PROGRESS)
    return attempts


OUTCOMES = {
    "passed": "Passed",
    "failed": "Not passed",
    "must_pass": "Failed a must-pass item",
    "in_progress": "In progress",
}

RESPONSE_HEADER = [
    "Trainee",
    "Email",
    "Quiz",
    "Attempt",
    "Started",
    "Submitted",
    "Attempt score (%)",
    "Attempt passed",
    "Question",
    "Question title",
    "Must-pass",
    "Response",
    "Correct answer",
    "Credit (0–1)",
    "Points",
    "Out of",
]


def question_label(row) -> str:
    """The bank title, or the frozen stem when the question has been deleted since."""
    if row.question is not None:
        return row.question.title
    stem = strip_tags(str(row.snapshot.get("display", {}).get("stem", ""))).strip()
    return f"(deleted) {stem[:80]}"


def _points(row):
    try:
        return Decimal(str(row.snapshot.get("points")))
    except (InvalidOperation, ValueError):
        return None


def response_rows(attempt_questions):
    """One spreadsheet row per response, from a queryset of AttemptQuestion, read in chunks."""
    rows = attempt_questions.select_related("attempt__user", "attempt__quiz", "question").order_by(
        "attempt__started_at", "attempt_id", "position"
    )
    for row in rows.iterator(chunk_size=1000):
        attempt = row.attempt
        yield [
            attempt.user.full_name,
            attempt.user.email,
            attempt.quiz.title,
            attempt.number,
            attempt.started_at,
            attempt.submitted_at,
            attempt.percent,
            attempt.passed,
            row.position,
            question_label(row),
            bool(row.snapshot.get("critical")),
            safe_text(response_text, row),
            safe_text(correct_text, row),
            row.fraction,
            row.score,
            _points(row),
        ]


def safe_text(describe, row) -> str:
    """A response the snapshot cannot describe (an old or hand-edited row) says so, not 500."""
    try:
        return describe(row)
    except (KeyError, TypeError, ValueError, AttributeError):
        return "(cannot be shown)"


def quiz_responses(*, quiz: QuizPage):
    return AttemptQuestion.objects.filter(
        attempt__quiz=quiz, attempt__status=Attempt.Status.SUBMITTED
    )
