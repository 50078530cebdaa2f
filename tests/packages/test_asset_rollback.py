"""Assets and the all-or-nothing import: a failed import leaves media as it was; the same file
imported again (update, or another course) reuses the stored image instead of copying it."""

import io
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from packages.problems import PackageInvalid
from packages.services import package_import
from tests.factories import site_home
from tests.packages.package_builder import LESSON, write_package

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def course_index():
    from courses.models import CourseIndexPage
    from tests.factories import CourseIndexPageFactory

    return CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=site_home())


def _png() -> bytes:
    """A PNG no other test stores (a random colour), so its hash is new to the site."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 3), tuple(uuid.uuid4().bytes[:3])).save(buffer, "PNG")
    return buffer.getvalue()


def _package(root: Path, stem: str, png: bytes, extra: str = "") -> Path:
    lesson = LESSON.format(n=1) + (
        f"\n::: image assets/{stem}.png\nalt: A figure\n:::\n\n"
        f"::: document assets/{stem}.pdf\ntitle: Handout\n:::\n{extra}"
    )
    files = {
        "lessons__01-lesson.md": lesson,
        f"assets__{stem}.png": png,
        f"assets__{stem}.pdf": f"%PDF-1.4\n% {stem}\n".encode(),
    }
    return write_package(root, **files)


def _media_files(stem: str) -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob(f"*{stem}*") if p.is_file())


def _rows():
    return get_image_model().objects.count(), get_document_model().objects.count()


@pytest.mark.parametrize("failure", [ValidationError("the database says no"), RuntimeError("x")])
def test_an_import_failing_after_its_files_are_stored_leaves_media_as_it_was(
    tmp_path, monkeypatch, failure
):
    stem = f"orphan-{uuid.uuid4().hex[:12]}"
    rows = _rows()

    def late_failure(self, course):  # the last write, after pages, bank and assets
        assert _media_files(stem), "the files were stored before the failure"
        raise failure

    monkeypatch.setattr("packages.writer._Walk._certificate", late_failure)
    with pytest.raises((PackageInvalid, RuntimeError)):
        package_import(source=_package(tmp_path / "p", stem, _png()))
    assert _media_files(stem) == []
    assert _rows() == rows


def test_the_same_image_and_document_are_stored_once(tmp_path):
    stem = f"reused-{uuid.uuid4().hex[:12]}"
    png = _png()
    package_import(source=_package(tmp_path / "one", stem, png))
    rows, files = _rows(), _media_files(stem)
    assert len(files) == 2  # the original image and the document
    # The same package again, then a changed lesson around the same files: no copies.
    package_import(source=_package(tmp_path / "two", stem, png), update=True)
    result = package_import(
        source=_package(tmp_path / "three", stem, png, "\nA new paragraph.\n"), update=True
    )
    assert any(line.startswith("update lesson") for line in result.actions)
    assert (_rows(), _media_files(stem)) == (rows, files)
