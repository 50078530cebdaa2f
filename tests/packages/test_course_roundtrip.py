"""Export then import gives the same course; export → import → export is byte-identical."""

import pytest
from django.core.management import call_command

from courses.models import CoursePage
from packages.selectors import course_package_files, package_save
from packages.services import package_import
from tests.packages.helpers import DEMO_SLUG, course_view, demo_course_build, fresh_site

pytestmark = pytest.mark.django_db


def test_demo_course_survives_export_and_import(tmp_path):
    course = demo_course_build()
    before = course_view(course)
    files = course_package_files(course=course)
    package_save(files, tmp_path / "demo")
    fresh_site(course)

    result = package_import(source=tmp_path / "demo")

    after = course_view(CoursePage.objects.get(slug=DEMO_SLUG))
    assert after["course"] == before["course"]
    assert after["certificate"] == before["certificate"]
    assert [p["slug"] for p in after["pages"]] == [p["slug"] for p in before["pages"]]
    for old, new in zip(before["pages"], after["pages"], strict=True):
        assert new == old, old["slug"]
    assert course_package_files(course=result.course) == files


def test_zip_export_is_byte_identical_after_a_round_trip(tmp_path):
    course = demo_course_build()
    call_command("export_course", DEMO_SLUG, output=str(tmp_path / "one.zip"))
    fresh_site(course)
    call_command("import_course", str(tmp_path / "one.zip"))
    call_command("export_course", DEMO_SLUG, output=str(tmp_path / "two.zip"))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_reimporting_the_same_package_with_update_changes_nothing(tmp_path):
    from wagtail.models import Revision

    course = demo_course_build()
    package_save(course_package_files(course=course), tmp_path / "demo")
    package_import(source=tmp_path / "demo", update=True)  # the bank half may add keys once
    revisions = Revision.objects.count()
    result = package_import(source=tmp_path / "demo", update=True)
    assert [line for line in result.actions if not line.startswith("question bank:")] == []
    assert Revision.objects.count() == revisions


def _debug_diff(a, b):
    for x, y in zip(a["body"], b["body"], strict=False):
        if x != y:
            print("OLD", x)
            print("NEW", y)
            break


def test_update_keeps_a_started_attempt_as_it_was(tmp_path, trainee):
    """A new version of the package revises the quiz; the attempt keeps its frozen questions."""
    from courses.services import enrollment_create
    from quizzes.models import QuizPage
    from quizzes.services import attempt_start

    course = demo_course_build()
    quiz = QuizPage.objects.get(slug="safety-and-contraindications-quiz")
    enrollment_create(user=trainee, course=course)
    attempt, _ = attempt_start(quiz=quiz, user=trainee)
    shown = [(r.question_id, r.snapshot) for r in attempt.questions.order_by("pk")]
    assert shown

    root = tmp_path / "demo"
    package_save(course_package_files(course=course), root)
    text = (root / "course.yaml").read_text()
    text = text.replace("title: Safety and contraindications quiz", "title: Safety quiz, v2")
    (root / "course.yaml").write_text(text)
    result = package_import(source=root, update=True)

    assert (
        "update quiz “Safety and contraindications quiz” (settings: new published revision)"
        in result.actions
    )
    quiz.refresh_from_db()
    assert quiz.title == "Safety quiz, v2" and quiz.live
    attempt.refresh_from_db()
    assert attempt.quiz_id == quiz.pk and attempt.submitted_at is None
    assert [(r.question_id, r.snapshot) for r in attempt.questions.order_by("pk")] == shown
