"""Issue, render, revoke and re-issue certificates; every change an instructor makes is audited."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from certificates.codes import new_code
from certificates.credential_services import credentials_withdraw
from certificates.emails import certificate_email_queue
from certificates.models import Certificate, CertificateEmail, CertificateTemplate, RetiredCode
from certificates.pdf import certificate_html, render_pdf

logger = logging.getLogger(__name__)
RESENDS_PER_HOUR = 3
NAME_MISSING = "Name not given"


class CertificateActionError(Exception):
    """An action the rules refuse; the message is shown to the person as is."""


@transaction.atomic
def certificate_issue(*, enrollment) -> tuple[Certificate, bool]:
    """Create the certificate and its delivery email once; the PDF follows on commit."""
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
                holder_name=holder_name(user),
                registration_number=user.registration_number,
                course_title=course.title,
                cpd_hours=course.cpd_hours,
                issued_at=issued_at,
                expires_at=Certificate.expiry_for(issued_at, course.validity_months),
            )
    except IntegrityError:  # issued concurrently by another worker
        return Certificate.objects.get(enrollment=enrollment), False
    CertificateEmail.objects.create(certificate=certificate, kind=CertificateEmail.Kind.DELIVERY)
    log(instance=certificate, action="certificates.issue", data={"code": certificate.code})
    transaction.on_commit(lambda: enqueue_render(certificate.pk))
    return certificate, True


def holder_name(user) -> str:
    """The name printed on the certificate. Never the email address (get_full_name's fallback):
    the verify page is public. A blank name is flagged for the instructor to fix and re-issue."""
    name = (user.full_name or "").strip()
    if not name:
        logger.warning("User %s has no full name; certificate issued as 'Name not given'", user.pk)
    return name or NAME_MISSING


def enqueue_render(certificate_id: int) -> None:
    """Queue the PDF; if the broker is down, the periodic sweep renders it later."""
    from certificates.tasks import render_certificate

    try:
        render_certificate.delay(certificate_id)
    except Exception:  # noqa: BLE001 - the completion is committed; the sweep catches up
        logger.warning("Could not queue certificate %s; the sweep will render it", certificate_id)


def certificate_render(*, certificate: Certificate) -> Certificate:
    """Render and store the PDF; running it again replaces the file with an identical one.

    Rendering happens outside any lock; the result is kept only if the certificate still has the
    code, name and status it was rendered with, so a render that overlaps a re-issue or a
    revocation cannot store a copy without the new code or the REVOKED stamp.
    """
    design = CertificateTemplate.objects.filter(course_id=certificate.course_id).first()
    pdf = render_pdf(certificate_html(certificate, design))
    rendered_as = (certificate.code, certificate.holder_name, certificate.status)
    with transaction.atomic():
        current = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if (current.code, current.holder_name, current.status) != rendered_as:
            return current  # re-issued or revoked meanwhile: its own render is queued
        old_name = current.pdf.name
        current.pdf.save(f"{current.code}.pdf", ContentFile(pdf), save=False)
        current.pdf_rendered_at = timezone.now()
        current.save(update_fields=["pdf", "pdf_rendered_at"])
        if old_name and old_name != current.pdf.name:
            _delete_after_commit(current.pdf.storage, old_name)
    return current


def _delete_after_commit(storage, name: str) -> None:
    """Files are not transactional: remove the old one only once the row no longer names it."""
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, user) -> Certificate:
    """Withdraw a certificate: the verify page shows the date and reason from now on.

    The holder is emailed once (a once-only outbox row, created under the row lock). The original
    PDF is deleted; its replacement is stamped REVOKED, so no copy served from now on can pass
    for a valid certificate.
    """
    reason = reason.strip()
    if not reason:
        raise CertificateActionError("Give the reason for revoking: the verify page shows it.")
    certificate = _lock(certificate)
    if certificate.status == Certificate.Status.REVOKED:
        raise CertificateActionError("This certificate is already revoked.")
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_reason = reason[:300]
    certificate.revoked_at = timezone.now()
    if certificate.pdf:
        _delete_after_commit(certificate.pdf.storage, certificate.pdf.name)
    certificate.pdf = ""
    certificate.pdf_rendered_at = None
    certificate.save(
        update_fields=["status", "revoked_reason", "revoked_at", "pdf", "pdf_rendered_at"]
    )
    CertificateEmail.objects.filter(
        certificate=certificate,
        status__in=[CertificateEmail.Status.PENDING, CertificateEmail.Status.FAILED],
    ).update(status=CertificateEmail.Status.CANCELLED)
    certificate_email_queue(
        certificate=certificate, kind=CertificateEmail.Kind.REVOCATION, requested_by=user
    )
    credentials_withdraw(certificate=certificate, superseded=False)  # its status bit, on commit
    log(instance=certificate, action="certificates.revoke", user=user, data={"reason": reason})
    transaction.on_commit(lambda: enqueue_render(certificate.pk))
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, reason: str, user) -> Certificate:
    """Give a valid or expired certificate a new code and PDF with the holder's current details.

    The old code is kept, so anyone verifying it learns it was replaced rather than "not found".
    Issue and expiry dates stay: re-issuing corrects a document, it does not recertify.
    """
    reason = reason.strip()
    if not reason:
        raise CertificateActionError("Give the reason for re-issuing.")
    certificate = _lock(certificate)
    if certificate.status == Certificate.Status.REVOKED:
        raise CertificateActionError(
            "A revoked certificate cannot be re-issued: that would make it valid again. "
            "If the trainee should requalify, start a new cycle for them."
        )
    now = timezone.now()
    old_code = certificate.code
    RetiredCode.objects.create(
        certificate=certificate, code=old_code, retired_at=now, reason=reason[:300]
    )
    holder = certificate.user
    certificate.code = new_code()
    certificate.holder_name = holder_name(holder)
    certificate.registration_number = holder.registration_number
    certificate.reissued_at = now
    if certificate.pdf:
        _delete_after_commit(certificate.pdf.storage, certificate.pdf.name)
    certificate.pdf = ""
    certificate.pdf_rendered_at = None
    certificate.save()
    credentials_withdraw(certificate=certificate, superseded=True)  # the new one follows the PDF
    log(
        instance=certificate,
        action="certificates.reissue",
        user=user,
        data={"reason": reason, "old_code": old_code, "new_code": certificate.code},
    )
    certificate_email_queue(
        certificate=certificate, kind=CertificateEmail.Kind.REISSUE, requested_by=user
    )
    transaction.on_commit(lambda: enqueue_render(certificate.pk))
    return certificate


def _lock(certificate: Certificate) -> Certificate:
    """Lock the certificate's row until commit, so checks and the writes they guard are atomic.

    The first statement is a write (a no-op UPDATE) rather than SELECT … FOR UPDATE: PostgreSQL
    locks the row either way, and SQLite then takes its write lock at once, so parallel callers
    queue instead of failing with "database is locked" when a read lock cannot be upgraded.
    """
    Certificate.objects.filter(pk=certificate.pk).update(status=F("status"))
    return Certificate.objects.get(pk=certificate.pk)


@transaction.atomic
def certificate_resend(*, certificate: Certificate, user) -> CertificateEmail:
    """Email the certificate again, at the holder's or an instructor's request.

    The count of recent resends and the new row are one step under the certificate's row lock:
    20 parallel requests queue one after another and exactly the limit get through.
    """
    certificate = _lock(certificate)
    if certificate.status == Certificate.Status.REVOKED:
        raise CertificateActionError("A revoked certificate is not sent.")
    recent = CertificateEmail.objects.filter(
        certificate=certificate,
        kind=CertificateEmail.Kind.RESEND,
        status__in=[CertificateEmail.Status.PENDING, CertificateEmail.Status.SENDING],
    )
    if recent.exists():
        raise CertificateActionError("An email with this certificate is already on its way.")
    last_hour = CertificateEmail.objects.filter(
        certificate=certificate,
        kind=CertificateEmail.Kind.RESEND,
        created_at__gte=timezone.now() - timezone.timedelta(hours=1),
    ).count()
    if last_hour >= RESENDS_PER_HOUR:
        raise CertificateActionError(
            f"This certificate has been emailed {last_hour} times in the last hour. "
            "Check your spam folder, or download it from your certificates page."
        )
    email = certificate_email_queue(
        certificate=certificate, kind=CertificateEmail.Kind.RESEND, requested_by=user
    )
    log(instance=certificate, action="certificates.resend", user=user, data={"email": email.pk})
    return email


@transaction.atomic
def certificate_holder_new_cycle(*, certificate: Certificate, reason: str, user):
    """An instructor lets the holder requalify (e.g. after a revocation): a new course cycle."""
    from courses.services import CourseActionError, enrollment_start_cycle

    reason = reason.strip()
    if not reason:
        raise CertificateActionError("Give the reason for starting a new cycle.")
    try:
        enrollment = enrollment_start_cycle(user=certificate.user, course=certificate.course)
    except CourseActionError as error:
        raise CertificateActionError(str(error)) from error
    if enrollment.pk == certificate.enrollment_id:
        raise CertificateActionError("The trainee has not finished this cycle yet.")
    log(
        instance=certificate,
        action="certificates.new_cycle",
        user=user,
        data={"reason": reason, "cycle": enrollment.cycle},
    )
    return enrollment
