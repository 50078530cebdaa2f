"""Revoking a certificate: the holder is told once, the PDF says REVOKED, verify shows why."""

import io
import shutil
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from certificates.lifecycle import certificates_sweep
from certificates.models import Certificate
from certificates.services import CertificateActionError, certificate_render, certificate_revoke
from tests.certificates.pdf_tools import decode_qr

pytestmark = pytest.mark.django_db
REASON = "Practical sign-off withdrawn"


def revoke(certificate, instructor, capture, reason=REASON):
    with capture(execute=True):
        return certificate_revoke(certificate=certificate, reason=reason, user=instructor)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_holder_gets_one_revocation_email(
    issue, instructor, django_capture_on_commit_callbacks
):
    certificate = issue()
    mail.outbox.clear()
    revoke(certificate, instructor, django_capture_on_commit_callbacks)
    with pytest.raises(CertificateActionError):
        revoke(certificate, instructor, django_capture_on_commit_callbacks, reason="Again")
    certificates_sweep(now=timezone.now() + timezone.timedelta(hours=1))
    [message] = mail.outbox
    assert message.to == [certificate.user.email]
    assert "revoked" in message.subject.lower() and certificate.course_title in message.subject
    today = timezone.localdate().strftime("%-d %B %Y")
    assert REASON in message.body and today in message.body
    assert certificate.display_code in message.body and "Valid until" not in message.body
    assert not message.attachments  # nothing that could pass for a valid certificate
    email = certificate.emails.get(kind="revocation")
    assert email.status == "sent"


def test_a_revoked_certificate_downloads_only_as_a_stamped_copy(
    client, issue, instructor, django_capture_on_commit_callbacks, tmp_path, settings
):
    certificate = issue()
    original_name = certificate.pdf.name
    original = certificate.pdf.read()
    revoke(certificate, instructor, django_capture_on_commit_callbacks)
    client.force_login(certificate.user)
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert data != original
    text = pdf_text(data)
    assert "REVOKED" in text and REASON in text
    assert f"Revoked on {timezone.localdate():%-d %B %Y}" in text
    assert "Valid until" not in text
    assert certificate.display_code in text  # still identifiable
    assert "REVOKED" in response["Content-Disposition"]
    assert decode_qr(data, tmp_path) == [
        settings.SITE_URL + reverse("certificates:verify", args=[certificate.code])
    ]
    Path("test-results").mkdir(exist_ok=True)
    shutil.copy(next(tmp_path.glob("page*.png")), "test-results/certificate-revoked.png")
    certificate.refresh_from_db()
    stored = certificate.pdf.storage
    assert "REVOKED" in pdf_text(certificate.pdf.read())
    assert certificate.pdf.name == original_name or not stored.exists(original_name)


def test_a_render_started_before_the_revocation_cannot_store_the_original(
    issue, instructor, django_capture_on_commit_callbacks
):
    certificate = issue()
    stale = Certificate.objects.get(pk=certificate.pk)  # loaded while still valid
    revoke(certificate, instructor, django_capture_on_commit_callbacks)
    certificate_render(certificate=stale)
    certificate.refresh_from_db()
    assert "REVOKED" in pdf_text(certificate.pdf.read())


def test_verify_page_shows_revocation_date_and_reason_and_no_validity(
    client, issue, instructor, django_capture_on_commit_callbacks
):
    certificate = issue()
    revoke(certificate, instructor, django_capture_on_commit_callbacks)
    html = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert "Revoked" in html and REASON in html
    assert f'Revoked on</dt><dd class="col-sm-8">{timezone.localdate():%-d %B %Y}' in html
    assert "Valid until" not in html


def test_my_certificates_says_the_download_is_marked_revoked(
    client, issue, instructor, django_capture_on_commit_callbacks
):
    certificate = issue()
    revoke(certificate, instructor, django_capture_on_commit_callbacks)
    client.force_login(certificate.user)
    html = client.get(reverse("certificates:mine")).content.decode()
    assert REASON in html and "Download (marked REVOKED)" in html
    assert "Email it to me again" not in html
