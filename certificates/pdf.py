"""Render a certificate to an A4 landscape PDF (WeasyPrint) with a QR code of its verify URL."""

from __future__ import annotations

import base64
import io

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


def certificate_html(certificate, template) -> str:
    url = verify_url(certificate.code)
    return render_to_string(
        "certificates/certificate_pdf.html",
        {
            "certificate": certificate,
            "design": template,
            "verify_url": url,
            "qr": qr_data_uri(url),
            "logo_path": _image_path(template.logo if template else None),
            "signature_path": _image_path(template.signature if template else None),
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
