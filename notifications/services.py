"""A small outbox for notification emails (the certificate outbox predates it and keeps its own
rows: it waits for PDFs and logs to the certificate's history).

Record a row in the transaction that caused the email; after commit a task claims it with a
guarded UPDATE, sends it and marks it, so two workers never send one row. The only window for a
repeat is a worker dying after the SMTP server accepted the message and before the row says
"sent": the retry reuses the Message-ID so the recipient's mail system can drop it.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from notifications.enqueue import enqueue_outbox_send
from notifications.models import OutboxEmail

logger = logging.getLogger(__name__)
Status = OutboxEmail.Status
CLAIM_LEASE = timedelta(minutes=10)
SWEEP_RETRY_AFTER = timedelta(minutes=15)
GIVE_UP_AFTER = timedelta(days=3)


class EmailNotSent(Exception):
    """The mail server refused or was unreachable; the task retries with backoff."""


@transaction.atomic
def outbox_email_queue(*, key: str, to: str, subject: str, text: str, html: str = ""):
    """Record the email once per key; it is sent after the surrounding transaction commits."""
    email, created = OutboxEmail.objects.get_or_create(
        key=key[:200],
        defaults={"to": to, "subject": subject[:300], "body_text": text, "body_html": html},
    )
    if created:
        transaction.on_commit(lambda: enqueue_outbox_send(email.pk))
    return email


def _claim(email_id: int, now) -> bool:
    claimable = Q(status__in=[Status.PENDING, Status.FAILED]) | Q(
        status=Status.SENDING, claimed_at__lt=now - CLAIM_LEASE
    )
    return bool(
        OutboxEmail.objects.filter(claimable, pk=email_id).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def message_id(email: OutboxEmail) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<outbox-{email.pk}@{domain}>"


def outbox_email_send(*, email_id: int) -> bool:
    """Send one row if nobody else is; True when this call delivered it."""
    if not _claim(email_id, timezone.now()):
        return False
    email = OutboxEmail.objects.get(pk=email_id)
    rows = OutboxEmail.objects.filter(pk=email_id)
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={"Message-ID": message_id(email)},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send(fail_silently=False)
    except Exception as error:
        gave_up = timezone.now() - email.created_at >= GIVE_UP_AFTER
        rows.update(
            status=Status.GAVE_UP if gave_up else Status.FAILED,
            last_error=f"{type(error).__name__}: {error}"[:500],
        )
        if gave_up:
            logger.error("Gave up on outbox email %s: %s", email_id, error)
        raise EmailNotSent(str(error)) from error
    rows.update(status=Status.SENT, sent_at=timezone.now(), last_error="")
    return True


def outbox_emails_due(*, now=None) -> list[int]:
    """What the sweep sends: new rows whose task was lost, refused rows after a pause, rows whose
    sender died mid-claim; never a row older than three days (those are marked as given up)."""
    now = now or timezone.now()
    OutboxEmail.objects.filter(
        status__in=[Status.PENDING, Status.FAILED], created_at__lt=now - GIVE_UP_AFTER
    ).update(status=Status.GAVE_UP)
    due = (
        Q(status=Status.PENDING, created_at__lt=now - timedelta(minutes=2))
        | Q(status=Status.FAILED, claimed_at__lt=now - SWEEP_RETRY_AFTER)
        | Q(status=Status.SENDING, claimed_at__lt=now - CLAIM_LEASE)
    )
    return list(OutboxEmail.objects.filter(due).values_list("pk", flat=True)[:500])
