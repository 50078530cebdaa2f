"""Markdown ↔ Wagtail rich text (the stored HTML of RichTextBlock/RichTextField).

Only what the lesson editor offers survives: paragraphs, **bold**, *italic*, links, bullet and
numbered lists, line breaks. Raw HTML in Markdown is off (markdown-it's html=False), so an
import can never smuggle markup past the editor's feature list; anything else Markdown can
express (code, quotes, images inside text, other headings) is a located problem.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.disable(["image", "html_inline", "html_block"])

_TAGS = {
    "paragraph_open": "<p>",
    "paragraph_close": "</p>",
    "bullet_list_open": "<ul>",
    "bullet_list_close": "</ul>",
    "ordered_list_open": "<ol>",
    "ordered_list_close": "</ol>",
    "list_item_open": "<li>",
    "list_item_close": "</li>",
}
_INLINE = {
    "strong_open": "<b>",
    "strong_close": "</b>",
    "em_open": "<i>",
    "em_close": "</i>",
    "link_close": "</a>",
    "softbreak": " ",
    "hardbreak": "<br/>",
}
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "#", "/")


class RichTextProblem(ValueError):
    def __init__(self, line_offset: int, message: str):
        self.line_offset = line_offset  # 0-based line inside the Markdown given
        super().__init__(message)


def markdown_to_html(text: str) -> str:
    """Wagtail rich text HTML for `text`; RichTextProblem (with its line) if it cannot hold it."""
    out: list[str] = []
    depth = 0  # inside a list item, paragraphs are not wrapped (Wagtail stores <li>text</li>)
    line = 0
    for token in _md.parse(text):
        line = token.map[0] if token.map else line
        depth += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
        if token.type in ("paragraph_open", "paragraph_close") and depth:
            continue
        if token.type == "ordered_list_open" and token.attrGet("start") not in (None, 1, "1"):
            raise RichTextProblem(line, "a numbered list must start at 1")
        if token.type in _TAGS:
            out.append(_TAGS[token.type])
        elif token.type == "inline":
            out.append(_inline(token.children or [], line))
        else:
            raise RichTextProblem(line, f"{_describe(token.type)} cannot go in lesson text")
    return "".join(out)


def _describe(kind: str) -> str:
    names = {
        "heading_open": "a heading other than ## or ###",
        "fence": "a code block",
        "code_block": "an indented code block (four spaces)",
        "blockquote_open": "a quotation (>)",
        "hr": "a rule (---) inside a block",
    }
    return names.get(kind, kind.replace("_open", "").replace("_", " "))


def _inline(children, line: int) -> str:
    out = []
    for child in children:
        if child.type == "text":
            out.append(escape(child.content, quote=False))
        elif child.type == "code_inline":
            raise RichTextProblem(line, "inline code (`…`) cannot go in lesson text")
        elif child.type == "link_open":
            href = child.attrGet("href") or ""
            if not href.startswith(_SAFE_SCHEMES):
                raise RichTextProblem(line, f"the link “{href}” must start with https:// or /")
            out.append(f'<a href="{escape(href)}">')
        elif child.type in _INLINE:
            out.append(_INLINE[child.type])
        else:
            raise RichTextProblem(line, f"{child.type} cannot go in lesson text")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# HTML → Markdown (export)

_LINE_START = re.compile(r"^([#+\-=>|:~]|\d+[.)])")
_ESCAPE = re.compile(r"([\\`*_\[\]<]|&(?=#|\w+;))")


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """Text that markdown-it reads back as exactly `text` (one line, no markup)."""
    text = _ESCAPE.sub(r"\\\1", text)
    match = _LINE_START.match(text) if line_start else None
    if match:
        head = match.group(1)
        text = head[:-1] + "\\" + head[-1] + text[len(head) :]
    return text


class _ToMarkdown(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []  # finished paragraphs / lists
        self.current: list[str] = []
        self.lists: list[list] = []  # stack of [kind, counter]
        self.items: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("b", "strong"):
            self.current.append("**")
        elif tag in ("i", "em"):
            self.current.append("*")
        elif tag == "a":
            # Page and document links (linktype=…) have no Markdown form yet: their words stay.
            self.links.append(attrs.get("href") or "")
            if self.links[-1]:
                self.current.append("[")
        elif tag == "br":
            self.current.append("\\\n")
        elif tag in ("ul", "ol"):
            self._flush_paragraph()
            self.lists.append([tag, 0])
        elif tag == "li":
            self.current = []

    def handle_endtag(self, tag):
        if tag in ("b", "strong"):
            self.current.append("**")
        elif tag in ("i", "em"):
            self.current.append("*")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.current.append(
                    f"](<{href}>)" if re.search(r"[\s()<>]", href) else f"]({href})"
                )
        elif tag == "p":
            self._flush_paragraph()
        elif tag == "li":
            kind = self.lists[-1]
            kind[1] += 1
            marker = "-" if kind[0] == "ul" else f"{kind[1]}."
            self.items.append(f"{marker} {''.join(self.current).strip()}")
            self.current = []
        elif tag in ("ul", "ol"):
            self.lists.pop()
            self.blocks.append("\n".join(self.items))
            self.items = []

    def handle_data(self, data):
        if not self.current and not data.strip():
            return
        line_start = not self.current
        self.current.append(escape_markdown(re.sub(r"[\t\r\n]+", " ", data), line_start=line_start))

    def _flush_paragraph(self):
        text = "".join(self.current).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def result(self) -> str:
        self._flush_paragraph()
        return "\n\n".join(self.blocks)


def html_to_markdown(html: str) -> str:
    parser = _ToMarkdown()
    parser.feed(html or "")
    parser.close()
    return parser.result()
