"""Moodle XML snippets for tests, shaped like Moodle's own export."""

import base64
from io import BytesIO

from PIL import Image


def png_base64(width=40, height=30) -> str:
    buffer = BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def quiz(*questions: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n"
    ).encode()


def question(qtype: str, inner: str, name="Q", text="<p>Question?</p>", extra_text="") -> str:
    return (
        f'<question type="{qtype}"><name><text>{name}</text></name>'
        f'<questiontext format="html"><text><![CDATA[{text}]]></text>{extra_text}</questiontext>'
        f"<defaultgrade>1.0000000</defaultgrade>{inner}</question>"
    )


def answer(fraction, text, feedback="", fmt="html") -> str:
    return (
        f'<answer fraction="{fraction}" format="{fmt}"><text>{text}</text>'
        f'<feedback format="html"><text>{feedback}</text></feedback></answer>'
    )
