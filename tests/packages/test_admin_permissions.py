"""Who may import, update and export: Wagtail page permissions, as for authoring."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from courses.models import CoursePage
from courses.roles import instructors_group_ensure
from packages.models import PendingPackage
from packages.services import package_import
from tests.factories import CoursePageFactory, UserFactory
from tests.packages import admin_support
from tests.packages.admin_support import (
    IMPORT_URL,
    SLUG,
    confirm,
    package_zip,
    token_of,
    upload,
    user_with_rights_on,
)
from tests.packages.package_builder import LESSON, write_package

pytestmark = pytest.mark.django_db
CHANGED_LAST = LESSON.format(n="last").replace("Body last", "Changed")
course_index, private_root = admin_support.course_index, admin_support.private_root
instructor, instructor_client = admin_support.instructor, admin_support.instructor_client


@pytest.fixture
def small_course(course_index, tmp_path):
    return package_import(source=write_package(tmp_path / "installed")).course


def test_anonymous_users_are_sent_to_log_in(client, course_index, small_course):
    for url in (IMPORT_URL, f"/admin/packages/export/{small_course.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.post(IMPORT_URL, {"token": "x" * 43}).status_code == 302


def test_trainees_get_no_admin(client, course_index, small_course, tmp_path):
    client.force_login(UserFactory())
    assert client.get(IMPORT_URL).status_code in (302, 403)
    assert client.get(f"/admin/packages/export/{small_course.pk}/").status_code in (302, 403)
    assert upload(client, package_zip(tmp_path)).status_code in (302, 403)
    assert not PendingPackage.objects.exists()


def refused(response) -> bool:
    """Wagtail's way: PermissionDenied in an admin view is a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_an_instructor_of_another_course_cannot_update_or_export_this_one(
    client, course_index, small_course, tmp_path
):
    other = CoursePageFactory(parent=course_index, title="Other", slug="other")
    client.force_login(user_with_rights_on(other))
    assert client.get(IMPORT_URL).status_code == 200  # they may update their own course
    response = upload(client, package_zip(tmp_path), update=True)
    assert response.status_code == 403
    assert "You may not edit and publish the course “Small course”" in response.content.decode()
    assert not PendingPackage.objects.exists()
    assert refused(client.get(f"/admin/packages/export/{small_course.pk}/"))
    assert client.get(f"/admin/packages/export/{other.pk}/").status_code == 200


def test_without_add_rights_under_the_index_no_new_course(client, course_index, tmp_path):
    other = CoursePageFactory(parent=course_index, title="Other", slug="other")
    client.force_login(user_with_rights_on(other))
    response = upload(client, package_zip(tmp_path))
    assert response.status_code == 403
    assert "You may not add courses" in response.content.decode()
    assert not CoursePage.objects.filter(slug=SLUG).exists()


def test_nobody_without_page_rights_sees_the_import(client, course_index):
    client.force_login(user_with_rights_on(course_index, codenames=()))
    assert refused(client.get(IMPORT_URL))
    assert IMPORT_URL not in client.get("/admin/").content.decode()


def test_rights_withdrawn_after_the_preview_stop_the_confirm(
    client, course_index, small_course, tmp_path
):
    editor = user_with_rights_on(small_course)
    client.force_login(editor)
    token = token_of(upload(client, package_zip(tmp_path, last=CHANGED_LAST), update=True))
    editor.groups.clear()
    editor.groups.add(user_with_rights_on(course_index, codenames=("change_page",)).groups.get())
    response = confirm(client, token)
    assert response.status_code == 403
    assert "You may not edit and publish" in response.content.decode()
    assert small_course.get_latest_revision().pk == small_course.latest_revision_id
    assert PendingPackage.objects.get().consumed_at is None  # rolled back with the import


def test_someone_elses_token_is_refused(instructor_client, tmp_path):
    token = token_of(upload(instructor_client, package_zip(tmp_path)))
    other = UserFactory()
    other.groups.add(instructors_group_ensure())
    client = Client()
    client.force_login(other)
    response = confirm(client, token)
    assert response.status_code == 409
    assert not CoursePage.objects.filter(slug=SLUG).exists()
    assert confirm(instructor_client, token).status_code == 302  # still the owner's to confirm


def test_an_expired_preview_cannot_be_confirmed(instructor_client, tmp_path):
    token = token_of(upload(instructor_client, package_zip(tmp_path)))
    PendingPackage.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = confirm(instructor_client, token)
    assert response.status_code == 409 and "expired" in response.content.decode()
    assert not CoursePage.objects.filter(slug=SLUG).exists()


def test_a_tampered_or_made_up_token_is_refused(instructor_client, tmp_path):
    token = token_of(upload(instructor_client, package_zip(tmp_path)))
    for forged in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x" * 43, "<script>" * 4):
        assert confirm(instructor_client, forged).status_code in (400, 409)
    assert not CoursePage.objects.filter(slug=SLUG).exists()


def test_a_stored_upload_changed_since_its_preview_is_refused(
    instructor_client, tmp_path, private_root
):
    token = token_of(upload(instructor_client, package_zip(tmp_path)))
    stored = private_root / PendingPackage.objects.get().file_name
    stored.write_bytes(package_zip(tmp_path, "evil", lessons=5))
    response = confirm(instructor_client, token)
    assert (
        response.status_code == 400
        and "gone or changed since its preview" in response.content.decode()
    )
    assert not CoursePage.objects.filter(slug=SLUG).exists()


def test_a_stored_upload_that_disappeared_is_refused(instructor_client, tmp_path, private_root):
    token = token_of(upload(instructor_client, package_zip(tmp_path)))
    (private_root / PendingPackage.objects.get().file_name).unlink()
    response = confirm(instructor_client, token)
    assert response.status_code == 400 and "upload it again" in response.content.decode()
    assert not CoursePage.objects.filter(slug=SLUG).exists()
