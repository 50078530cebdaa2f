"""The certificate outbox: queue an email as a row, then claim, send and mark it exactly once.

SMTP cannot be made transactional with the database. The claim (a guarded UPDATE) stops two
workers sending the same row; the only window for a duplicate is a worker dying after the SMTP
server accepted the message and before the row says "sent". Such a row is retried after its lease,
with the same Message-ID, so the recipient's mail system can drop the repeat.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from certificates.models import Certificate, CertificateEmail
from certificates.pdf import verify_url

logger = logging.getLogger(__name__)

Kind, Status = CertificateEmail.Kind, CertificateEmail.Status
CLAIM_LEASE = timedelta(minutes=10)  # far longer than an SMTP timeout
SWEEP_RETRY_AFTER = timedelta(minutes=15)  # after the task's own retries, the sweep's pace
GIVE_UP_AFTER = timedelta(days=3)  # an outage longer than this needs a person, not a retry
WITH_PDF = {Kind.DELIVERY, Kind.RESEND, Kind.REISSUE}
REMINDER_DAYS = {Kind.REMINDER_60: 60, Kind.REMINDER_30: 30, Kind.REMINDER_7: 7}


class EmailNotSent(Exception):
    """The mail server refused or was unreachable; the task retries with backoff."""


def certificate_email_queue(*, certificate: Certificate, kind: str, requested_by=None):
    """Record the email; it is sent after commit, or after the PDF if it needs one."""
    email = CertificateEmail.objects.create(
        certificate=certificate, kind=kind, requested_by=requested_by
    )
    if kind not in WITH_PDF or certificate.pdf:
        transaction.on_commit(lambda: enqueue_send(email.pk))
    return email


def enqueue_send(email_id: int, *, retry: bool = True) -> None:
    from certificates.tasks import send_certificate_email

    try:
        send_certificate_email.delay(email_id, retry=retry)
    except Exception:  # noqa: BLE001 - the row stays pending and the sweep sends it
        logger.warning("Could not queue certificate email %s; the sweep will send it", email_id)


def certificate_emails_enqueue_pending(*, certificate_id: int) -> int:
    """After a render: send what was waiting for the PDF."""
    ids = list(
        CertificateEmail.objects.filter(
            certificate_id=certificate_id, status=Status.PENDING
        ).values_list("pk", flat=True)
    )
    for email_id in ids:
        enqueue_send(email_id)
    return len(ids)


def _claim(email_id: int, now) -> bool:
    claimable = Q(status__in=[Status.PENDING, Status.FAILED]) | Q(
        status=Status.SENDING, claimed_at__lt=now - CLAIM_LEASE
    )
    return bool(
        CertificateEmail.objects.filter(claimable, pk=email_id).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def certificate_email_send(*, email_id: int) -> bool:
    """Send one outbox row if nobody else has; True when this call delivered it."""
    if not _claim(email_id, timezone.now()):
        return False
    email = CertificateEmail.objects.select_related("certificate__user").get(pk=email_id)
    certificate = email.certificate
    rows = CertificateEmail.objects.filter(pk=email_id)
    if certificate.status == Certificate.Status.REVOKED and email.kind != Kind.REVOCATION:
        rows.update(status=Status.CANCELLED)
        return False
    try:
        if email.kind in WITH_PDF and not certificate.pdf:
            from certificates.services import certificate_render

            certificate = certificate_render(certificate=certificate)
            email.certificate = certificate
        message = build_message(email)
        if (
            email.kind != Kind.REVOCATION
            and Certificate.objects.filter(
                pk=certificate.pk, status=Certificate.Status.REVOKED
            ).exists()
        ):
            rows.update(status=Status.CANCELLED)  # revoked while we were preparing it
            return False
        message.send(fail_silently=False)
    except Exception as error:
        gave_up = timezone.now() - email.created_at >= GIVE_UP_AFTER
        rows.update(
            status=Status.GAVE_UP if gave_up else Status.FAILED,
            last_error=f"{type(error).__name__}: {error}"[:500],
        )
        if gave_up:
            logger.error(
                "Gave up on certificate email %s after %s attempts: %s",
                email_id,
                email.attempts,
                error,
            )
        raise EmailNotSent(str(error)) from error
    rows.update(status=Status.SENT, sent_at=timezone.now(), recipient=message.to[0], last_error="")
    log(
        instance=certificate,
        action="certificates.email_sent",
        data={"kind": email.kind, "email": email.pk, "attempts": email.attempts},
    )
    return True


def _message_id(email: CertificateEmail) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<certificate-email-{email.pk}@{domain}>"


def build_message(email: CertificateEmail) -> EmailMultiAlternatives:
    certificate = email.certificate
    is_reminder = email.kind in REMINDER_DAYS
    context = {
        "certificate": certificate,
        "kind": email.kind,
        "verify_url": verify_url(certificate.code),
        "certificates_url": settings.SITE_URL + reverse("certificates:mine"),
        "site_url": settings.SITE_URL,
    }
    template = "certificates/email/reminder" if is_reminder else "certificates/email/certificate"
    if email.kind == Kind.REVOCATION:
        template = "certificates/email/revocation"
        subject = f"Your certificate for {certificate.course_title} has been revoked"
    elif is_reminder:
        subject = f"Your certificate for {certificate.course_title} expires soon"
    elif email.kind == Kind.REISSUE:
        subject = f"Your re-issued certificate: {certificate.course_title}"
    else:
        subject = f"Your certificate: {certificate.course_title}"
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=render_to_string(f"{template}.txt", context),
        to=[certificate.user.email],
        headers={"Message-ID": _message_id(email)},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    if email.kind in WITH_PDF:
        with certificate.pdf.open("rb") as pdf:
            message.attach(
                f"certificate-{certificate.display_code}.pdf", pdf.read(), "application/pdf"
            )
    return message


def certificate_emails_due(*, now=None) -> list[int]:
    """For the sweep: rows never sent, failed rows past their backoff, and abandoned claims."""
    now = now or timezone.now()
    due = (
        Q(status=Status.PENDING, created_at__lt=now - timedelta(minutes=2))
        | Q(status=Status.FAILED, claimed_at__lt=now - SWEEP_RETRY_AFTER)
        | Q(status=Status.SENDING, claimed_at__lt=now - CLAIM_LEASE)
    )
    return list(CertificateEmail.objects.filter(due).values_list("pk", flat=True)[:500])
