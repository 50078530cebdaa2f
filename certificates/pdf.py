"""Render a certificate to an A4 landscape PDF (WeasyPrint) with a QR code of its verify URL.

When the course has practical skills, the certificate says the holder was assessed in theory and
in supervised practice, and lists the skills signed off in the certificate's enrollment (who
signed, when); a course without them keeps the wording of online assessments only. The wording
follows the signed sign-offs themselves, so it never claims a practical assessment that is not
on record.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import datetime

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML


def verify_url(code: str) -> str:
    return settings.SITE_URL + reverse("certificates:verify", args=[code])


def qr_data_uri(url: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=1, dark="#0b2b33")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


THEORY_ONLY = "Assessed by online theory, safety and contraindications assessments."
THEORY_AND_PRACTICE = (
    "Assessed by online theory, safety and contraindications assessments and by supervised "
    "practical assessment: each practical skill below was practised under supervision and "
    "signed off."
)


@dataclass(frozen=True)
class SignedSkill:
    title: str
    signed_by: str
    signed_at: datetime | None


def signed_skills(certificate) -> list[SignedSkill]:
    """The skills signed off in the certificate's enrollment, in course order (one query)."""
    from practice.models import SignOffRequest

    if not certificate.enrollment_id:
        return []
    requests = (
        SignOffRequest.objects.filter(
            enrollment_id=certificate.enrollment_id, status=SignOffRequest.Status.SIGNED
        )
        .select_related("skill", "decided_by")
        .order_by("skill__path", "decided_at")
    )
    return [
        SignedSkill(
            title=request.skill.title,
            signed_by=_signer(request),
            signed_at=request.decided_at,
        )
        for request in requests
    ]


def _signer(request) -> str:
    if request.decided_by_id:
        return request.signer_name
    registration = request.external_signer_registration
    name = f"{request.external_signer_name} (external supervisor"
    return name + (f", registration {registration})" if registration else ")")


def certificate_html(certificate, template) -> str:
    url = verify_url(certificate.code)
    # The wording follows what was assessed: a course with required skills cannot be completed
    # without them; one whose only sign-off was withdrawn says theory only (and is flagged).
    skills = signed_skills(certificate)
    return render_to_string(
        "certificates/certificate_pdf.html",
        {
            "certificate": certificate,
            "design": template,
            "verify_url": url,
            "qr": qr_data_uri(url),
            "logo_path": _image_path(template.logo if template else None),
            "signature_path": _image_path(template.signature if template else None),
            "assessment": THEORY_AND_PRACTICE if skills else THEORY_ONLY,
            "skills": skills,
        },
    )


def _image_path(image) -> str | None:
    if image is None:
        return None
    try:
        return image.file.path and "file://" + image.file.path
    except NotImplementedError:  # remote storage: let WeasyPrint fetch the URL
        return image.file.url


def render_pdf(html: str) -> bytes:
    """Tagged PDF/UA-1: structure for screen readers, the page's lang and its <title> as title."""
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")
