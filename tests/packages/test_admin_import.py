"""Upload → preview → confirm in the Wagtail admin, as an instructor would drive it."""

import pytest
from wagtail.models import PageLogEntry

from courses.models import CoursePage, LessonPage
from packages.models import PendingPackage
from tests.packages import admin_support
from tests.packages.admin_support import IMPORT_URL, SLUG, confirm, package_zip, token_of, upload
from tests.packages.package_builder import LESSON

pytestmark = pytest.mark.django_db
course_index, private_root = admin_support.course_index, admin_support.private_root
instructor, instructor_client = admin_support.instructor, admin_support.instructor_client


def test_the_form_is_offered_from_the_menu(instructor_client):
    response = instructor_client.get("/admin/")
    assert IMPORT_URL in response.content.decode()
    page = instructor_client.get(IMPORT_URL)
    assert page.status_code == 200
    assert "Apply as an update to the existing course with the same slug" in page.content.decode()


def test_preview_writes_no_page_and_keeps_the_upload_privately(
    instructor_client, tmp_path, private_root, settings
):
    response = upload(instructor_client, package_zip(tmp_path))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Creates a new course" in text
    assert "Lessons (3)" in text and "Create lesson “Lesson 1”" in text
    assert "Questions" in text and "Create question “hand-hygiene-first”" in text
    assert "Import the course" in text
    assert not CoursePage.objects.exists()
    pending = PendingPackage.objects.get()
    stored = private_root / pending.file_name
    assert stored.is_file() and str(settings.MEDIA_ROOT) not in str(stored.resolve())
    assert token_of(response) not in pending.token_hash  # only its hash is kept


def test_confirm_imports_once_logs_it_and_goes_to_the_course(
    instructor_client, instructor, tmp_path
):
    token = token_of(upload(instructor_client, package_zip(tmp_path)))
    response = confirm(instructor_client, token)
    course = CoursePage.objects.get(slug=SLUG)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{course.pk}/"
    assert LessonPage.objects.child_of(course).count() == 0  # lessons sit in modules
    assert LessonPage.objects.descendant_of(course).count() == 3
    entry = PageLogEntry.objects.get(action="packages.import")
    assert (entry.page_id, entry.user_id) == (course.pk, instructor.pk)
    assert entry.data["package"] == "course.zip" and entry.data["update"] is False
    followed = instructor_client.get(response["Location"])
    assert "Imported “Small course” from course.zip." in followed.content.decode()
    history = instructor_client.get(f"/admin/pages/{course.pk}/history/").content.decode()
    assert "Imported from a package" in history

    again = confirm(instructor_client, token)  # a replay, or the second click
    assert again.status_code == 409
    assert "already confirmed" in again.content.decode()
    assert CoursePage.objects.filter(slug=SLUG).count() == 1
    assert PageLogEntry.objects.filter(action="packages.import").count() == 1


def test_update_shows_what_changes_then_applies_it(instructor_client, tmp_path):
    confirm(instructor_client, token_of(upload(instructor_client, package_zip(tmp_path))))
    changed = package_zip(tmp_path, "v2", last=LESSON.format(n="last").replace("Body last", "New"))

    refused = upload(instructor_client, changed)
    assert refused.status_code == 400
    assert "tick “apply as an update”" in refused.content.decode()
    assert "--update" not in refused.content.decode()
    assert "Import the course" not in refused.content.decode()

    preview = upload(instructor_client, changed, update=True)
    text = preview.content.decode()
    assert "Applies to <strong>Small course</strong>" in text
    assert "Update lesson “Lesson last” (body: new published revision)" in text
    assert "Lesson 1" not in text  # unchanged lessons are not listed
    response = confirm(instructor_client, token_of(preview))
    assert response.status_code == 302
    last = LessonPage.objects.get(slug="lesson-last")
    assert "New" in str(last.body.raw_data)
    assert PageLogEntry.objects.filter(action="packages.import").count() == 2


def test_a_question_change_is_previewed_as_a_new_version(instructor_client, tmp_path):
    from tests.packages.package_builder import QUESTIONS

    confirm(instructor_client, token_of(upload(instructor_client, package_zip(tmp_path))))
    edited = QUESTIONS.replace("comes before palpation", "always comes before palpation")
    preview = upload(
        instructor_client, package_zip(tmp_path, "v2", **{"questions.yaml": edited}), update=True
    )
    assert "New version of question “hand-hygiene-first”" in preview.content.decode()
    assert "Create question" not in preview.content.decode()


def test_an_invalid_package_lists_every_problem_with_file_and_line(instructor_client, tmp_path):
    broken = "---\ntitle: Broken\nslug: lesson-2\nestimated_minutes: soon\n---\n\nText.\n"
    bad = {"lessons/02-lesson.md": broken, "lessons/01-lesson.md": "nope"}
    data = package_zip(tmp_path, **bad)
    response = upload(instructor_client, data)
    text = response.content.decode()
    assert response.status_code == 400
    assert "cannot be imported" in text and "Nothing was written" in text
    assert "lessons/02-lesson.md" in text and "lessons/01-lesson.md" in text
    assert "<td>4</td>" in text  # estimated_minutes' line
    assert 'name="token"' not in text  # no confirm button
    assert not PendingPackage.objects.exists()


def test_the_preview_costs_a_bounded_number_of_queries(
    instructor_client, tmp_path, django_assert_max_num_queries
):
    data = package_zip(tmp_path)
    with django_assert_max_num_queries(25):  # measured 22: session, rights, the dry run, the row
        token = token_of(upload(instructor_client, data))
    confirm(instructor_client, token)
    with django_assert_max_num_queries(40):  # measured 37: the update's dry run reads the course
        upload(instructor_client, data, update=True)
