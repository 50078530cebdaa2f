"""Uploaded SVGs cannot carry active content, and /media/ is served so that nothing in it runs."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.models import Image

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DEMO_SVG = (
    Path(__file__).resolve().parents[2]
    / "demo"
    / "course"
    / "assets"
    / "lower-back-posterior-view.svg"
)

HOSTILE_SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 100 100" onload="alert('onload')">
  <script>alert(document.cookie)</script>
  <script xlink:href="https://evil.example/x.js"/>
  <foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml">
    <iframe src="javascript:alert(1)"></iframe></body></foreignObject>
  <a href="javascript:alert('a')"><rect id="keep-me" x="1" y="1" width="10" height="10"
     fill="#123456" onclick="alert('click')"/></a>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <use href="#keep-me" x="20"/>
  <image href="https://evil.example/track.png" width="5" height="5"/>
  <set attributeName="href" to="javascript:alert('set')"/>
  <animate attributeName="onload" values="alert(1)"/>
  <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
  <circle cx="50" cy="50" r="5" style="fill: url(https://evil.example/p.svg#g)"
          filter="url(https://evil.example/f.svg#f)"/>
  <text x="5" y="90">Label</text>
</svg>
"""

FORBIDDEN = [
    b"<script",
    b"onload",
    b"onclick",
    b"foreignObject",
    b"javascript:",
    b"evil.example",
    b"@import",
    b"<set",
    b"<animate",
    b"<iframe",
]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def instructor(db):
    from courses.roles import instructors_group_ensure

    user = UserFactory(email="teach@example.org")
    user.groups.add(instructors_group_ensure())
    return user


def assert_clean(data: bytes):
    for needle in FORBIDDEN:
        assert needle not in data, needle


def test_instructor_svg_upload_is_stored_without_active_content(client, instructor, media_root):
    client.force_login(instructor)
    response = client.post(
        "/admin/images/add/",
        {"title": "Hostile", "file": SimpleUploadedFile("x.svg", HOSTILE_SVG, "image/svg+xml")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get(title="Hostile")
    data = Path(image.file.path).read_bytes()
    assert_clean(data)
    # What is harmless stays: shapes, text, and a reference inside the document.
    for kept in (b'id="keep-me"', b'fill="#123456"', b"<circle", b"Label", b'href="#keep-me"'):
        assert kept in data, kept
    assert image.file_size == len(data)


def test_svg_through_the_multiple_upload_is_cleaned_too(client, instructor, media_root):
    client.force_login(instructor)
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("y.svg", HOSTILE_SVG, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True, response.json()
    (image,) = Image.objects.all()
    assert_clean(Path(image.file.path).read_bytes())


def test_svg_saved_in_code_is_cleaned(media_root):
    image = Image(title="From code", file=SimpleUploadedFile("z.svg", HOSTILE_SVG))
    image.save()
    assert_clean(Path(image.file.path).read_bytes())


@pytest.mark.parametrize(
    "payload",
    [
        b"<svg xmlns='http://www.w3.org/2000/svg'><rect",  # not XML
        b"<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;'>]>"
        b"<svg xmlns='http://www.w3.org/2000/svg'><text>&b;</text></svg>",  # entities
        b"<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>",
    ],
)
def test_svg_that_cannot_be_cleaned_is_refused_with_a_message(
    client, instructor, media_root, payload
):
    client.force_login(instructor)
    response = client.post(
        "/admin/images/add/",
        {"title": "Bad", "file": SimpleUploadedFile("bad.svg", payload, "image/svg+xml")},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Upload a valid image" in html or "This file is not an SVG image" in html
    assert not Image.objects.filter(title="Bad").exists()


def test_the_demo_diagram_survives_cleaning_unchanged():
    from defusedxml import ElementTree

    from home.svg import svg_sanitize

    original = DEMO_SVG.read_bytes()
    cleaned = svg_sanitize(original)

    def shape(data):
        return [
            (el.tag, sorted(el.attrib.items()), el.text)
            for el in ElementTree.fromstring(data).iter()
        ]

    assert shape(cleaned) == shape(original)


def test_media_is_served_with_headers_that_stop_active_content(client, media_root):
    (media_root / "original_images").mkdir()
    (media_root / "original_images" / "old.svg").write_bytes(HOSTILE_SVG)  # uploaded before the fix
    (media_root / "images").mkdir()
    (media_root / "images" / "odd.html").write_bytes(b"<script>alert(1)</script>")

    response = client.get("/media/original_images/old.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "sandbox" in csp
    assert "script-src" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" not in response.get("Content-Disposition", "")

    response = client.get("/media/images/odd.html")  # not an image: downloaded, never shown
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]


def test_only_image_folders_are_public_and_documents_go_through_their_view(client, media_root):
    from wagtail.documents.models import Document

    (media_root / "certificates").mkdir()
    (media_root / "certificates" / "ABC.pdf").write_bytes(b"%PDF-1.4")
    assert client.get("/media/certificates/ABC.pdf").status_code == 404
    document = Document.objects.create(
        title="Notes", file=SimpleUploadedFile("notes.txt", b"<script>alert(1)</script>")
    )
    assert client.get(f"/media/{document.file.name}").status_code == 404
    response = client.get(document.url)
    assert response.status_code == 200
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_media_view_does_not_leave_the_media_root(client, media_root):
    for path in ("/media/../config/settings/base.py", "/media/images/../../manage.py", "/media/"):
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert b"SECRET_KEY" not in response.content
