"""Shared by the package-admin tests: users with and without page rights, packages as .zip bytes."""

import io
import re
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import GroupPagePermission, Page

from courses.roles import instructors_group_ensure
from tests.factories import CourseIndexPageFactory, UserFactory, site_home
from tests.packages.package_builder import write_package

IMPORT_URL = "/admin/packages/import/"
SLUG = "small-course"


def zip_bytes(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def package_zip(tmp_path, name="pkg", **files) -> bytes:
    root = write_package(tmp_path / name, **files)
    return zip_bytes(
        {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    )


def upload(client, data: bytes, *, update=False, name="course.zip"):
    fields = {"package": SimpleUploadedFile(name, data, content_type="application/zip")}
    if update:
        fields["update"] = "on"
    return client.post(IMPORT_URL, fields)


def token_of(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match, response.content.decode()[:3000]
    return match.group(1)


def confirm(client, token: str):
    return client.post(IMPORT_URL, {"token": token})


def user_with_rights_on(page: Page, codenames=("add_page", "change_page", "publish_page")):
    """An admin user whose page rights reach only `page` and below."""
    group = Group.objects.create(name=f"Editors of {page.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def course_index(db):
    return CourseIndexPageFactory(parent=site_home())


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    return tmp_path / "private"


@pytest.fixture
def instructor(db):
    user = UserFactory()
    user.groups.add(instructors_group_ensure())
    return user


@pytest.fixture
def instructor_client(client, instructor, course_index):
    client.force_login(instructor)
    return client
