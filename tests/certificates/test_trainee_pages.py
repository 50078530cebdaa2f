"""What trainees and the public see: dashboard, resend, CPD transcript, rate-limited verify."""

import csv
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from certificates.models import Certificate
from certificates.services import certificate_revoke
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_dashboard_shows_being_prepared_then_the_download(client, issue):
    certificate = issue()
    client.force_login(certificate.user)
    dashboard = reverse("courses:dashboard")
    html = client.get(dashboard).content.decode()
    assert certificate.display_code in html and "Download certificate" in html
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    html = client.get(dashboard).content.decode()
    assert "being prepared" in html and "Download certificate" not in html


def test_dashboard_certificate_panel_costs_one_query_for_any_number(client, issue):
    user = UserFactory()
    issue(user=user)
    client.force_login(user)
    client.get(reverse("courses:dashboard"))  # warm the per-request site cache
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("courses:dashboard"))
    one = len(one)
    for _ in range(3):
        issue(user=user)
    client.get(reverse("courses:dashboard"))  # the new courses' outlines, kept from now on
    with CaptureQueriesContext(connection) as four:
        client.get(reverse("courses:dashboard"))
    assert len(four) == one


def test_trainee_resends_own_certificate_only(client, issue, django_capture_on_commit_callbacks):
    certificate = issue()
    client.force_login(certificate.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certificates:resend", args=[certificate.pk]), follow=True)
    assert f"We are emailing your certificate to {certificate.user.email}" in (
        response.content.decode()
    )
    assert len(mail.outbox) == 2 and mail.outbox[1].attachments
    assert certificate.emails.filter(kind="resend", status="sent", requested_by=certificate.user)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("certificates:resend", args=[certificate.pk]), follow=True
            )
    assert "emailed 3 times in the last hour" in response.content.decode()
    assert len(mail.outbox) == 4
    client.force_login(UserFactory())
    for name in ("resend", "recertify", "download"):
        method = client.get if name == "download" else client.post
        assert method(reverse(f"certificates:{name}", args=[certificate.pk])).status_code == 404
    assert len(mail.outbox) == 4


def test_cpd_transcript_csv_and_pdf_count_hours_except_revoked(client, issue, instructor):
    user = UserFactory(full_name="Alex Morgan", registration_number="PH 99")
    issue(user=user, cpd_hours=4.5, title="Dry needling foundations")
    issue(user=user, cpd_hours=2, title='=HYPERLINK("http://evil")')
    revoked = issue(user=user, cpd_hours=10, title="Revoked course")
    certificate_revoke(certificate=revoked, reason="Issued in error", user=instructor)
    issue(cpd_hours=7)  # somebody else's
    client.force_login(user)
    response = client.get(reverse("certificates:transcript_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:6] == [
        "Course",
        "Certificate code",
        "Issued",
        "Expires",
        "Standing",
        "CPD hours",
    ]
    body = {row[0]: row for row in rows[1:-1]}
    assert body["Dry needling foundations"][4:6] == ["valid", "4.5"]
    assert body['\'=HYPERLINK("http://evil")'][5] == "2.0"  # no formula
    assert body["Revoked course"][4] == "revoked"
    assert rows[-1][0].startswith("Total CPD hours") and rows[-1][5] == "6.5"
    pdf = client.get(reverse("certificates:transcript_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Alex Morgan" in text and "PH 99" in text and "6.5" in text
    assert "Dry needling foundations" in text and "Revoked" in text


def test_transcripts_need_a_login(client):
    response = client.get(reverse("certificates:transcript_csv"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_codes_are_rate_limited_per_client(client, issue, settings):
    settings.CERTIFICATE_VERIFY_MISS_RATE = "3/10m"
    certificate = issue()
    good = reverse("certificates:verify", args=[certificate.code])
    for index in range(3):
        miss = reverse("certificates:verify", args=[f"{index:016d}"])
        assert client.get(miss).status_code == 404
    limited = client.get(good)
    assert limited.status_code == 429
    assert "Too many certificate checks" in limited.content.decode()
    assert int(limited["Retry-After"]) > 0
    other = client.get(good, REMOTE_ADDR="203.0.113.9")  # another client is unaffected
    assert other.status_code == 200


def test_verification_is_rate_limited_overall(client, issue, settings):
    settings.CERTIFICATE_VERIFY_RATE = "5/10m"
    certificate = issue()
    url = reverse("certificates:verify", args=[certificate.code])
    assert [client.get(url).status_code for _ in range(6)] == [200] * 5 + [429]


def test_verification_still_works_when_the_rate_limit_cache_is_down(client, issue, monkeypatch):
    certificate = issue()

    def cache_down(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr("certificates.ratelimit.get_usage", cache_down)
    url = reverse("certificates:verify", args=[certificate.code])
    assert client.get(url).status_code == 200


def test_a_cache_outage_is_logged_once_per_interval_not_per_request(
    client, issue, monkeypatch, caplog
):
    from certificates import ratelimit

    certificate = issue()
    clock = [1000.0]
    monkeypatch.setattr(ratelimit, "_monotonic", lambda: clock[0], raising=False)
    monkeypatch.setattr(ratelimit, "_outage_logged_at", None, raising=False)

    def cache_down(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr("certificates.ratelimit.get_usage", cache_down)
    url = reverse("certificates:verify", args=[certificate.code])

    def logged():
        return [r for r in caplog.records if r.name == "certificates.ratelimit"]

    with caplog.at_level("WARNING", logger="certificates.ratelimit"):
        assert {client.get(url).status_code for _ in range(30)} == {200}
        assert len(logged()) == 1 and logged()[0].exc_info  # one traceback, not 60
        clock[0] += 61  # the next interval
        client.get(url)
    assert len(logged()) == 2
    assert "still unavailable" in logged()[1].getMessage()
    assert logged()[1].exc_info is None
