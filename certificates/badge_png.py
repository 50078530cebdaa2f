"""The badge image with its credential baked in (OB 3.0 "Baked Badge", PNG).

OB 3.0 bakes the VC-JWT into one uncompressed iTXt chunk with the keyword
``openbadgecredential`` (OB 2.0 used ``openbadges``); the chunk must not appear twice. Pillow
draws the picture and writes the chunk; reading walks the chunks itself so that a duplicate, a
bad CRC or a compressed chunk is refused rather than silently picked.
"""

from __future__ import annotations

import io
import struct
import textwrap
import zlib

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

KEYWORD = "openbadgecredential"
SIGNATURE = b"\x89PNG\r\n\x1a\n"
SIZE = 400
NAVY, GOLD, WHITE = (22, 52, 96), (201, 162, 39), (255, 255, 255)


class BakingError(ValueError):
    pass


def _font(size: int, bold: bool = False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size)


def badge_image(*, title: str, issuer: str) -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))  # transparent corners
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=NAVY, outline=GOLD, width=10)
    draw.text((SIZE / 2, 92), issuer[:40], font=_font(18, bold=True), fill=GOLD, anchor="mm")
    lines = textwrap.wrap(title, width=20)[:4] or ["Course"]
    top = SIZE / 2 - (len(lines) - 1) * 15
    for number, line in enumerate(lines):
        draw.text(
            (SIZE / 2, top + number * 30), line, font=_font(24, True), fill=WHITE, anchor="mm"
        )
    draw.text((SIZE / 2, 318), "Verifiable credential", font=_font(16), fill=GOLD, anchor="mm")
    return image


def bake(image: Image.Image, token: str) -> bytes:
    info = PngInfo()
    info.add_itxt(KEYWORD, token, zip=False)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info, optimize=False)
    return out.getvalue()


def baked_badge(*, title: str, issuer: str, token: str) -> bytes:
    return bake(badge_image(title=title, issuer=issuer), token)


def extract(png: bytes) -> str:
    """The credential text in the one ``openbadgecredential`` iTXt chunk."""
    if not png.startswith(SIGNATURE):
        raise BakingError("the file is not a PNG image")
    found: list[str] = []
    offset = len(SIGNATURE)
    while offset + 12 <= len(png):
        length, kind = struct.unpack(">I4s", png[offset : offset + 8])
        data = png[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", png[offset + 8 + length : offset + 12 + length] or b"\0" * 4)
        if len(data) != length or zlib.crc32(kind + data) != crc:
            raise BakingError("the PNG is damaged (a chunk's checksum does not match)")
        if kind == b"iTXt":
            text = _itxt(data)
            if text is not None:
                found.append(text)
        if kind == b"IEND":
            break
        offset += 12 + length
    if not found:
        raise BakingError("the PNG has no baked Open Badges 3.0 credential")
    if len(found) > 1:
        raise BakingError("the PNG has more than one baked credential")
    return found[0]


def _itxt(data: bytes) -> str | None:
    keyword, _, rest = data.partition(b"\0")
    if keyword.decode("latin-1") != KEYWORD:
        return None
    if len(rest) < 2 or rest[0] != 0:
        raise BakingError("the baked credential is compressed, which OB 3.0 forbids")
    _language, _, rest = rest[2:].partition(b"\0")
    _translated, _, text = rest.partition(b"\0")
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BakingError("the baked credential is not UTF-8 text") from error
