"""Reading Moodle XML text fields: formats, rich and plain text, alt texts and tags, and the
feedback kinds the engine has no place for (reported as notes)."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from quizzes.importers.text import to_plain, to_rich_text

TEXT_FORMATS = {"html": "html", "moodle_auto_format": "moodle", "plain_text": "plain"}
TEXT_FORMATS |= {"markdown": "markdown"}
PLUGINFILE_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def field_text(element: Element, path: str) -> str:
    found = element.find(f"{path}/text") if path else element.find("text")
    return (found.text or "") if found is not None else ""


def format_of(element: Element | None, default: str = "moodle") -> str:
    """Moodle's importer reads a missing format attribute as moodle_auto_format."""
    if element is None:
        return default
    return TEXT_FORMATS.get(element.get("format", ""), default)


def rich(element: Element, path: str, question_format: str = "html") -> str:
    child = element.find(path)
    if child is None:
        return ""
    return to_rich_text(field_text(child, ""), format_of(child, question_format))


def plain(element: Element | None, path: str, default_format: str = "html") -> str:
    if element is None:
        return ""
    child = element.find(path) if path else element
    if child is None:
        return ""
    return to_plain(field_text(child, ""), format_of(child, default_format))


COMBINED_FEEDBACK = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")


def unkept_feedback(element: Element) -> list[str]:
    """Moodle's combined feedback and hints have no place in the engine: say so."""
    notes = []
    if any(plain(element.find(tag), "") for tag in COMBINED_FEEDBACK):
        notes.append(
            "The combined feedback (correct / partially correct / incorrect) was not kept."
        )
    if any(plain(hint, "") for hint in element.findall("hint")):
        notes.append("Hints for multiple tries were not kept.")
    return notes


def alt_for(html_text: str, file_name: str) -> str:
    """The alt text of the <img> that shows this embedded file."""
    for tag in PLUGINFILE_IMG.findall(html_text):
        if f"@@PLUGINFILE@@/{file_name}" in unquote(tag):
            alt = re.search(r"""\balt\s*=\s*["']([^"']*)["']""", tag, re.IGNORECASE)
            return " ".join(html.unescape(alt.group(1)).split())[:300] if alt else ""
    return ""


def tag_names(element: Element) -> list[str]:
    texts = element.iterfind("tags/tag/text")
    names = (" ".join((text.text or "").split())[:100] for text in texts)
    return list(dict.fromkeys(name for name in names if name))
