"""The trainee's practical logbook for one course as a tagged PDF (PDF/UA-1, like the
certificate and the transcript): what a regulator or an employer reads."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from practice.selectors import course_logbook


def logbook_context(*, enrollment) -> dict:
    user = enrollment.user
    rows = course_logbook(enrollment=enrollment)
    return {
        "enrollment": enrollment,
        "course": enrollment.course,
        "trainee": {
            "name": user.get_full_name() or user.email,
            "registration_number": getattr(user, "registration_number", ""),
            "profession": user.get_profession_display() if getattr(user, "profession", "") else "",
        },
        "rows": rows,
        "signed": sum(1 for row in rows if row["state"].code == "signed"),
        "generated_at": timezone.now(),
        "site_url": settings.SITE_URL,
    }


def logbook_html(*, enrollment) -> str:
    return render_to_string("practice/logbook_pdf.html", logbook_context(enrollment=enrollment))


def logbook_pdf_bytes(*, enrollment) -> bytes:
    html = logbook_html(enrollment=enrollment)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")
