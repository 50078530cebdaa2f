"""Certificates flagged for review: something a certificate rested on was undone (a practical
skill's sign-off withdrawn), so an instructor must look. A flag never changes the certificate's
standing: the instructor revokes, re-issues or clears the flag, each audited."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as date_format
from wagtail.log_actions import log

from certificates.models import Certificate
from certificates.services import CertificateActionError, _lock


@transaction.atomic
def certificate_review_flag(*, certificate: Certificate, reason: str, user=None) -> Certificate:
    """Flag for review with a reason; a second flag adds its reason below the first."""
    reason = reason.strip()
    certificate = _lock(certificate)
    if certificate.review_flagged_at is None:
        certificate.review_flagged_at = timezone.now()
        certificate.review_reason = reason
    else:
        certificate.review_reason = f"{certificate.review_reason}\n{reason}".strip()
    certificate.save(update_fields=["review_flagged_at", "review_reason"])
    log(instance=certificate, action="certificates.review_flag", user=user, data={"reason": reason})
    return certificate


@transaction.atomic
def certificate_review_clear(*, certificate: Certificate, reason: str, user) -> Certificate:
    """An instructor has looked and the certificate stands: clear the flag, saying why."""
    reason = reason.strip()
    if not reason:
        raise CertificateActionError("Say what you checked: it is kept in the audit history.")
    certificate = _lock(certificate)
    if certificate.review_flagged_at is None:
        raise CertificateActionError("This certificate is not flagged for review.")
    flag = certificate.review_reason
    certificate.review_flagged_at = None
    certificate.review_reason = ""
    certificate.save(update_fields=["review_flagged_at", "review_reason"])
    log(
        instance=certificate,
        action="certificates.review_clear",
        user=user,
        data={"reason": reason, "flag": flag},
    )
    return certificate


def flag_after_signoff_withdrawn(*, request, by) -> Certificate | None:
    """The live certificate of the request's enrollment, flagged if it was issued on the
    withdrawn signature (signed no later than the certificate was issued); None otherwise."""
    certificate = Certificate.objects.filter(
        enrollment_id=request.enrollment_id, status=Certificate.Status.VALID
    ).first()
    if certificate is None:
        return None
    if request.decided_at is not None and request.decided_at > certificate.issued_at:
        return None  # signed after the certificate was issued: it did not rest on it
    who = (by.get_full_name() or by.email) if by is not None else "an instructor"
    reason = (
        f"Sign-off of “{request.skill.title}” withdrawn by {who} on "
        f"{date_format(timezone.localtime(request.withdrawn_at or timezone.now()), 'j M Y')}: "
        f"{request.withdrawal_reason}"
    )
    return certificate_review_flag(certificate=certificate, reason=reason, user=by)
