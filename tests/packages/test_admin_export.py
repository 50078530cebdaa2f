"""Export from the course's menus: the same .zip as export_course, logged, for editors only."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry

from packages.archive import read_package
from packages.selectors import course_package_files, package_save
from packages.services import package_import
from tests.factories import CoursePageFactory
from tests.packages import admin_support
from tests.packages.admin_support import user_with_rights_on
from tests.packages.package_builder import write_package

pytestmark = pytest.mark.django_db
course_index, private_root = admin_support.course_index, admin_support.private_root
instructor, instructor_client = admin_support.instructor, admin_support.instructor_client
EXPORT_LABEL = "Export as package (.zip)"


@pytest.fixture
def small_course(course_index, tmp_path):
    return package_import(source=write_package(tmp_path / "installed")).course


def test_the_download_is_export_courses_zip_and_is_logged(
    instructor_client, instructor, small_course, tmp_path
):
    with CaptureQueriesContext(connection) as queries:
        response = instructor_client.get(f"/admin/packages/export/{small_course.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="small-course.zip"'
    package_save(course_package_files(course=small_course), tmp_path / "command.zip")
    assert response.content == (tmp_path / "command.zip").read_bytes()
    assert "course.yaml" in read_package(io.BytesIO(response.content))
    entry = PageLogEntry.objects.get(action="packages.export")
    assert (entry.page_id, entry.user_id) == (small_course.pk, instructor.pk)
    assert entry.data["files"] == len(course_package_files(course=small_course))
    # A small course: the export (pages, bank, quiz settings, link targets) + auth + log.
    assert len(queries) <= 42, [q["sql"] for q in queries]  # measured 40


def test_the_menus_offer_export_and_import_where_they_apply(instructor_client, small_course):
    listing = instructor_client.get(f"/admin/pages/{course_index_pk(small_course)}/")
    text = listing.content.decode()
    assert f"/admin/packages/export/{small_course.pk}/" in text and EXPORT_LABEL in text
    assert "Import a course package" in text  # the index's own header menu
    course_page = instructor_client.get(f"/admin/pages/{small_course.pk}/").content.decode()
    assert f"/admin/packages/export/{small_course.pk}/" in course_page
    assert "/admin/packages/import/?update=1" in course_page
    form = instructor_client.get("/admin/packages/import/?update=1").content.decode()
    assert re.search(r'<input type="checkbox" name="update"[^>]* checked', form), form


def test_an_editor_of_another_course_is_not_offered_this_export(client, course_index, small_course):
    from packages.wagtail_hooks import package_listing_buttons

    other = CoursePageFactory(parent=course_index, title="Other", slug="other")
    editor = user_with_rights_on(other)
    client.force_login(editor)
    assert (
        f"/admin/packages/export/{other.pk}/"
        in client.get(f"/admin/pages/{other.pk}/").content.decode()
    )
    for page in (small_course, course_index):
        shown = [b for b in package_listing_buttons(page=page, user=editor) if b.is_shown(editor)]
        assert shown == [], page


def test_a_missing_course_is_404(instructor_client, small_course):
    assert instructor_client.get("/admin/packages/export/999999/").status_code == 404
    lesson = small_course.get_descendants().last()
    assert instructor_client.get(f"/admin/packages/export/{lesson.pk}/").status_code == 404


def course_index_pk(course) -> int:
    return course.get_parent().pk


def test_a_course_the_format_cannot_write_back_is_refused_with_the_place(
    instructor_client, small_course
):
    """A lesson linking outside the course: the download is refused with where, not a 500."""
    from courses.models import LessonPage
    from tests.factories import site_home

    lesson = LessonPage.objects.descendant_of(small_course).first()
    body = list(lesson.body.raw_data)
    body.append(
        {"type": "paragraph", "value": f'<p><a linktype="page" id="{site_home().pk}">Home</a></p>'}
    )
    lesson.body = body
    lesson.save_revision().publish()
    response = instructor_client.get(f"/admin/packages/export/{small_course.pk}/", follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Not exported:" in text and lesson.title in text
    assert not PageLogEntry.objects.filter(action="packages.export").exists()
