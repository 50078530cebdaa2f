"""Thin tasks for the Open Badges credentials: load, call the service, retry."""

from celery import shared_task

from certificates.credential_services import (
    credential_issue,
    credentials_sweep,
    status_list_rebuild,
)
from certificates.models import Certificate


@shared_task(bind=True, acks_late=True, max_retries=8, ignore_result=True)
def issue_credential(self, certificate_id: int) -> None:
    """Sign the certificate's Open Badges credential (after its PDF); safe to run twice."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return
    try:
        credential_issue(certificate=certificate)
    except Exception as error:  # noqa: BLE001 - no key yet, or a locked database: retry
        raise self.retry(exc=error, countdown=min(600, 2**self.request.retries * 5)) from error


@shared_task(bind=True, acks_late=True, max_retries=8, ignore_result=True)
def rebuild_status_list(self) -> int:
    """Re-sign the revocation list; running it twice gives the same bits."""
    try:
        return status_list_rebuild().revoked_count
    except Exception as error:  # noqa: BLE001 - a missing key or a locked database: retry
        raise self.retry(exc=error, countdown=min(600, 2**self.request.retries * 5)) from error


@shared_task(ignore_result=True, acks_late=True)
def sweep_credentials() -> int:
    """Beat: credentials that a lost task (or a missing key) left unsigned."""
    return credentials_sweep()
