"""The demo trainee can finish the demo course: every lesson, the three quizzes and the three
practical skills signed off by the demo instructor; the certificate then lists the skills."""

import io
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pypdf import PdfReader

from certificates.models import Certificate
from demo.loader import DEMO_ACCOUNTS
from demo.trainee import key_answer

pytestmark = pytest.mark.django_db


def _pass(quiz, user):
    from quizzes.services import attempt_save_responses, attempt_start, attempt_submit

    attempt, _ = attempt_start(quiz=quiz, user=user)
    rows = list(attempt.questions.all())
    attempt_save_responses(
        attempt=attempt, responses={r.position: key_answer(r.snapshot) for r in rows}
    )
    assert attempt_submit(attempt=attempt).passed, quiz.title


def test_the_demo_trainee_finishes_and_the_certificate_lists_three_skills(
    django_capture_on_commit_callbacks, tmp_path
):
    from courses.models import LessonPage
    from courses.services import lesson_complete
    from practice.models import PracticalSkillPage
    from quizzes.models import Attempt, QuizPage
    from tests.certificates.pdf_tools import render_png
    from tests.practice.skill_data import sign_every_skill

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    users = get_user_model().objects
    trainee = users.get(email=DEMO_ACCOUNTS["trainee"]["email"])
    instructor = users.get(email=DEMO_ACCOUNTS["instructor"]["email"])
    with django_capture_on_commit_callbacks(execute=True):
        for quiz in QuizPage.objects.live().order_by("path"):
            if not Attempt.objects.filter(quiz=quiz, user=trainee, passed=True).exists():
                _pass(quiz, trainee)
        for lesson in LessonPage.objects.live().order_by("path"):
            lesson_complete(user=trainee, lesson=lesson)
        sign_every_skill(
            trainee=trainee,
            instructor=instructor,
            password=DEMO_ACCOUNTS["instructor"]["password"],
        )
    certificate = Certificate.objects.get(user=trainee)
    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "supervised practical assessment" in text
    for title in PracticalSkillPage.objects.values_list("title", flat=True):
        assert " ".join(title.split()[:4]) in text, title
    assert text.count("Dr Alex Morgan") >= 3  # signed each skill (and signs the certificate)
    Path("test-results").mkdir(exist_ok=True)
    shutil.copy(render_png(data, tmp_path), "test-results/demo-certificate.png")
