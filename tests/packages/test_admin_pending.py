"""Uploads waiting for confirmation expire and are cleaned up: rows and private files."""

import os
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from packages.models import PendingPackage
from packages.pending import DIRECTORY, pending_packages_sweep
from tests.packages import admin_support
from tests.packages.admin_support import confirm, package_zip, token_of, upload

pytestmark = pytest.mark.django_db
course_index, private_root = admin_support.course_index, admin_support.private_root
instructor, instructor_client = admin_support.instructor, admin_support.instructor_client


def stored_files(private_root) -> set[str]:
    return {p.name for p in (private_root / DIRECTORY).glob("*")}


def test_a_confirmed_upload_leaves_no_file(
    instructor_client, tmp_path, private_root, django_capture_on_commit_callbacks
):
    token = token_of(upload(instructor_client, package_zip(tmp_path)))
    assert len(stored_files(private_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        confirm(instructor_client, token)
    assert stored_files(private_root) == set()
    assert pending_packages_sweep() == 1  # the consumed row goes at the next sweep
    assert not PendingPackage.objects.exists()


def test_expired_uploads_and_stray_files_are_swept_by_the_next_upload(
    instructor_client, tmp_path, private_root
):
    upload(instructor_client, package_zip(tmp_path))
    old = PendingPackage.objects.get()
    PendingPackage.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    stray = private_root / DIRECTORY / "left-by-a-crash.zip"
    stray.write_bytes(b"x")
    recent = private_root / DIRECTORY / "being-written.zip"
    recent.write_bytes(b"y")
    an_hour_ago = time.time() - 2 * 3600
    os.utime(stray, (an_hour_ago, an_hour_ago))

    upload(instructor_client, package_zip(tmp_path, "second"))
    remaining = PendingPackage.objects.get()
    assert remaining.pk != old.pk
    assert stored_files(private_root) == {remaining.file_name.split("/")[-1], recent.name}
