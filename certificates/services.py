"""Issue certificates on completion and render them. Email delivery is not built yet."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from certificates.codes import new_code
from certificates.models import Certificate, CertificateTemplate
from certificates.pdf import certificate_html, render_pdf

logger = logging.getLogger(__name__)


@transaction.atomic
def certificate_issue(*, enrollment) -> tuple[Certificate, bool]:
    """Create the enrollment's certificate once and queue its PDF after the transaction commits."""
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing, False
    course, user = enrollment.course, enrollment.user
    issued_at = enrollment.completed_at or timezone.now()
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                enrollment=enrollment,
                user=user,
                course=course,
                code=new_code(),
                holder_name=user.get_full_name(),
                registration_number=user.registration_number,
                course_title=course.title,
                cpd_hours=course.cpd_hours,
                issued_at=issued_at,
                expires_at=Certificate.expiry_for(issued_at, course.validity_months),
            )
    except IntegrityError:  # issued concurrently by another worker
        return Certificate.objects.get(enrollment=enrollment), False
    transaction.on_commit(lambda: _enqueue_render(certificate.pk))
    return certificate, True


def _enqueue_render(certificate_id: int) -> None:
    """Queue the PDF; if the broker is down, the periodic sweep renders it later."""
    from certificates.tasks import render_certificate

    try:
        render_certificate.delay(certificate_id)
    except Exception:  # noqa: BLE001 - the completion is committed; the sweep catches up
        logger.warning("Could not queue certificate %s; the sweep will render it", certificate_id)


def certificates_render_missing(*, older_than_seconds: int = 120) -> int:
    """For the periodic sweep: render certificates whose PDF never arrived."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    pending = Certificate.objects.filter(pdf="", issued_at__lt=cutoff)
    count = 0
    for certificate in pending:
        certificate_render(certificate=certificate)
        count += 1
    return count


def certificate_render(*, certificate: Certificate) -> Certificate:
    """Render and store the PDF; running it again replaces the file with an identical one."""
    design = CertificateTemplate.objects.filter(course_id=certificate.course_id).first()
    pdf = render_pdf(certificate_html(certificate, design))
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
    certificate.pdf_rendered_at = timezone.now()
    certificate.save(update_fields=["pdf", "pdf_rendered_at"])
    return certificate
