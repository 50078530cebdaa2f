"""Files under assets/: images are checked to be images (Pillow, SVG through the sanitiser),
documents must have an allowed extension; created in Wagtail's collections on import."""

from __future__ import annotations

import hashlib
import io
import warnings
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePosixPath

from django.core.files import File
from PIL import Image as PillowImage

from home.svg import UnsafeSvg, svg_sanitize
from packages.problems import Problem

IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
DOCUMENT_EXTENSIONS = {".pdf", ".txt", ".docx", ".odt", ".xlsx", ".csv", ".pptx"}
MAX_PIXELS = 40_000_000
_stored: ContextVar[list | None] = ContextVar("package_files_stored", default=None)


@contextmanager
def files_removed_on_failure():
    """Files stored inside the block are deleted again if it raises: a rolled-back import takes
    its Image and Document rows with it, but storage is not transactional."""
    token = _stored.set([])
    try:
        yield
    except BaseException:
        for storage, name in _stored.get():
            storage.delete(name)
        raise
    finally:
        _stored.reset(token)


def _remember(field_file) -> None:
    stored = _stored.get()
    if stored is not None:
        stored.append((field_file.storage, field_file.name))


def asset_kind(name: str) -> str | None:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in IMAGE_EXTENSIONS:
        return "image"
    if suffix in DOCUMENT_EXTENSIONS:
        return "document"
    return None


def assets_check(files: dict[str, bytes]) -> tuple[dict[str, bytes], list[Problem]]:
    """Every file under assets/, verified; SVGs come back sanitised."""
    checked, problems = {}, []
    for name, data in files.items():
        if not name.startswith("assets/"):
            continue
        kind = asset_kind(name)
        if kind is None:
            problems.append(
                Problem(
                    name,
                    None,
                    "assets may be images (png, jpg, gif, webp, svg) "
                    "or documents (pdf, txt, docx, odt, xlsx, csv, pptx)",
                )
            )
        elif kind == "image":
            try:
                checked[name] = _image_check(name, data)
            except ValueError as error:
                problems.append(Problem(name, None, str(error)))
        else:
            checked[name] = data
    return checked, problems


def _image_check(name: str, data: bytes) -> bytes:
    if name.lower().endswith(".svg"):
        try:
            return svg_sanitize(data)
        except UnsafeSvg as error:
            raise ValueError(str(error)) from error
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
            with PillowImage.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise ValueError("the image has too many pixels")
                image.verify()
    except ValueError:
        raise
    except Exception as error:  # noqa: BLE001 - Pillow raises many kinds for a non-image
        raise ValueError("this file is not an image that can be read") from error
    return data


def asset_title(name: str) -> str:
    """The title an imported file gets: its name without extension (export names files by it)."""
    return PurePosixPath(name).stem


def _base(name: str) -> str:
    return PurePosixPath(name).name


def image_from_asset(name: str, data: bytes, title: str | None = None):
    """The existing image with the same file contents, or a new one (re-imports reuse files)."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file_hash is SHA-1
    existing = Image.objects.filter(file_hash=digest).order_by("pk").first()
    if existing is not None:
        return existing
    # Assigning the file (not file.save) lets the image field read width and height.
    image = Image(title=title or asset_title(name), file=File(io.BytesIO(data), name=_base(name)))
    image._set_image_file_metadata()  # size and hash, as the upload form does
    image.save()
    _remember(image.file)
    return image


def document_from_asset(name: str, data: bytes):
    from wagtail.documents import get_document_model

    Document = get_document_model()
    digest = hashlib.sha1(data).hexdigest()  # noqa: S324
    existing = Document.objects.filter(file_hash=digest).order_by("pk").first()
    if existing is not None:
        return existing
    document = Document(title=asset_title(name), file=File(io.BytesIO(data), name=_base(name)))
    document._set_document_file_metadata()
    document.save()
    _remember(document.file)
    return document
