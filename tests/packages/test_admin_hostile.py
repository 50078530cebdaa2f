"""Hostile uploads through the admin: each refused with a clear message, nothing written."""

import pytest
from wagtail.images.models import Image
from wagtail.models import Page

from packages.models import PendingPackage
from tests.packages import admin_support
from tests.packages.admin_support import IMPORT_URL, package_zip, upload, zip_bytes
from tests.packages.package_builder import LESSON

pytestmark = pytest.mark.django_db
course_index, private_root = admin_support.course_index, admin_support.private_root
instructor, instructor_client = admin_support.instructor, admin_support.instructor_client


@pytest.fixture
def nothing_written(private_root, course_index):
    before = Page.objects.count(), Image.objects.count()
    yield
    assert (Page.objects.count(), Image.objects.count()) == before
    assert not PendingPackage.objects.exists()
    assert not list(private_root.rglob("*.zip"))


def refused(response, *messages, status=400):
    text = response.content.decode()
    assert response.status_code == status, text[:2000]
    for message in messages:
        assert message in text, text[:4000]
    assert 'name="token"' not in text
    return text


def files_of(tmp_path, **files) -> dict:
    root = admin_support.write_package(tmp_path / "base", **files)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.usefixtures("nothing_written")
class TestRefused:
    def test_not_a_zip(self, instructor_client):
        response = upload(instructor_client, b"%PDF-1.4 not a zip at all")
        refused(response, "not a folder or a readable .zip file")

    def test_an_empty_upload(self, instructor_client):
        refused(upload(instructor_client, b""), "The submitted file is empty")

    def test_a_zip_bomb(self, instructor_client, tmp_path):
        files = files_of(tmp_path) | {"assets/zeros.txt": b"\0" * 5_000_000}
        refused(upload(instructor_client, zip_bytes(files)), "compressed suspiciously well")

    @pytest.mark.parametrize("name", ["../evil.md", "/etc/cron.d/x", "lessons/../../x", "C:/x"])
    def test_path_traversal(self, instructor_client, tmp_path, name):
        data = zip_bytes(files_of(tmp_path) | {name: b"x"})
        refused(upload(instructor_client, data), "the package may")

    def test_yaml_tags_that_construct_objects(self, instructor_client, tmp_path):
        files = files_of(tmp_path)
        files["course.yaml"] += b"evil: !!python/object/apply:os.system ['touch /tmp/owned']\n"
        refused(upload(instructor_client, zip_bytes(files)), "course.yaml", "not valid YAML")

    def test_an_image_that_is_not_an_image(self, instructor_client, tmp_path):
        last = LESSON.format(n="last") + "\n![A spine](assets/spine.png)\n"
        files = files_of(tmp_path, last=last) | {"assets/spine.png": b"#!/bin/sh\nrm -rf /\n"}
        refused(upload(instructor_client, zip_bytes(files)), "assets/spine.png", "not an image")

    def test_over_the_upload_limit_by_its_size(self, instructor_client, tmp_path, settings):
        data = package_zip(tmp_path)
        settings.PACKAGE_UPLOAD_MAX_BYTES = len(data) - 1
        refused(upload(instructor_client, data), "the limit is")

    def test_over_the_limit_refused_before_the_body_is_read(self, instructor_client, settings):
        """The body below is 10 bytes that claim to be a gigabyte: had the view read it, the
        test client's payload would raise."""
        settings.PACKAGE_UPLOAD_MAX_BYTES = 1024
        response = instructor_client.generic(
            "POST",
            IMPORT_URL,
            b"0123456789",
            content_type="multipart/form-data; boundary=xyz",
            CONTENT_LENGTH=str(10**9),
        )
        refused(response, "larger than the limit of 1.0\xa0KB", status=413)

    def test_without_a_csrf_token(self, instructor, course_index, tmp_path):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(instructor)
        assert upload(client, package_zip(tmp_path)).status_code == 403
        assert client.post(IMPORT_URL, {"token": "x" * 43}).status_code == 403
