import io
import shutil
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from certificates import codes
from certificates.models import Certificate
from courses.services import enrollment_create, lesson_complete
from tests.certificates.pdf_tools import decode_qr
from tests.factories import build_course, lessons_of

pytestmark = pytest.mark.django_db


def complete(user, course, capture):
    enrollment, _ = enrollment_create(user=user, course=course)
    with capture(execute=True):
        for lesson in lessons_of(course):
            lesson_complete(user=user, lesson=lesson)
    enrollment.refresh_from_db()
    return enrollment


def test_codes_have_80_bits_and_read_forgivingly():
    code = codes.new_code()
    assert len(code) == 16 and set(code) <= set(codes.ALPHABET)
    assert len({codes.new_code() for _ in range(2000)}) == 2000
    assert codes.normalise(codes.display(code).lower()) == code
    assert codes.normalise("OIL0-0000-0000-0000") == "0110000000000000"
    assert codes.normalise("too-short") is None
    assert codes.normalise("UUUU-UUUU-UUUU-UUUU") is None


def test_completion_issues_exactly_one_certificate_with_a_pdf(
    trainee, django_capture_on_commit_callbacks
):
    trainee.registration_number = "PH123456"
    trainee.save()
    course = build_course(modules=1, lessons_per_module=2, cpd_hours=4.5, validity_months=24)
    enrollment = complete(trainee, course, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert Certificate.objects.count() == 1
    assert certificate.expires_at == certificate.issued_at + relativedelta(months=24)
    from certificates.services import certificate_issue

    assert certificate_issue(enrollment=enrollment) == (certificate, False)
    assert certificate.pdf and certificate.pdf_rendered_at


def test_pdf_has_name_code_and_a_qr_that_decodes_to_the_verify_url(
    trainee, django_capture_on_commit_callbacks, tmp_path, settings
):
    from pypdf import PdfReader

    trainee.registration_number = "PH123456"
    trainee.save()
    course = build_course(modules=1, lessons_per_module=1)
    enrollment = complete(trainee, course, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(enrollment=enrollment)
    data = certificate.pdf.read()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape
    text = reader.pages[0].extract_text()
    assert trainee.full_name in text and certificate.display_code in text and "PH123456" in text
    decoded = decode_qr(data, tmp_path)
    Path("test-results").mkdir(exist_ok=True)
    shutil.copy(next(tmp_path.glob("page*.png")), "test-results/certificate.png")
    expected = settings.SITE_URL + reverse("certificates:verify", args=[certificate.code])
    assert decoded == [expected]


def make_certificate(trainee, capture, **changes):
    course = build_course(modules=1, lessons_per_module=1)
    certificate = Certificate.objects.get(enrollment=complete(trainee, course, capture))
    Certificate.objects.filter(pk=certificate.pk).update(**changes)
    certificate.refresh_from_db()
    return certificate


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({}, "Valid"),
        ({"expires_at": timezone.now() - timezone.timedelta(days=1)}, "Expired"),
        ({"status": "revoked", "revoked_reason": "Issued in error"}, "Revoked"),
    ],
)
def test_verify_page_shows_status_and_never_the_email(
    client, trainee, django_capture_on_commit_callbacks, changes, status
):
    certificate = make_certificate(trainee, django_capture_on_commit_callbacks, **changes)
    response = client.get(reverse("certificates:verify", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert status in html and trainee.full_name in html
    assert trainee.email not in html
    assert response["X-Robots-Tag"] == "noindex"
    if status == "Revoked":
        assert "Issued in error" in html


def test_verify_accepts_typed_codes_and_says_not_found(
    client, trainee, django_capture_on_commit_callbacks
):
    certificate = make_certificate(trainee, django_capture_on_commit_callbacks)
    typed = certificate.display_code.lower()
    response = client.get(reverse("certificates:verify", args=[typed]))
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates:verify", args=[certificate.code])
    missing = client.get(reverse("certificates:verify", args=["0000000000000000"]))
    assert missing.status_code == 404
    assert "Not found: no certificate has the code" in missing.content.decode()
    lookup = client.get(reverse("certificates:lookup"), {"code": typed})
    assert lookup.status_code == 302
    assert client.get(reverse("certificates:lookup"), {"code": "nonsense"}).status_code == 400


def test_trainee_downloads_own_pdf_and_nobody_elses(
    client, trainee, django_capture_on_commit_callbacks
):
    from tests.factories import UserFactory

    certificate = make_certificate(trainee, django_capture_on_commit_callbacks)
    client.force_login(trainee)
    html = client.get(reverse("certificates:mine")).content.decode()
    assert certificate.display_code in html and "Download PDF" in html
    response = client.get(reverse("certificates:download", args=[certificate.id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(UserFactory())
    assert client.get(reverse("certificates:download", args=[certificate.id])).status_code == 404
    assert certificate.display_code not in client.get(reverse("certificates:mine")).content.decode()
