"""Thin tasks: send one outbox row with backoff; a beat sweep picks up what a lost task left."""

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings

from notifications.enqueue import enqueue_outbox_send
from notifications.services import EmailNotSent, outbox_email_send, outbox_emails_due

FAST_RETRIES = 8


def retry_countdown(retries: int) -> float:
    """Exponential backoff with full jitter, at most 10 minutes: every outbox's email retries."""
    return get_exponential_backoff_interval(
        factor=settings.CERTIFICATE_EMAIL_RETRY_BACKOFF,
        retries=retries,
        maximum=600,
        full_jitter=True,
    )


@shared_task(bind=True, acks_late=True, ignore_result=True)
def send_outbox_email(self, email_id: int, *, retry: bool = True) -> None:
    try:
        outbox_email_send(email_id=email_id)
    except EmailNotSent as error:
        if not retry or self.request.retries >= FAST_RETRIES:
            return
        raise self.retry(exc=error, countdown=retry_countdown(self.request.retries)) from error


@shared_task(ignore_result=True, acks_late=True)
def sweep_outbox() -> int:
    """Beat: one attempt per due row per pass."""
    due = outbox_emails_due()
    for email_id in due:
        enqueue_outbox_send(email_id, retry=False)
    return len(due)
