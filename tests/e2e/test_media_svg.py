"""In Chromium: a script inside an uploaded SVG does not run; the demo diagram still renders."""

import uuid
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.e2e

LEGACY_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" onload="alert('onload')">
<script>alert(document.domain)</script><rect width="10" height="10" fill="red"/></svg>"""


@pytest.fixture(autouse=True)
def site_serves_media(monkeypatch):
    """Django's live server answers /media/ itself, without our headers: let the site answer."""
    monkeypatch.setattr(
        "django.test.testcases._MediaFilesHandler._should_handle", lambda self, path: False
    )


@pytest.fixture
def legacy_svg():
    """An SVG stored before uploads were cleaned (written straight to the media folder)."""
    folder = Path(settings.MEDIA_ROOT) / "original_images"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"legacy-{uuid.uuid4().hex}.svg"
    path.write_bytes(LEGACY_SVG)
    yield path
    path.unlink(missing_ok=True)


def test_script_in_an_svg_opened_directly_does_not_run(page, demo_site, legacy_svg):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(f"{demo_site}/media/original_images/{legacy_svg.name}")
    assert response.status == 200
    assert "sandbox" in response.headers["content-security-policy"]
    page.wait_for_timeout(300)
    assert dialogs == []


def test_the_demo_diagram_renders_from_media(page, demo_site, screenshot):
    from wagtail.images.models import Image

    image = Image.objects.get(title="lower-back-posterior-view")  # demo/course/assets
    page.goto(demo_site + "/")
    size = page.evaluate(
        """url => new Promise((resolve, reject) => {
            const img = document.createElement("img");
            img.id = "diagram"; img.width = 300;
            img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
            img.onerror = () => reject(new Error("the diagram did not load"));
            img.src = url;
            document.querySelector("main").prepend(img);
        })""",
        image.file.url,
    )
    assert size == [600, 800]
    screenshot("media-demo-diagram")
