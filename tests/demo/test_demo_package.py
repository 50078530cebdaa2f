"""load_demo imports demo/course/: a second run changes nothing, a changed package is applied as
new revisions, and exporting the imported course gives demo/course/ back byte for byte."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Revision

from courses.models import CoursePage, LessonPage
from demo.loader import COURSE_DIR, load_demo
from packages.archive import read_package
from packages.selectors import course_package_files
from quizzes.models import Question

pytestmark = pytest.mark.django_db
SLUG = "dry-needling-low-back-pain-foundations"


def counts() -> dict:
    return {
        "revisions": Revision.objects.count(),
        "questions": Question.objects.count(),
        "live lessons": LessonPage.objects.live().count(),
    }


def test_the_demo_imports_with_no_item_writing_warnings():
    report = load_demo()
    assert [str(w) for w in report.warnings] == []
    assert Question.objects.count() >= 50


def test_exporting_the_imported_demo_gives_the_package_back_byte_for_byte():
    load_demo()
    exported = course_package_files(course=CoursePage.objects.get(slug=SLUG))
    on_disk = read_package(COURSE_DIR)
    assert sorted(exported) == sorted(on_disk)
    for name, data in on_disk.items():
        assert exported[name] == data, name


def test_a_second_load_changes_nothing_in_a_fixed_number_of_queries(capsys):
    call_command("load_demo")
    before = counts()
    capsys.readouterr()
    with CaptureQueriesContext(connection) as queries:
        call_command("load_demo")
    assert counts() == before
    assert "nothing changed" in capsys.readouterr().out
    # The hash matches, so the course is not read again (no question, lesson or revision
    # query); most of what remains is the instructors group's permissions being re-granted.
    course_tables = ("quizzes_question", "courses_lessonpage", "wagtailcore_revision")
    assert [q["sql"] for q in queries if any(t in q["sql"] for t in course_tables)] == []
    assert len(queries) <= 120, len(queries)


def test_a_changed_package_is_applied_as_new_revisions(tmp_path: Path):
    load_demo()
    question = Question.objects.get(title="Most common side effect")
    question_revisions = question.revisions.count()
    lesson = LessonPage.objects.get(slug="post-treatment-care")
    lesson_revisions = lesson.revisions.count()
    changed = tmp_path / "course"
    shutil.copytree(COURSE_DIR, changed)
    path = next((changed / "lessons").glob("*-post-treatment-care.md"))
    path.write_text(path.read_text() + "\nA sentence added by a reviewer.\n")
    before = counts()

    report = load_demo(source=changed)

    assert report.created == [
        "update lesson “After the session: aftercare and follow-up” (body: new published revision)"
    ]
    lesson.refresh_from_db()
    assert lesson.revisions.count() == lesson_revisions + 1
    assert "A sentence added by a reviewer." in str(lesson.body)
    assert question.revisions.count() == question_revisions  # unchanged questions: no version
    assert counts() == {**before, "revisions": before["revisions"] + 1}
    assert load_demo(source=changed).created == []  # and now that version is the loaded one


def test_a_changed_question_gets_a_new_version_and_the_rest_none(tmp_path: Path):
    load_demo()
    changed = tmp_path / "course"
    shutil.copytree(COURSE_DIR, changed)
    text = (changed / "questions.yaml").read_text()
    old = "Soreness in the treated area is the most common side effect"
    assert old in text
    (changed / "questions.yaml").write_text(text.replace(old, "Soreness is the commonest effect"))
    before = counts()

    report = load_demo(source=changed)

    assert report.created == ["new version of question “most-common-side-effect”"]
    assert counts() == {**before, "revisions": before["revisions"] + 1}
