"""Import: every problem located, all or nothing, --dry-run, --update as new revisions."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Revision

from courses.models import CoursePage, LessonPage
from packages.problems import PackageInvalid
from packages.services import package_import
from tests.factories import site_home
from tests.packages.helpers import fresh_site
from tests.packages.package_builder import LESSON, write_package

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def course_index():
    from courses.models import CourseIndexPage
    from tests.factories import CourseIndexPageFactory

    return CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=site_home())


def _counts():
    return Page.objects.count(), Revision.objects.count()


def test_a_package_imports_as_a_published_course(tmp_path):
    result = package_import(source=write_package(tmp_path / "p"))
    course = result.course
    lessons = LessonPage.objects.descendant_of(course).live().order_by("path")
    assert [lesson.slug for lesson in lessons] == ["lesson-1", "lesson-2", "lesson-last"]
    assert [b.block_type for b in lessons[0].body] == ["heading", "paragraph", "callout"]
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.descendant_of(course).get()
    assert quiz.live and quiz.pass_mark == 80 and quiz.unlocks_module.slug == "second"
    assert course.certificate_template.signatory_name == "Dr Test"
    assert "create course “Small course”" in result.actions


def test_a_problem_in_the_last_file_writes_nothing(tmp_path):
    broken = LESSON.format(n="last") + "\n::: image assets/missing.png\nalt: x\n:::\n"
    before = _counts()
    with pytest.raises(PackageInvalid) as error:
        package_import(source=write_package(tmp_path / "p", lessons=5, last=broken))
    assert [str(p) for p in error.value.problems] == [
        "lessons/99-last.md:16: “assets/missing.png” is not a usable file under assets/"
    ]
    assert _counts() == before


def test_every_problem_is_reported_with_file_and_line(tmp_path):
    root = write_package(tmp_path / "p")
    text = (root / "course.yaml").read_text()
    text = text.replace("  cpd_hours: '2.0'", "  cpd_hours: lots\n  colour: blue")
    (root / "course.yaml").write_text(text)
    (root / "lessons/02-lesson.md").write_text(
        LESSON.format(n=2).replace("estimated_minutes: 10", "estimated_minutes: 0")
    )
    with pytest.raises(PackageInvalid) as error:
        package_import(source=root)
    where = [(p.file, p.line) for p in error.value.problems]
    assert ("course.yaml", 6) in where  # cpd_hours is not a number
    assert ("course.yaml", 7) in where  # unknown key
    assert ("lessons/02-lesson.md", 5) in where  # the model's own minimum
    messages = " ".join(p.message for p in error.value.problems)
    assert "unknown key “colour” in course" in messages


def test_a_lesson_file_the_outline_does_not_list_is_a_problem(tmp_path):
    root = write_package(tmp_path / "p")
    text = (root / "course.yaml").read_text().replace("lessons/02-lesson.md", "lessons/02-lessn.md")
    (root / "course.yaml").write_text(text)
    line = text.splitlines().index("  - lesson: lessons/02-lessn.md") + 1
    with pytest.raises(PackageInvalid) as error:
        package_import(source=root)
    assert sorted(str(p) for p in error.value.problems) == [
        f"course.yaml:{line}: the lesson file “lessons/02-lessn.md” is not in the package",
        "lessons/02-lesson.md: this lesson is not listed in course.yaml's outline",
    ]


def test_the_command_prints_problems_and_exits_1(tmp_path, capsys):
    root = write_package(tmp_path / "p")
    (root / "lessons/01-lesson.md").write_text("no front matter")
    with pytest.raises(CommandError) as error:
        call_command("import_course", str(root))
    assert "nothing was written" in str(error.value)
    assert "lessons/01-lesson.md:1: a lesson starts with front matter" in capsys.readouterr().err


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path, capsys):
    before = _counts()
    call_command("import_course", str(write_package(tmp_path / "p")), "--dry-run")
    out = capsys.readouterr().out
    assert "create course “Small course”" in out and "create lesson “Lesson 2”" in out
    assert "Dry run: nothing was written." in out
    assert _counts() == before


def test_an_existing_slug_is_refused_without_update(tmp_path):
    root = write_package(tmp_path / "p")
    package_import(source=root)
    before = _counts()
    with pytest.raises(PackageInvalid, match="already exists: use --update"):
        package_import(source=root)
    assert _counts() == before


def test_update_revises_changed_pages_and_unpublishes_removed_ones(tmp_path):
    root = write_package(tmp_path / "p", lessons=2)
    course = package_import(source=root).course
    lesson_two = LessonPage.objects.get(slug="lesson-2")
    text = (root / "course.yaml").read_text().replace("  - lesson: lessons/02-lesson.md\n", "")
    (root / "course.yaml").write_text(text)
    (root / "lessons/02-lesson.md").unlink()
    (root / "lessons/01-lesson.md").write_text(LESSON.format(n=1).replace("Body 1.", "New body."))
    revisions = Revision.objects.count()

    result = package_import(source=root, update=True)

    assert result.course.pk == course.pk
    assert [line for line in result.actions if not line.startswith("question bank:")] == [
        "update lesson “Lesson 1” (body: new published revision)",
        "unpublish lesson “Lesson 2” (not in the package; kept with its attempts)",
    ]
    assert Revision.objects.count() == revisions + 1
    lesson_one = LessonPage.objects.get(slug="lesson-1")
    assert "New body." in lesson_one.body[2].value["body"].source
    lesson_two.refresh_from_db()
    assert not lesson_two.live  # kept, not deleted


def test_the_query_count_does_not_grow_with_the_blocks(tmp_path):
    """Queries grow per page (tree inserts, revisions), not per block in a lesson."""

    def queries(blocks: int) -> int:
        extra = "\n".join(f"\nParagraph {i}.\n\n---\n" for i in range(blocks))
        root = write_package(tmp_path / f"b{blocks}", lessons=3, last=LESSON.format(n="z") + extra)
        with CaptureQueriesContext(connection) as captured:
            package_import(source=root)
        fresh_site(CoursePage.objects.get(slug="small-course"))
        return len(captured)

    few, many = queries(1), queries(200)
    assert many == few, (few, many)
