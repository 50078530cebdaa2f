"""Certificate and transcript PDFs are tagged (PDF/UA-1) with a language and a title."""

import io
import shutil
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.certificates.pdf_tools import render_png

pytestmark = pytest.mark.django_db


def assert_tagged(data: bytes, title_part: str):
    reader = PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])  # a pypdf BooleanObject
    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert title_part in reader.metadata.title
    assert "pdfuaid" in reader.xmp_metadata.rdf_root.toxml()  # declares PDF/UA-1


def test_certificate_pdf_is_tagged_with_language_and_title(issue):
    certificate = issue()
    assert_tagged(certificate.pdf.read(), certificate.holder_name)


def test_transcript_pdf_is_tagged_and_keeps_each_code_on_one_line(client, issue, tmp_path):
    first = issue(title="Dry needling of the lumbar spine: safety, technique and aftercare")
    second = issue(user=first.user, title="Cervical")
    client.force_login(first.user)
    response = client.get(reverse("certificates:transcript_pdf"))
    data = response.content
    assert_tagged(data, "CPD transcript")
    lines = PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()
    for certificate in (first, second):
        assert any(certificate.display_code in line for line in lines), lines
    Path("test-results").mkdir(exist_ok=True)
    shutil.copy(render_png(data, tmp_path), "test-results/transcript.png")
