"""Counts read as English: "1 minute", "2 minutes", never "1 minutes" or "minute(s)"."""

import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone

from courses.services import enrollment_create
from quizzes.templatetags.quiz_tags import seconds_until
from tests.factories import lessons_of
from tests.factories.quizzes import QuestionFactory, quiz_with_questions

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def quiz_page_text(client, user, quiz) -> str:
    client.force_login(user)
    html = client.get(quiz.url).content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize(
    ("minutes", "expected"), [(1, "1 minute"), (2, "2 minutes"), (25, "25 minutes")]
)
def test_quiz_page_time_limit_and_wait_agree_with_their_number(
    client, trainee, quiz_course, minutes, expected
):
    enrollment_create(user=trainee, course=quiz_course)
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(
        module, [QuestionFactory()], time_limit_minutes=minutes, cooldown_minutes=minutes
    )
    text = quiz_page_text(client, trainee, quiz)
    assert f"Time limit: {expected} " in text
    assert f"Wait after a failed attempt: {expected} " in text
    assert "1 minutes" not in text


def test_quiz_page_time_limit_with_an_override_of_one_minute(client, trainee, quiz_course):
    from quizzes.models import QuizOverride

    enrollment_create(user=trainee, course=quiz_course)
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [QuestionFactory()], time_limit_minutes=1)
    anonymous = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", client.get(quiz.url).content.decode()))
    assert "Time limit: 1 minute " in anonymous
    QuizOverride.objects.create(quiz=quiz, user=trainee, extra_minutes=1, reason="Extra time")
    assert "Time limit: 2 minutes " in quiz_page_text(client, trainee, quiz)


def test_no_trainee_or_instructor_text_says_s_in_brackets():
    """Templates and scripts pluralise properly instead of writing "(s)"."""
    offenders = []
    for folder, pattern in (("templates", "*.html"), ("static/js", "*.js")):
        for path in (ROOT / folder).rglob(pattern):
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if re.search(r"[a-z]\(s\)", line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}")
    for path in (ROOT / "quizzes").rglob("*.py"):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"[a-z]\(s\)", line) and "migrations" not in path.parts:
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == []


@pytest.mark.parametrize(("count", "expected"), [(1, "1 question rejected"), (3, "3 questions")])
def test_import_preview_counts_agree_with_their_number(rf, admin_user, count, expected):
    class Report:
        rejected = [object()] * count
        skipped = []
        rows = []
        counts = {}

        def count_lines(self):
            return []

    request = rf.get("/admin/")
    request.user = admin_user
    html = render_to_string(
        "quizzes/admin/import_questions.html", {"report": Report()}, request=request
    )
    assert expected in re.sub(r"\s+", " ", html)


@pytest.mark.parametrize(("gift", "expected"), [(b"::A:: Yes? {T}\n", "1 question into bank")])
def test_import_command_says_one_question(tmp_path, gift, expected):
    path = tmp_path / "one.gift"
    path.write_bytes(gift)
    out = StringIO()
    call_command("import_questions", str(path), "--format", "gift", "--bank", "B", stdout=out)
    assert out.getvalue().startswith(f"Imported {expected} 'B':")


def test_seconds_until_counts_down_and_stops_at_zero():
    now = timezone.now()
    assert seconds_until(now + timedelta(minutes=5, seconds=30)) in (329, 330)
    assert seconds_until(now - timedelta(seconds=5)) == 0
    assert seconds_until(None) == 0


def test_one_cpd_hour_and_one_attempt_read_in_the_singular(trainee, quiz_course):
    from decimal import Decimal

    from quizzes.services import QuizUnavailable, attempt_start, attempt_submit

    quiz_course.cpd_hours = Decimal("1.0")
    html = render_to_string("courses/includes/course_card.html", {"course": quiz_course})
    assert "1 CPD hour" in html and "1 CPD hours" not in html
    quiz_course.cpd_hours = Decimal("1.5")
    assert "1.5 CPD hours" in render_to_string(
        "courses/includes/course_card.html", {"course": quiz_course}
    )

    enrollment_create(user=trainee, course=quiz_course)
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [QuestionFactory()], attempts_allowed=1)
    attempt, _ = attempt_start(quiz=quiz, user=trainee)
    attempt_submit(attempt=attempt)
    with pytest.raises(QuizUnavailable, match="You have used your only attempt at this quiz"):
        attempt_start(quiz=quiz, user=trainee)
