"""Reads: verification by code, the trainee's certificates page and their CPD transcript."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone

from certificates.lifecycle import can_recertify
from certificates.models import Certificate, CertificateEmail, CertificateTemplate, RetiredCode
from certificates.pdf import render_pdf
from courses.models import Enrollment


@dataclass(frozen=True)
class Verification:
    certificate: Certificate
    status: str  # valid, expired, revoked or replaced
    retired: RetiredCode | None = None
    design: CertificateTemplate | None = None


def certificate_for_code(code: str) -> Verification | None:
    """Current codes verify as the certificate's standing; a retired code says it was replaced."""
    certificate = Certificate.objects.select_related("course").filter(code=code).first()
    retired = None
    if certificate is None:
        retired = RetiredCode.objects.select_related("certificate").filter(code=code).first()
        if retired is None:
            return None
        certificate = retired.certificate
    design = CertificateTemplate.objects.filter(course_id=certificate.course_id).first()
    status = "replaced" if retired else certificate.standing(timezone.now())
    return Verification(certificate=certificate, status=status, retired=retired, design=design)


@dataclass(frozen=True)
class CertificateRow:
    certificate: Certificate
    standing: str
    preparing: bool
    email_status: str | None
    can_recertify: bool
    recertifying: bool  # a newer cycle of this course is under way


def my_certificate_rows(*, user) -> list[CertificateRow]:
    """The trainee's certificates, newest first, in three queries whatever their number."""
    now = timezone.now()
    certificates = list(
        Certificate.objects.filter(user=user).select_related("enrollment").order_by("-issued_at")
    )
    latest_cycle = dict(
        Enrollment.objects.filter(user=user)
        .values_list("course_id")
        .annotate(latest=Max("cycle"))
        .values_list("course_id", "latest")
    )
    delivery = dict(
        CertificateEmail.objects.filter(
            certificate__in=certificates, kind=CertificateEmail.Kind.DELIVERY
        ).values_list("certificate_id", "status")
    )
    return [
        CertificateRow(
            certificate=certificate,
            standing=certificate.standing(now),
            preparing=not certificate.pdf,
            email_status=delivery.get(certificate.pk),
            can_recertify=can_recertify(
                certificate, now=now, latest_cycle=latest_cycle.get(certificate.course_id)
            ),
            recertifying=certificate.enrollment.cycle < latest_cycle.get(certificate.course_id, 0),
        )
        for certificate in certificates
    ]


@dataclass(frozen=True)
class TranscriptLine:
    certificate: Certificate
    standing: str
    accrediting_body: str
    provider_number: str


@dataclass(frozen=True)
class Transcript:
    holder_name: str
    registration_number: str
    email: str
    generated_at: object
    lines: list[TranscriptLine]

    @property
    def total_hours(self) -> Decimal:
        """Revoked certificates earn no CPD; expired ones did when they were current."""
        return sum(
            (line.certificate.cpd_hours for line in self.lines if line.standing != "revoked"),
            Decimal(0),
        )


def transcript(*, user) -> Transcript:
    now = timezone.now()
    certificates = list(Certificate.objects.filter(user=user).order_by("issued_at"))
    designs = {
        design.course_id: design
        for design in CertificateTemplate.objects.filter(
            course_id__in={certificate.course_id for certificate in certificates}
        )
    }
    lines = []
    for certificate in certificates:
        design = designs.get(certificate.course_id)
        lines.append(
            TranscriptLine(
                certificate=certificate,
                standing=certificate.standing(now),
                accrediting_body=design.accrediting_body if design else "",
                provider_number=design.provider_number if design else "",
            )
        )
    return Transcript(
        holder_name=user.get_full_name(),
        registration_number=user.registration_number,
        email=user.email,
        generated_at=now,
        lines=lines,
    )


def transcript_csv(data: Transcript) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "Course",
            "Certificate code",
            "Issued",
            "Expires",
            "Standing",
            "CPD hours",
            "Accrediting body",
            "Provider number",
        ]
    )
    for line in data.lines:
        certificate = line.certificate
        writer.writerow(
            [
                csv_safe(certificate.course_title),
                certificate.display_code,
                timezone.localtime(certificate.issued_at).date().isoformat(),
                timezone.localtime(certificate.expires_at).date().isoformat(),
                line.standing,
                f"{certificate.cpd_hours:.1f}",
                csv_safe(line.accrediting_body),
                csv_safe(line.provider_number),
            ]
        )
    writer.writerow(
        ["Total CPD hours (excluding revoked)", "", "", "", "", f"{data.total_hours:.1f}"]
    )
    return buffer.getvalue()


FORMULA_STARTS = frozenset("=+-@")


def csv_safe(value) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; quote them as text.

    They skip leading whitespace and line breaks first, and read fullwidth signs (＝ ＋ － ＠) as
    the ASCII ones, so both count as a formula start too.
    """
    value = "" if value is None else str(value)
    if value[:1] in ("\t", "\r", "\n"):
        return "'" + value
    first = unicodedata.normalize("NFKC", value.lstrip()[:1])
    return "'" + value if first[:1] in FORMULA_STARTS else value


def transcript_pdf(data: Transcript) -> bytes:
    return render_pdf(
        render_to_string(
            "certificates/transcript_pdf.html",
            {"transcript": data, "site_url": settings.SITE_URL},
        )
    )
