"""Look at a certificate PDF the way a person would: render it to PNG and read its QR code."""

import subprocess
from pathlib import Path


def render_png(pdf: bytes, folder: Path) -> Path:
    """The first page at 150 dpi, via poppler's pdftoppm."""
    path = folder / "certificate.pdf"
    path.write_bytes(pdf)
    subprocess.run(  # noqa: S603 - a fixed tool on a temp file
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(path), str(folder / "page")],  # noqa: S607
        check=True,
    )  # fmt: skip
    return next(folder.glob("page*.png"))


def decode_qr(pdf: bytes, folder: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    png = render_png(pdf, folder)
    return [result.text for result in zxingcpp.read_barcodes(Image.open(png))]
