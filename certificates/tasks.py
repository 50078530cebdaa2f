from celery import shared_task

from certificates.models import Certificate
from certificates.services import certificate_render, certificates_render_missing


@shared_task(bind=True, acks_late=True, max_retries=8, ignore_result=True)
def render_certificate(self, certificate_id: int) -> None:
    """Thin: load by id, render, retry with backoff on failure. Safe to run twice."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return
    try:
        certificate_render(certificate=certificate)
    except Exception as error:  # noqa: BLE001 - any failure is retried
        raise self.retry(exc=error, countdown=min(600, 2**self.request.retries * 5)) from error


@shared_task(ignore_result=True, acks_late=True)
def sweep_certificates() -> int:
    """Beat: finish certificates whose render task was lost (broker down, worker killed)."""
    return certificates_render_missing()
