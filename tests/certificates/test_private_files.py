"""Certificate PDFs live in private storage: only the holder and staff download them."""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_pdf_is_stored_outside_the_public_media_root(issue):
    certificate = issue()
    path = Path(certificate.pdf.path).resolve()
    assert path.is_file()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError, match="no public URL"):
        certificate.pdf.url  # noqa: B018 - the property is the thing under test


def test_the_old_public_media_url_answers_404(client, issue):
    certificate = issue()
    url = f"{settings.MEDIA_URL}certificates/{certificate.code}.pdf"
    assert client.get(url).status_code == 404
    # what `make run` (DEBUG) and a web server pointed at MEDIA_ROOT serve from
    with pytest.raises(Http404):
        serve(RequestFactory().get(url), url.removeprefix(settings.MEDIA_URL), settings.MEDIA_ROOT)


def download(client, certificate):
    return client.get(reverse("certificates:download", args=[certificate.pk]))


def test_the_holder_downloads_with_private_headers(client, issue):
    certificate = issue()
    assert download(client, certificate).status_code == 302  # anonymous: log in first
    client.force_login(certificate.user)
    response = download(client, certificate)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.display_code}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_staff_who_may_see_the_register_download_other_trainees_do_not(client, issue):
    certificate = issue()
    client.force_login(UserFactory())
    assert download(client, certificate).status_code == 404
    reader = UserFactory()
    reader.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(reader)
    assert download(client, certificate).status_code == 200


def test_migration_moves_existing_files_out_of_the_public_media_root(issue, tmp_path, settings):
    migration = importlib.import_module("certificates.migrations.0004_certificate_pdf_private")
    public, private = tmp_path / "media", tmp_path / "private"
    (public / "certificates").mkdir(parents=True)
    (public / "certificates" / "AAAA.pdf").write_bytes(b"%PDF-old")
    (public / "certificates" / "BBBB.pdf").write_bytes(b"%PDF-other")
    (private / "certificates").mkdir(parents=True)
    (private / "certificates" / "BBBB.pdf").write_bytes(b"%PDF-other")
    moved = migration.move_files(public, private)
    assert moved == 2
    assert not list((public / "certificates").iterdir())
    assert (private / "certificates" / "AAAA.pdf").read_bytes() == b"%PDF-old"
    assert migration.move_files(public, private) == 0  # runs again harmlessly
