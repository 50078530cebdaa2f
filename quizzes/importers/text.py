"""Text from other systems into the engine's safe rich text, and back out as plain text."""

from __future__ import annotations

import html
import re

import nh3
from markdown_it import MarkdownIt

from quizzes.importers.model import QuestionProblem
from quizzes.importers.rich_html import lost_media, reshape

# Exactly what the stem's rich-text features (quizzes.models.bank.STEM_FEATURES) can hold.
RICH_TAGS = {"p", "br", "b", "strong", "i", "em", "ol", "ul", "li", "sup", "sub"}
BLOCK_TAGS = {"div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr"}
BLOCK_TAGS |= {"thead", "tbody", "tfoot", "td", "th"}  # reshaped into paragraphs (rich_html)
TEXT_FORMATS = ("moodle", "html", "plain", "markdown")
# markdown-it-py (CommonMark) stays fast on pathological input (64 KB of "[" in well under a
# second), where Python-Markdown took minutes.
MARKDOWN = MarkdownIt("commonmark", {"html": True})
# HTML parsers slow down sharply on deep nesting (200,000 nested <div>s take minutes), so a
# question's text is bounded long before that: far beyond any real question.
MAX_TEXT_CHARS = 64 * 1024
MAX_TAGS = 2_000


def check_text_size(text: str, what: str = "The question text") -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise QuestionProblem(
            f"{what} is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}."
        )
    if text.count("<") > MAX_TAGS:
        raise QuestionProblem(f"{what} has more than {MAX_TAGS:,} HTML tags.")


def sanitise_html(text: str) -> str:
    """Keep only what the rich-text editor allows: no scripts, no attributes, no links.

    nh3 (ammonia) drops script/style with their content and every attribute (on*, style, src);
    rich_html.reshape then flattens blocks into paragraphs and lists that never nest, in Wagtail's
    own database spelling (<b>, <i>) so the editor shows them unchanged.
    """
    cleaned = nh3.clean(
        text, tags=RICH_TAGS | BLOCK_TAGS, attributes={}, url_schemes=set(), strip_comments=True
    )
    return reshape(cleaned)


def plain_to_html(text: str) -> str:
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return "".join(
        "<p>" + html.escape(part, quote=False).replace("\n", "<br>") + "</p>" for part in paragraphs
    )


def to_rich_text(text: str, text_format: str, notes: list[str] | None = None) -> str:
    """Convert text in one of Moodle's formats (moodle, html, plain, markdown) to safe HTML.
    With `notes`, say which images and links the allow-list dropped (rich_html.lost_media)."""
    if not text.strip():
        return ""
    check_text_size(text)
    if text_format == "plain":
        return plain_to_html(text)
    if text_format == "markdown":
        text = MARKDOWN.render(text)
    elif text_format == "moodle" and not re.search(r"<(p|br|div|ul|ol)\b", text, re.IGNORECASE):
        # Moodle auto-format: HTML allowed, line breaks kept.
        text = "<p>" + text.strip().replace("\n", "<br>") + "</p>"
    if notes is not None:
        notes.extend(lost_media(text))
    return sanitise_html(text)


def to_plain(text: str, text_format: str = "html") -> str:
    """Answer texts and option feedback are plain text in this engine."""
    check_text_size(text, "An answer or feedback text")
    if text_format in ("html", "moodle"):
        text = html.unescape(nh3.clean(text, tags=set(), strip_comments=True))
    return " ".join(text.split())


def _strip_tags(text: str) -> str:
    return " ".join(html.unescape(nh3.clean(text, tags=set(), strip_comments=True)).split())


def title_from(stem_html: str, fallback: str = "Imported question") -> str:
    """Moodle names untitled questions after their text; so do we (first 80 characters)."""
    words = _strip_tags(re.sub(r"<(br|/p|/li)>", " ", stem_html))
    if not words:
        return fallback
    return words if len(words) <= 80 else words[:79].rstrip() + "…"
