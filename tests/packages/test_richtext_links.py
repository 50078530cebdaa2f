"""Rich text in a package: page links by package identity, document links, ^sup^ and ~sub~,
resolved on import (also forwards, to pages made later in the run) and written back on export."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from courses.models import CoursePage, LessonPage, ModulePage
from packages.problems import PackageInvalid
from packages.selectors import course_package_files, package_save
from packages.services import package_import
from tests.factories import site_home
from tests.packages.package_builder import LESSON, write_package

pytestmark = pytest.mark.django_db

LINKING = LESSON.format(n=1) + (
    "\nRead [the next lesson](lessons/02-lesson.md), take [the quiz](page:first-quiz), "
    "go on to [module two](page:second) and print [the form](assets/consent.pdf): "
    "H~2~O and 10^3^.\n"
)
PDF = b"%PDF-1.4\n% a consent form\n"


@pytest.fixture(autouse=True)
def course_index():
    from courses.models import CourseIndexPage
    from tests.factories import CourseIndexPageFactory

    return CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=site_home())


def _package(root, lesson=LINKING):
    return write_package(root, **{"lessons__01-lesson.md": lesson, "assets__consent.pdf": PDF})


def _linking_paragraph(course) -> str:
    lesson = LessonPage.objects.descendant_of(course).get(slug="lesson-1")
    return [b.value.source for b in lesson.body if b.block_type == "paragraph"][-1], lesson


def test_links_resolve_to_the_pages_and_document_of_the_import(tmp_path):
    course = package_import(source=_package(tmp_path / "p")).course
    html, lesson = _linking_paragraph(course)
    from quizzes.models import QuizPage

    targets = {
        "next": LessonPage.objects.descendant_of(course).get(slug="lesson-2").pk,
        "quiz": QuizPage.objects.descendant_of(course).get(slug="first-quiz").pk,
        "module": ModulePage.objects.child_of(course).get(slug="second").pk,
        "form": get_document_model().objects.get(title="consent").pk,
    }
    assert f'<a linktype="page" id="{targets["next"]}">the next lesson</a>' in html
    assert f'<a linktype="page" id="{targets["quiz"]}">the quiz</a>' in html
    assert f'<a linktype="page" id="{targets["module"]}">module two</a>' in html
    assert f'<a linktype="document" id="{targets["form"]}">the form</a>' in html
    assert "H<sub>2</sub>O and 10<sup>3</sup>" in html
    # The forward links cost no second revision: the lesson was revised once, at the end.
    assert Revision.page_revisions.filter(object_id=str(lesson.pk)).count() == 1
    revised = lesson.get_latest_revision().as_object()
    assert lesson.live and list(revised.body.raw_data) == list(lesson.body.raw_data)


def test_export_writes_the_links_back_and_a_reimport_changes_nothing(tmp_path):
    course = package_import(source=_package(tmp_path / "p")).course
    package_save(course_package_files(course=course), tmp_path / "out")
    text = (tmp_path / "out/lessons/01-lesson-1.md").read_text()
    assert "[the next lesson](lessons/02-lesson-2.md)" in text
    assert "[the quiz](page:first-quiz)" in text
    assert "[module two](page:second)" in text
    assert "[the form](assets/consent.pdf)" in text
    assert "H~2~O and 10^3^" in text
    assert (tmp_path / "out/assets/consent.pdf").read_bytes() == PDF
    documents, revisions = get_document_model().objects.count(), Revision.objects.count()
    result = package_import(source=tmp_path / "out", update=True)
    assert not [a for a in result.actions if a.startswith(("update", "create"))]
    assert (get_document_model().objects.count(), Revision.objects.count()) == (
        documents,
        revisions,
    )


def test_a_link_to_a_page_not_in_the_package_is_a_located_problem(tmp_path):
    lesson = LESSON.format(n=1) + "\nSee [gone](page:no-such-page) and [x](lessons/07-x.md).\n"
    pages = Page.objects.count()
    with pytest.raises(PackageInvalid) as error:
        package_import(source=_package(tmp_path / "p", lesson))
    found = [(p.file, p.line, p.message) for p in error.value.problems]
    assert sorted((f, m.split("”")[0]) for f, _, m in found) == [
        ("lessons/01-lesson.md", "the link to “lessons/07-x.md"),
        ("lessons/01-lesson.md", "the link to “page:no-such-page"),
    ]
    line = lesson.split("\n").index(lesson.strip().split("\n")[-1]) + 1
    assert {found_line for _, found_line, _ in found} == {line}  # the paragraph with the links
    assert Page.objects.count() == pages


def test_a_document_link_without_its_file_is_a_located_problem(tmp_path):
    lesson = LESSON.format(n=1) + "\nPrint [the form](assets/missing.pdf).\n"
    with pytest.raises(PackageInvalid) as error:
        package_import(source=write_package(tmp_path / "p", **{"lessons__01-lesson.md": lesson}))
    assert [(p.file, "assets/missing.pdf" in p.message) for p in error.value.problems] == [
        ("lessons/01-lesson.md", True)
    ]


def test_export_refuses_a_link_out_of_the_course_naming_the_lesson_and_block(tmp_path):
    course = package_import(source=_package(tmp_path / "p")).course
    lesson = LessonPage.objects.descendant_of(course).get(slug="lesson-2")
    body = list(lesson.body.raw_data)
    home = site_home()
    body[1]["value"] = f'<p>Back <a linktype="page" id="{home.pk}">home</a>.</p>'
    lesson.body = body
    lesson.save_revision().publish()
    with pytest.raises(CommandError) as error:
        call_command("export_course", course.slug, output=str(tmp_path / "out"))
    message = str(error.value)
    assert "lesson “Lesson 2” (lessons/02-lesson-2.md), block 2 (paragraph)" in message
    assert f"the page “{home.title}”" in message
    assert not (tmp_path / "out").exists()
    assert CoursePage.objects.filter(slug=course.slug).exists()


def test_export_refuses_a_quiz_intro_linking_to_a_page(tmp_path):
    from quizzes.models import QuizPage

    course = package_import(source=_package(tmp_path / "p")).course
    quiz = QuizPage.objects.descendant_of(course).get()
    quiz.intro = f'<p>Read <a linktype="page" id="{course.pk}">the course</a> first.</p>'
    quiz.save_revision().publish()
    with pytest.raises(CommandError, match="quiz “First quiz”, field “intro”"):
        call_command("export_course", course.slug, output=str(tmp_path / "out"))


def test_export_refuses_table_cell_formatting_it_would_drop():
    from packages.lessons import block_text
    from packages.richtext import RichTextUnexportable

    table = {"data": [["a"]], "table_caption": "T", "cell": [{"row": 0, "col": 0,
             "className": "htRight"}]}  # fmt: skip
    with pytest.raises(RichTextUnexportable, match="cell formatting"):
        block_text("table", table, lambda kind, ref: ref)
