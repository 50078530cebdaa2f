"""Certificate email delivery: outbox rows, one send, retries and the sweep (eager Celery)."""

import smtplib

import pytest
from django.core import mail
from django.utils import timezone

from certificates import emails as outbox
from certificates.lifecycle import certificates_sweep
from certificates.models import Certificate, CertificateEmail
from courses.models import Enrollment
from tests.certificates.conftest import complete_course
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db
LATER = timezone.timedelta(minutes=20)


def test_completion_emails_the_pdf_once_with_text_and_html(issue, settings):
    certificate = issue()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [certificate.user.email]
    assert certificate.course_title in message.subject
    assert certificate.display_code in message.body
    assert settings.SITE_URL + f"/certificates/verify/{certificate.code}/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and certificate.holder_name in html
    [(filename, content, content_type)] = message.attachments
    assert filename == f"certificate-{certificate.display_code}.pdf"
    assert content_type == "application/pdf" and content.startswith(b"%PDF")
    email = CertificateEmail.objects.get(certificate=certificate)
    assert (email.kind, email.status, email.attempts) == ("delivery", "sent", 1)
    assert email.recipient == certificate.user.email and email.sent_at
    assert message.extra_headers["Message-ID"] == f"<certificate-email-{email.pk}@127.0.0.1>"


def test_sending_a_row_twice_delivers_once(issue):
    certificate = issue()
    email = certificate.emails.get()
    assert outbox.certificate_email_send(email_id=email.pk) is False
    CertificateEmail.objects.filter(pk=email.pk).update(status="pending")
    assert outbox.certificate_email_send(email_id=email.pk) is True  # a genuinely unsent row
    assert len(mail.outbox) == 2


def test_a_live_claim_blocks_a_second_sender_until_its_lease_expires(issue):
    certificate = issue()
    email = certificate.emails.get()
    now = timezone.now()
    CertificateEmail.objects.filter(pk=email.pk).update(status="sending", claimed_at=now)
    assert outbox.certificate_email_send(email_id=email.pk) is False
    CertificateEmail.objects.filter(pk=email.pk).update(claimed_at=now - outbox.CLAIM_LEASE * 2)
    assert outbox.certificate_email_send(email_id=email.pk) is True


@pytest.fixture
def flaky_smtp(monkeypatch):
    """Install a FlakySMTP; eager Celery then runs the task's real retries in-process."""
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)

    def install(failures):
        server = FlakySMTP(failures)
        monkeypatch.setattr(
            "django.core.mail.message.EmailMessage.get_connection",
            lambda self, *args, **kwargs: server,
        )
        return server

    return install


class FlakySMTP:
    """Refuses the first `failures` sends like a busy server, then delivers to the outbox."""

    def __init__(self, failures):
        self.failures = failures
        self.calls = 0

    def send_messages(self, messages):
        self.calls += 1
        if self.calls <= self.failures:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        mail.outbox.extend(messages)
        return len(messages)


def test_a_refusing_server_is_retried_and_the_email_sent_once(issue, flaky_smtp):
    server = flaky_smtp(failures=2)
    certificate = issue()
    email = certificate.emails.get()
    assert (email.status, email.attempts, server.calls) == ("sent", 3, 3)
    assert len(mail.outbox) == 1


def test_after_the_last_retry_the_sweep_keeps_trying_for_three_days_then_gives_up(
    issue, flaky_smtp, caplog
):
    server = flaky_smtp(failures=1000)
    issue()
    email = CertificateEmail.objects.get()
    assert email.status == "failed" and email.attempts == server.calls > 1
    assert "SMTPServerDisconnected" in email.last_error
    assert outbox.certificate_emails_due(now=timezone.now()) == []  # backing off
    assert outbox.certificate_emails_due(now=timezone.now() + LATER) == [email.pk]
    calls = server.calls
    from certificates.tasks import send_certificate_email

    send_certificate_email.delay(email.pk, retry=False)  # as the sweep queues it: one attempt
    assert server.calls == calls + 1
    email.refresh_from_db()
    assert email.status == "failed"
    three_days_on = email.created_at - outbox.GIVE_UP_AFTER
    CertificateEmail.objects.filter(pk=email.pk).update(created_at=three_days_on)
    with pytest.raises(outbox.EmailNotSent):
        outbox.certificate_email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == "gave_up"
    assert "Gave up on certificate email" in caplog.text
    assert outbox.certificate_emails_due(now=timezone.now() + LATER) == []


def test_a_certificate_revoked_while_its_email_is_prepared_is_not_sent(issue, monkeypatch):
    from certificates import emails

    certificate = issue()
    email = CertificateEmail.objects.create(certificate=certificate, kind="resend")
    real_build = emails.build_message

    def revoke_meanwhile(row):
        Certificate.objects.filter(pk=certificate.pk).update(status="revoked")
        return real_build(row)

    monkeypatch.setattr(emails, "build_message", revoke_meanwhile)
    assert outbox.certificate_email_send(email_id=email.pk) is False
    email.refresh_from_db()
    assert email.status == "cancelled" and len(mail.outbox) == 1


def test_the_sweep_carries_on_past_a_certificate_that_will_not_render(issue, monkeypatch):
    from certificates import lifecycle

    broken, fine = issue(), issue()
    Certificate.objects.filter(pk__in=[broken.pk, fine.pk]).update(pdf="")
    real_render = lifecycle.certificate_render

    def render(*, certificate):
        if certificate.pk == broken.pk:
            raise OSError("disk full")
        return real_render(certificate=certificate)

    monkeypatch.setattr(lifecycle, "certificate_render", render)
    assert certificates_sweep(now=timezone.now() + LATER).rendered == 1
    fine.refresh_from_db()
    assert fine.pdf


def broker_down(*args, **kwargs):
    raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


def test_broker_down_at_completion_ends_in_one_certificate_and_one_email(
    monkeypatch, django_capture_on_commit_callbacks
):
    from certificates import tasks

    monkeypatch.setattr(tasks.render_certificate, "delay", broker_down)
    monkeypatch.setattr(tasks.send_certificate_email, "delay", broker_down)
    user = UserFactory()
    certificate = complete_course(user, build_course(modules=1, lessons_per_module=1),
                                  django_capture_on_commit_callbacks)  # fmt: skip
    assert not certificate.pdf and mail.outbox == []  # completion committed, nothing queued
    monkeypatch.undo()  # Redis is back
    result = certificates_sweep(now=timezone.now() + LATER)
    assert (result.issued, result.rendered, result.emails_queued) == (0, 1, 1)
    certificate.refresh_from_db()
    assert certificate.pdf and len(mail.outbox) == 1
    again = certificates_sweep(now=timezone.now() + LATER)
    assert (again.issued, again.rendered, again.emails_queued) == (0, 0, 0)
    assert Certificate.objects.count() == 1 and len(mail.outbox) == 1


def test_sweep_issues_for_a_completion_that_has_no_certificate(course_without_signal):
    enrollment = course_without_signal
    result = certificates_sweep(now=timezone.now() + LATER)
    assert result.issued == 1
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.pdf and len(mail.outbox) == 1
    assert certificates_sweep(now=timezone.now() + LATER).issued == 0


@pytest.fixture
def course_without_signal(db, django_capture_on_commit_callbacks):
    """A completion recorded without the certificate (e.g. by an import or a failed receiver)."""
    user = UserFactory()
    course = build_course(modules=1, lessons_per_module=1)
    return Enrollment.objects.create(user=user, course=course, completed_at=timezone.now())


def test_issue_runs_twice_one_certificate_one_email(issue, django_capture_on_commit_callbacks):
    from certificates.services import certificate_issue

    certificate = issue()
    with django_capture_on_commit_callbacks(execute=True):
        again, created = certificate_issue(enrollment=certificate.enrollment)
    assert again == certificate and created is False
    assert Certificate.objects.count() == 1 and CertificateEmail.objects.count() == 1
    assert len(mail.outbox) == 1
