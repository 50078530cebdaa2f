"""A withdrawn practical sign-off flags the certificate issued on it for review in the register;
it is never revoked by itself. An instructor clears the flag with a reason (audited)."""

import csv
import io
from datetime import timedelta

import pytest
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from certificates.services import CertificateActionError, certificate_revoke
from practice.services import signoff_withdraw
from tests.practice.skill_data import skill_course
from tests.practice.test_services import requested, sign

pytestmark = pytest.mark.django_db
INDEX = "/admin/certificate_register/"


def certified():
    """A course with a required skill, completed on its sign-off: (data, request, certificate)."""
    data = skill_course()
    trainee = data.ready_to_practise(full_name="Cora Certified")
    data.finish_theory(trainee)
    request = requested(data, trainee)
    sign(data, request)
    return data, request, Certificate.objects.get(user=trainee)


def withdraw(data, request, reason="Signed the wrong trainee."):
    return signoff_withdraw(request_id=request.pk, by=data.instructor, reason=reason)


def test_withdrawal_flags_the_certificate_and_leaves_it_valid():
    data, request, certificate = certified()
    assert not certificate.flagged_for_review
    withdraw(data, request)
    certificate.refresh_from_db()
    assert certificate.status == "valid" and certificate.standing_now() == "valid"
    assert certificate.review_flagged_at is not None
    assert "Supervised needling" in certificate.review_reason
    assert "Signed the wrong trainee." in certificate.review_reason
    entry = ModelLogEntry.objects.get(action="certificates.review_flag")
    assert entry.user == data.instructor and entry.object_id == str(certificate.pk)
    assert certificate.enrollment.completed_at is not None  # completion stands


def test_no_certificate_nothing_to_flag():
    data = skill_course()
    trainee = data.ready_to_practise()  # theory not finished: no completion, no certificate
    request = requested(data, trainee)
    sign(data, request)
    withdraw(data, request)
    assert not Certificate.objects.exists()
    assert not ModelLogEntry.objects.filter(action="certificates.review_flag").exists()


def test_a_revoked_certificate_is_not_flagged():
    data, request, certificate = certified()
    certificate_revoke(certificate=certificate, reason="Fraud", user=data.instructor)
    withdraw(data, request)
    certificate.refresh_from_db()
    assert certificate.review_flagged_at is None


def test_a_signature_made_after_the_certificate_was_issued_does_not_flag_it():
    data, request, certificate = certified()
    request.refresh_from_db()
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=request.decided_at - timedelta(days=1)
    )
    withdraw(data, request)
    certificate.refresh_from_db()
    assert certificate.review_flagged_at is None


def test_register_shows_filters_and_clears_the_flag(client):
    data, request, certificate = certified()
    other_data, other_request, unflagged = certified()
    withdraw(data, request)
    client.force_login(data.instructor)
    html = client.get(INDEX).content.decode()
    assert "Flagged for review" in html and "Cora Certified" in html
    flagged = client.get(INDEX, {"review": "flagged"}).content.decode()
    assert f"inspect/{certificate.pk}/" in flagged
    assert "No certificates" not in flagged
    inspect_url = f"{INDEX}inspect/{certificate.pk}/"
    inspect = client.get(inspect_url).content.decode()
    assert 'data-testid="review-flag"' in inspect and "Signed the wrong trainee." in inspect
    assert "Clear the review flag" in inspect
    clear_url = f"{INDEX}{certificate.pk}/clear-review/"
    assert client.get(clear_url).status_code == 200
    assert client.post(clear_url, {"reason": ""}).status_code == 200  # the form again
    certificate.refresh_from_db()
    assert certificate.review_flagged_at is not None
    response = client.post(clear_url, {"reason": "Re-signed by Dr B after review."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.review_flagged_at is None and certificate.review_reason == ""
    assert certificate.status == "valid"
    entry = ModelLogEntry.objects.get(action="certificates.review_clear")
    assert entry.user == data.instructor
    assert entry.data["reason"] == "Re-signed by Dr B after review."
    assert "Signed the wrong trainee." in entry.data["flag"]
    history = client.get(f"{INDEX}history/{certificate.pk}/").content.decode()
    assert "Review flag cleared" in history and "Certificate flagged for review" in history
    assert 'data-testid="review-flag"' not in client.get(inspect_url).content.decode()


def test_clearing_an_unflagged_certificate_is_refused(client):
    data, request, certificate = certified()
    from certificates.review import certificate_review_clear

    with pytest.raises(CertificateActionError, match="not flagged"):
        certificate_review_clear(certificate=certificate, reason="x", user=data.instructor)


def test_another_courses_instructor_cannot_clear(client):
    data, request, certificate = certified()
    withdraw(data, request)
    other = skill_course()
    client.force_login(other.instructor)
    response = client.post(f"{INDEX}{certificate.pk}/clear-review/", {"reason": "mine now"})
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.review_flagged_at is not None


def test_export_has_the_review_columns(client):
    data, request, certificate = certified()
    withdraw(data, request)
    client.force_login(data.instructor)
    response = client.get(INDEX, {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert "Signed the wrong trainee." in rows[0]["Flagged for review because"]
    assert rows[0]["Flagged for review at"]
