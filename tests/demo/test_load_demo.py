import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage, ModulePage
from demo.loader import DEMO_ACCOUNTS, TRAINEE_LESSONS_DONE
from tests.demo import package

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "enrollments": Enrollment.objects.count(),
        "completions": LessonCompletion.objects.count(),
    }


def test_load_demo_builds_the_course_and_is_idempotent(capsys):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    assert "nothing changed" in capsys.readouterr().out

    course = CoursePage.objects.get(slug=package.course()["course"]["slug"])
    assert course.is_sample_content and course.live
    assert ModulePage.objects.child_of(course).count() >= 4
    assert LessonPage.objects.live().descendant_of(course).count() >= 10


def test_demo_accounts_log_in_and_trainee_is_part_way(client):
    call_command("load_demo")
    for data in DEMO_ACCOUNTS.values():
        response = client.post(
            "/accounts/login/", {"login": data["email"], "password": data["password"]}
        )
        assert response.status_code == 302, data["email"]
        client.post("/accounts/logout/")
    trainee = get_user_model().objects.get(email=DEMO_ACCOUNTS["trainee"]["email"])
    enrollment = Enrollment.objects.get(user=trainee)
    assert enrollment.completions.count() == TRAINEE_LESSONS_DONE
    assert enrollment.completed_at is None
    instructor = get_user_model().objects.get(email=DEMO_ACCOUNTS["instructor"]["email"])
    assert instructor.has_perm("wagtailadmin.access_admin")
    assert not trainee.has_perm("wagtailadmin.access_admin")


def test_demo_pages_render(client):
    call_command("load_demo")
    client.force_login(get_user_model().objects.get(email=DEMO_ACCOUNTS["trainee"]["email"]))
    for page in Page.objects.live().exclude(depth=1).specific():
        response = client.get(page.url, follow=True)
        assert response.status_code == 200, page.url


def _lesson_text() -> str:
    """Every lesson file in demo/course/ as the importer reads it."""
    parts = [repr(blocks) for blocks in package.lessons().values()]
    return re.sub(r"\s+", " ", " ".join(parts)).lower()


@pytest.mark.parametrize(
    "topic",
    [
        # every contraindication and risk the seed articles name
        "pregnan",
        "bleeding disorder",
        "blood-thinning",
        "immune",
        "skin infection",
        "metal allergy",
        "diabetes",
        "pneumothorax",
        "nerve",
        "bruising",
        "soreness",
        "infection",
        "allergic",
        "delayed healing",
        "swelling",
        # the honest evidence picture
        "2018",
        "low-to-moderate",
        "acupuncture",
    ],
)
def test_demo_content_teaches_every_seed_safety_topic(topic):
    assert topic in _lesson_text()


def test_demo_quizzes_gate_the_technique_module_and_can_be_passed():
    from courses.models import ModulePage
    from courses.selectors import lesson_page_context
    from quizzes.models import QuizPage
    from quizzes.services import attempt_save_responses, attempt_start, attempt_submit
    from tests.quizzes.test_attempts import key_response

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    trainee = get_user_model().objects.get(email=DEMO_ACCOUNTS["trainee"]["email"])
    quizzes = {quiz.slug: quiz for quiz in QuizPage.objects.live()}
    assert set(quizzes) == set(package.quizzes())
    safety = quizzes["safety-and-contraindications-quiz"]
    technique_module = ModulePage.objects.get(slug="the-treatment-session")
    locked_lesson = LessonPage.objects.child_of(technique_module).first()

    class Request:
        is_preview = False

    context = lesson_page_context(lesson=locked_lesson, user=trainee, request=Request())
    assert not context["can_read"] and "Pass" in context["lock_reason"].reason
    assert context["lock_reason"].page.id == safety.id

    attempt, _ = attempt_start(quiz=safety, user=trainee)
    critical_rows = [row for row in attempt.questions.all() if row.snapshot["critical"]]
    assert len(critical_rows) >= 7  # every contraindication and pneumothorax
    attempt_save_responses(
        attempt=attempt,
        responses={row.position: key_response(row) for row in attempt.questions.all()},
    )
    assert attempt_submit(attempt=attempt).passed
    context = lesson_page_context(lesson=locked_lesson, user=trainee, request=Request())
    assert context["can_read"] and context["lock_reason"] is None


def test_demo_technique_and_final_require_the_safety_quiz():
    from quizzes.models import QuizPage

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    required = {
        quiz.slug: [p.required_quiz.slug for p in quiz.prerequisites.all()]
        for quiz in QuizPage.objects.live()
    }
    assert required == {
        package.SAFETY: [],
        package.TECHNIQUE: [package.SAFETY],
        package.FINAL: [package.SAFETY],
    }


def test_demo_final_assessment_draws_from_categories():
    from quizzes.models import QuizPage
    from quizzes.services import PrerequisitesUnmet, attempt_start
    from tests.courses.test_progress_pages import pass_quiz

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    trainee = get_user_model().objects.get(email=DEMO_ACCOUNTS["trainee"]["email"])
    final = QuizPage.objects.get(slug="final-assessment")
    with pytest.raises(PrerequisitesUnmet, match="Pass “Safety and contraindications quiz”"):
        attempt_start(quiz=final, user=trainee)  # the safety quiz comes first (issue 10)
    pass_quiz(QuizPage.objects.get(slug=package.SAFETY), trainee)
    first, _ = attempt_start(quiz=final, user=trainee)
    assert first.questions.count() == 20
    kinds = {row.snapshot["type"] for row in first.questions.all()}
    assert len(kinds) >= 3


def test_every_demo_question_passes_the_editor_validation():
    from quizzes.models import Question

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    questions = list(Question.objects.all())
    assert len(questions) >= 30
    for question in questions:
        question.full_clean()  # what saving in the admin would check, blocks included
