"""Thin tasks: load by id, call the service, retry. Every task is safe to run twice."""

from celery import shared_task

from certificates.credential_services import enqueue_credential_issue
from certificates.credential_tasks import issue_credential, rebuild_status_list  # noqa: F401
from certificates.emails import (
    EmailNotSent,
    certificate_email_send,
    certificate_emails_enqueue_pending,
)
from certificates.lifecycle import certificates_sweep, expiry_reminders_queue
from certificates.models import Certificate
from certificates.services import certificate_render
from notifications.tasks import retry_countdown

FAST_RETRIES = 8


@shared_task(bind=True, acks_late=True, max_retries=8, ignore_result=True)
def render_certificate(self, certificate_id: int) -> None:
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return
    try:
        certificate_render(certificate=certificate)
    except Exception as error:  # noqa: BLE001 - any failure is retried
        raise self.retry(exc=error, countdown=min(600, 2**self.request.retries * 5)) from error
    certificate_emails_enqueue_pending(certificate_id=certificate_id)
    enqueue_credential_issue(certificate_id)  # its own task: a key problem must not stop the PDF


@shared_task(bind=True, acks_late=True, ignore_result=True)
def send_certificate_email(self, email_id: int, *, retry: bool = True) -> None:
    """Retries with exponential backoff and full jitter; after the last, the sweep takes over.

    The sweep queues with retry=False: one attempt per sweep pass, every 15 minutes, until the
    email is sent or three days have passed (then it is marked "gave up" and logged as an error).
    """
    try:
        certificate_email_send(email_id=email_id)
    except EmailNotSent as error:
        if not retry or self.request.retries >= FAST_RETRIES:
            return
        raise self.retry(exc=error, countdown=retry_countdown(self.request.retries)) from error


@shared_task(ignore_result=True, acks_late=True)
def sweep_certificates() -> dict:
    """Beat: completions without a certificate, certificates without a PDF, unsent emails."""
    return certificates_sweep().__dict__


@shared_task(ignore_result=True, acks_late=True)
def send_expiry_reminders() -> int:
    """Beat: the 60, 30 and 7 day reminders, each once per certificate."""
    return expiry_reminders_queue()
