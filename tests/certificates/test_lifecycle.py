"""Revocation, re-issue, expiry reminders and recertification."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.lifecycle import expiry_reminders_queue
from certificates.models import Certificate, CertificateEmail
from certificates.services import (
    CertificateActionError,
    certificate_reissue,
    certificate_revoke,
)
from courses.models import Enrollment
from tests.certificates.conftest import complete_course

pytestmark = pytest.mark.django_db


def actions_logged(certificate):
    return list(
        ModelLogEntry.objects.for_instance(certificate)
        .order_by("timestamp")
        .values_list("action", flat=True)
    )


def test_revoke_needs_a_reason_shows_it_publicly_and_is_audited(client, issue, instructor):
    certificate = issue()
    with pytest.raises(CertificateActionError, match="Give the reason"):
        certificate_revoke(certificate=certificate, reason="  ", user=instructor)
    certificate_revoke(certificate=certificate, reason="Registration lapsed", user=instructor)
    html = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert "Revoked" in html and "Registration lapsed" in html
    entry = ModelLogEntry.objects.for_instance(certificate).get(action="certificates.revoke")
    assert entry.user == instructor and entry.data == {"reason": "Registration lapsed"}
    with pytest.raises(CertificateActionError, match="already revoked"):
        certificate_revoke(certificate=certificate, reason="again", user=instructor)


def test_revoking_cancels_emails_not_yet_sent(issue, instructor):
    certificate = issue()
    pending = CertificateEmail.objects.create(certificate=certificate, kind="resend")
    certificate_revoke(certificate=certificate, reason="Issued in error", user=instructor)
    pending.refresh_from_db()
    assert pending.status == "cancelled"


def test_reissue_gives_a_new_code_and_pdf_keeps_the_old_code_and_emails_it(
    client, issue, instructor, django_capture_on_commit_callbacks
):
    certificate = issue()
    old_code, old_pdf = certificate.code, certificate.pdf.name
    certificate.user.full_name = "Sam Corrected-Name"
    certificate.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificate_reissue(certificate=certificate, reason="Name misspelt", user=instructor)
    certificate.refresh_from_db()
    assert certificate.code != old_code and certificate.holder_name == "Sam Corrected-Name"
    assert certificate.pdf and certificate.pdf.name != old_pdf
    assert certificate.retired_codes.get().code == old_code
    old = client.get(reverse("certificates:verify", args=[old_code])).content.decode()
    assert "Replaced" in old and "Name misspelt" in old and "Valid until" not in old
    new = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert "Valid" in new and "Sam Corrected-Name" in new
    assert [m.subject for m in mail.outbox][-1].endswith(
        f"Your re-issued certificate: {certificate.course_title}"
    )
    assert certificate.display_code in mail.outbox[-1].body
    assert actions_logged(certificate) == [
        "certificates.issue",
        "certificates.email_sent",
        "certificates.reissue",
        "certificates.email_sent",
    ]


def sent_reminders(certificate):
    return list(
        certificate.emails.filter(kind__startswith="reminder", status="sent")
        .order_by("created_at")
        .values_list("kind", flat=True)
    )


def run_reminders_at(when, capture):
    with time_machine.travel(when, tick=False), capture(execute=True):
        return expiry_reminders_queue()


def test_reminders_go_at_60_30_and_7_days_each_once(issue, django_capture_on_commit_callbacks):
    certificate = issue(validity_months=12)
    expiry = certificate.expires_at
    capture = django_capture_on_commit_callbacks
    assert run_reminders_at(expiry - dt.timedelta(days=61), capture) == 0
    assert run_reminders_at(expiry - dt.timedelta(days=59), capture) == 1
    assert run_reminders_at(expiry - dt.timedelta(days=58), capture) == 0  # hourly beat: once
    assert run_reminders_at(expiry - dt.timedelta(days=29), capture) == 1
    assert run_reminders_at(expiry - dt.timedelta(days=6, hours=23), capture) == 1
    assert run_reminders_at(expiry - dt.timedelta(days=1), capture) == 0
    assert run_reminders_at(expiry + dt.timedelta(days=1), capture) == 0
    assert sent_reminders(certificate) == ["reminder_60", "reminder_30", "reminder_7"]
    reminder = mail.outbox[-1]
    assert "expires soon" in reminder.subject and not reminder.attachments
    assert timezone.localtime(expiry).strftime("%-d %B %Y") in reminder.body


def test_a_late_beat_sends_only_the_most_urgent_reminder(issue, django_capture_on_commit_callbacks):
    certificate = issue(validity_months=12)
    when = certificate.expires_at - dt.timedelta(days=25)
    assert run_reminders_at(when, django_capture_on_commit_callbacks) == 1
    assert sent_reminders(certificate) == ["reminder_30"]


def test_revoked_and_renewed_certificates_get_no_reminders(
    issue, instructor, django_capture_on_commit_callbacks
):
    revoked = issue(validity_months=12)
    certificate_revoke(certificate=revoked, reason="Issued in error", user=instructor)
    when = revoked.expires_at - dt.timedelta(days=10)
    assert run_reminders_at(when, django_capture_on_commit_callbacks) == 0
    expiring = issue(validity_months=12)
    Certificate.objects.filter(pk=expiring.pk).update(expires_at=revoked.expires_at)
    renewed = Certificate.objects.get(pk=expiring.pk)
    Enrollment.objects.create(user=renewed.user, course=renewed.course, cycle=2)
    newer = complete_course(renewed.user, renewed.course, django_capture_on_commit_callbacks)
    assert newer.issued_at > renewed.issued_at
    Certificate.objects.filter(pk=newer.pk).update(
        expires_at=newer.expires_at + dt.timedelta(days=400)
    )
    assert run_reminders_at(when, django_capture_on_commit_callbacks) == 0
    assert not CertificateEmail.objects.filter(kind__startswith="reminder").exists()


def test_recertification_opens_a_new_cycle_and_issues_a_second_certificate(
    client, issue, django_capture_on_commit_callbacks
):
    first = issue(validity_months=12)
    user, course = first.user, first.course
    client.force_login(user)
    recertify = reverse("certificates:recertify", args=[first.pk])
    response = client.post(recertify, follow=True)
    assert "Recertification opens on" in response.content.decode()
    assert Enrollment.objects.filter(user=user, course=course).count() == 1
    with time_machine.travel(first.expires_at - dt.timedelta(days=20), tick=False):
        client.force_login(user)  # months later: a fresh session
        html = client.get(reverse("certificates:mine")).content.decode()
        assert "Start recertification" in html
        response = client.post(recertify)
        assert response.status_code == 302
        client.post(recertify)  # a double click starts nothing more
        cycles = list(
            Enrollment.objects.filter(user=user, course=course).values_list("cycle", flat=True)
        )
        assert sorted(cycles) == [1, 2]
        second = complete_course(user, course, django_capture_on_commit_callbacks)
        assert run_reminders_at(timezone.now(), django_capture_on_commit_callbacks) == 0
    assert second.pk != first.pk and second.enrollment.cycle == 2
    assert second.expires_at > first.expires_at
    assert Certificate.objects.filter(user=user, course=course).count() == 2
    assert len([m for m in mail.outbox if "Your certificate:" in m.subject]) == 2


def test_attempt_limits_count_afresh_in_a_recertification_cycle(issue):
    from quizzes.models import Attempt, QuizPage
    from quizzes.services import QuizUnavailable, attempt_start_check, quiz_rules
    from tests.factories.quizzes import QuestionFactory, quiz_with_questions

    first = issue(validity_months=12)
    user, course = first.user, first.course
    quiz = quiz_with_questions(course, [QuestionFactory(kind="true_false")], attempts_allowed=1)
    Attempt.objects.create(quiz=quiz, user=user, number=1, seed=1, status="submitted")
    quiz = QuizPage.objects.get(pk=quiz.pk)
    now = timezone.now()
    rules = quiz_rules(quiz=quiz, user=user)
    with pytest.raises(QuizUnavailable, match="used your only attempt"):
        attempt_start_check(quiz=quiz, user=user, rules=rules, now=now)
    Enrollment.objects.create(user=user, course=course, cycle=2)
    attempt_start_check(quiz=quiz, user=user, rules=rules, now=timezone.now())


def test_a_trainee_without_a_name_never_gets_their_email_printed(issue):
    from tests.factories import UserFactory

    nameless = UserFactory(full_name="  ")
    certificate = issue(user=nameless)
    assert certificate.holder_name == "Name not given"
    assert nameless.email not in certificate.holder_name
