"""What happens to certificates over time: the sweep, expiry reminders and recertification."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from certificates.emails import REMINDER_DAYS, certificate_emails_due, enqueue_send
from certificates.models import Certificate, CertificateEmail
from certificates.services import CertificateActionError, certificate_issue, certificate_render
from courses.models import Enrollment
from courses.services import CourseActionError, enrollment_start_cycle

logger = logging.getLogger(__name__)
RECERTIFY_WINDOW = timedelta(days=max(REMINDER_DAYS.values()))
GRACE = timedelta(minutes=2)  # leave fresh work to the tasks queued on commit


@dataclass(frozen=True)
class SweepResult:
    issued: int
    rendered: int
    emails_queued: int


def certificates_sweep(*, now=None) -> SweepResult:
    """Finish whatever a lost task left: completions, PDFs and emails. Safe to run any time."""
    now = now or timezone.now()
    without_certificate = Enrollment.objects.filter(
        completed_at__lt=now - GRACE, certificate__isnull=True
    ).select_related("course", "user")
    issued = rendered = 0
    for enrollment in without_certificate[:500]:
        with _one_item("issue a certificate for enrollment", enrollment.pk):
            issued += certificate_issue(enrollment=enrollment)[1]
    for certificate in Certificate.objects.filter(pdf="", issued_at__lt=now - GRACE)[:500]:
        with _one_item("render certificate", certificate.pk):
            certificate_render(certificate=certificate)
            rendered += 1
    due = certificate_emails_due(now=now)
    for email_id in due:
        enqueue_send(email_id, retry=False)
    return SweepResult(issued=issued, rendered=rendered, emails_queued=len(due))


@contextmanager
def _one_item(what: str, pk: int):
    """One bad row must not stop the sweep from finishing everybody else's certificate."""
    try:
        yield
    except Exception:
        logger.exception("Sweep could not %s %s; will try again next run", what, pk)


def reminder_due(certificate: Certificate, now) -> str | None:
    """The reminder to send now: the most urgent window reached, unless it or a later one went.

    If beat was down when the 60-day window opened and we are now at 25 days, the trainee gets
    the 30-day reminder only, not a burst of two.
    """
    days_left = (certificate.expires_at - now) / timedelta(days=1)
    if days_left <= 0:
        return None
    reached = [kind for kind, days in REMINDER_DAYS.items() if days_left <= days]
    if not reached:
        return None
    most_urgent = min(reached, key=REMINDER_DAYS.get)
    if any(email.kind == most_urgent for email in certificate.emails.all()):
        return None
    return most_urgent


def expiry_reminders_queue(*, now=None) -> int:
    """Beat: queue the reminders now due. Idempotent: each kind exists once per certificate."""
    now = now or timezone.now()
    renewed = Certificate.objects.filter(
        user=OuterRef("user"),
        course=OuterRef("course"),
        issued_at__gt=OuterRef("issued_at"),
        status=Certificate.Status.VALID,
    )
    candidates = (
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            expires_at__gt=now,
            expires_at__lte=now + RECERTIFY_WINDOW,
        )
        .exclude(Exists(renewed))
        .prefetch_related("emails")
    )
    queued = 0
    for certificate in candidates:
        kind = reminder_due(certificate, now)
        if kind is None:
            continue
        try:
            with transaction.atomic():
                email = CertificateEmail.objects.create(certificate=certificate, kind=kind)
        except IntegrityError:  # another beat run queued it first
            continue
        transaction.on_commit(lambda email_id=email.pk: enqueue_send(email_id))
        queued += 1
    return queued


def can_recertify(certificate: Certificate, *, now, latest_cycle: int) -> bool:
    """Offer a new cycle from 60 days before expiry, for the latest cycle's certificate only."""
    return (
        certificate.status == Certificate.Status.VALID
        and certificate.enrollment.cycle == latest_cycle
        and certificate.expires_at - now <= RECERTIFY_WINDOW
    )


@transaction.atomic
def recertification_start(*, user, certificate: Certificate) -> Enrollment:
    """The trainee starts the next cycle of the course their certificate is for."""
    if certificate.user_id != user.pk:
        raise CertificateActionError("This is not your certificate.")
    latest_cycle = Enrollment.objects.current(user=user, course=certificate.course).cycle
    if certificate.enrollment.cycle != latest_cycle:
        raise CertificateActionError("You have already started recertifying for this course.")
    if not can_recertify(certificate, now=timezone.now(), latest_cycle=latest_cycle):
        if certificate.status == Certificate.Status.REVOKED:
            raise CertificateActionError(
                "This certificate was revoked. Contact your course provider about recertifying."
            )
        opens = timezone.localtime(certificate.expires_at - RECERTIFY_WINDOW)
        raise CertificateActionError(f"Recertification opens on {opens:%-d %B %Y}.")
    try:
        return enrollment_start_cycle(user=user, course=certificate.course)
    except CourseActionError as error:
        raise CertificateActionError(str(error)) from error
