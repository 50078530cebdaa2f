"""Embedded images: decoded and proven to be real, modest images before anything is stored."""

from __future__ import annotations

import base64
import binascii
import re
import warnings
from io import BytesIO

from PIL import Image

from quizzes.importers.model import (
    MAX_IMAGE_BYTES,
    MAX_IMAGE_PIXELS,
    ParsedImage,
    QuestionProblem,
    Unsupported,
)

FORMAT_EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}


def image_from_base64(name: str, encoded: str, location: str) -> ParsedImage:
    raw = re.sub(r"\s+", "", encoded or "")
    if len(raw) * 3 // 4 > MAX_IMAGE_BYTES:
        raise QuestionProblem(
            f"The image '{name}' is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB.", location
        )
    try:
        data = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise QuestionProblem(f"The image '{name}' is not valid base64.", location) from None
    return image_check(name, data, location)


def image_check(name: str, data: bytes, location: str) -> ParsedImage:
    """Pillow must recognise it as PNG, JPEG, GIF or WebP, within the pixel budget, and verify().

    Pillow raises many exception types on hostile input; any of them means "not an image".
    SVG is a real image the engine does not take (it can carry scripts): skipped, not refused.
    """
    if name.lower().endswith(".svg") or data.lstrip()[:5].lower() in (b"<svg ", b"<?xml"):
        raise Unsupported(
            f"The image '{name}' is SVG, which the engine does not take: use PNG, JPEG, GIF or "
            "WebP.",
            location,
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as image:
                image_format, (width, height) = image.format, image.size
                if image_format not in FORMAT_EXTENSIONS:
                    raise Unsupported(
                        f"The image '{name}' is {image_format}; use PNG, JPEG, GIF or WebP.",
                        location,
                    )
                if width * height > MAX_IMAGE_PIXELS:
                    raise QuestionProblem(
                        f"The image '{name}' is {width}×{height} pixels, too large.", location
                    )
                image.verify()
    except QuestionProblem:
        raise
    except Exception as error:  # noqa: BLE001 - see docstring
        raise QuestionProblem(
            f"The file '{name}' is not an image we can read ({type(error).__name__}).", location
        ) from None
    stem = re.sub(r"[^A-Za-z0-9_-]", "_", name.rsplit("/", 1)[-1].rsplit(".", 1)[0])[:80]
    filename = f"{stem or 'image'}.{FORMAT_EXTENSIONS[image_format]}"
    return ParsedImage(filename=filename, data=data, width=width, height=height)
