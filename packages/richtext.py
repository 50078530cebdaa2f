"""Markdown ↔ Wagtail rich text (the stored HTML of RichTextBlock/RichTextField).

Exactly what the lesson editor offers: paragraphs, **bold**, *italic*, ^superscript^,
~subscript~, links (external, to a page of the package: `page:SLUG` or `lessons/NN-x.md`, to a
document: `assets/x.pdf`), bullet and numbered lists, line breaks. Page and document links are
stored as `<a linktype="page" id="page:SLUG">` placeholders until the writer knows the pks.
Raw HTML in Markdown is off (markdown-it's html=False), so an import can never smuggle markup
past the editor's feature list; anything else Markdown can express (code, quotes, images inside
text, other headings) is a located problem. Export refuses HTML it has no syntax for
(`RichTextUnexportable`) instead of dropping it.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import unquote

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.disable(["image", "html_inline", "html_block"])
_SCRIPTS = {"^": "sup", "~": "sub"}


def _script_rule(state, silent: bool) -> bool:
    """`^x^` / `~x~` (as Pandoc): one line, no space just inside the markers, nested inline."""
    marker = state.src[state.pos]
    if marker not in _SCRIPTS or silent:
        return False
    start, maximum = state.pos, state.posMax
    state.pos = start + 1
    while state.pos < maximum and state.src[state.pos] not in (marker, "\n"):
        state.md.inline.skipToken(state)
    end = state.pos
    content = state.src[start + 1 : end]
    if (
        end >= maximum
        or state.src[end] != marker
        or not content.strip()
        or content != content.strip()
    ):
        state.pos = start
        return False
    tag = _SCRIPTS[marker]
    state.pos, state.posMax = start + 1, end
    state.push(f"{tag}_open", tag, 1)
    state.md.inline.tokenize(state)
    state.push(f"{tag}_close", tag, -1)
    state.pos, state.posMax = end + 1, maximum
    return True


_md.inline.ruler.before("emphasis", "scripts", _script_rule)

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
    "sup_open": "<sup>",
    "sup_close": "</sup>",
    "sub_open": "<sub>",
    "sub_close": "</sub>",
    "link_close": "</a>",
    "softbreak": " ",
    "hardbreak": "<br/>",
}
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "#", "/")


_PAGE_TARGET = re.compile(r"^(page:[-\w]+|lessons/[^/]+\.md)$")
LINK = re.compile(r'<a linktype="(page|document)" id="([^"]*)">')


class RichTextUnexportable(ValueError):
    """Stored rich text the package format cannot hold: export refuses rather than drop it."""


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
            out.append(_link_open(child.attrGet("href") or "", line))
        elif child.type in _INLINE:
            out.append(_INLINE[child.type])
        else:
            raise RichTextProblem(line, f"{child.type} cannot go in lesson text")
    return "".join(out)


def _link_open(href: str, line: int) -> str:
    target = unquote(href)
    if target.startswith(("page:", "lessons/")):
        if not _PAGE_TARGET.match(target):
            raise RichTextProblem(
                line, f"the page link “{target}” must be page:SLUG or lessons/….md"
            )
        return f'<a linktype="page" id="{escape(target)}">'
    if target.startswith("assets/"):
        return f'<a linktype="document" id="{escape(target)}">'
    if not href.startswith(_SAFE_SCHEMES):
        raise RichTextProblem(
            line, f"the link “{href}” must start with https://, /, page:, lessons/ or assets/"
        )
    return f'<a href="{escape(href)}">'


def link_targets(html: str) -> list[tuple[str, str]]:
    """(kind, target) of each page/document link still naming its package target."""
    return [(kind, target) for kind, target in LINK.findall(html or "") if not target.isdigit()]


def _package_target(kind: str, target: str) -> str:
    """Without a resolver only placeholders (package targets) can be written back."""
    if target.isdigit():
        raise RichTextUnexportable(f"a {kind} link to the {kind} with id {target}")
    return target


# ---------------------------------------------------------------------------------------------
# HTML → Markdown (export)

_EXPORTABLE = {"p", "b", "strong", "i", "em", "a", "br", "ul", "ol", "li", "sup", "sub"}
_MARKERS = {"b": "**", "strong": "**", "i": "*", "em": "*", "sup": "^", "sub": "~"}

_LINE_START = re.compile(r"^([#+\-=>|:~]|\d+[.)])")
_ESCAPE = re.compile(r"([\\`*_\[\]<^~]|&(?=#|\w+;))")


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """Text that markdown-it reads back as exactly `text` (one line, no markup)."""
    text = _ESCAPE.sub(r"\\\1", text)
    match = _LINE_START.match(text) if line_start else None
    if match:
        head = match.group(1)
        text = head[:-1] + "\\" + head[-1] + text[len(head) :]
    return text


class _ToMarkdown(HTMLParser):
    def __init__(self, link):
        super().__init__(convert_charrefs=True)
        self.link = link
        self.scripts: list[list[str]] = []  # outer text while inside ^…^ / ~…~
        self.blocks: list[str] = []  # finished paragraphs / lists
        self.current: list[str] = []
        self.lists: list[list] = []  # stack of [kind, counter]
        self.items: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in _EXPORTABLE:
            raise RichTextUnexportable(f"<{tag}> (not one of the editor's rich text features)")
        if tag in ("sup", "sub"):
            self.scripts.append(self.current)
            self.current = []
        elif tag in _MARKERS:
            self.current.append(_MARKERS[tag])
        elif tag == "a":
            self.links.append(self._href(attrs))
            self.current.append("[")
        elif tag == "br":
            self.current.append("\\\n")
        elif tag in ("ul", "ol"):
            self._flush_paragraph()
            self.lists.append([tag, 0])
        elif tag == "li":
            self.current = []

    def handle_endtag(self, tag):
        if tag in ("sup", "sub") and self.scripts:
            inner = "".join(self.current)
            self.current = self.scripts.pop()
            # Markers hug the text (Pandoc's rule): spaces just inside go just outside.
            lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
            core = inner.strip()
            self.current.append(
                lead + (f"{_MARKERS[tag]}{core}{_MARKERS[tag]}" if core else "") + trail
            )
        elif tag in _MARKERS:
            self.current.append(_MARKERS[tag])
        elif tag == "a" and self.links:
            href = self.links.pop()
            self.current.append(f"](<{href}>)" if re.search(r"[\s()<>]", href) else f"]({href})")
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

    def _href(self, attrs) -> str:
        kind = attrs.get("linktype")
        if kind in ("page", "document"):
            return self.link(kind, attrs.get("id") or "")
        if kind is not None or not attrs.get("href"):
            raise RichTextUnexportable(f"a link of type “{kind}” without an address")
        return attrs["href"]

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


def html_to_markdown(html: str, link=_package_target) -> str:
    """The Markdown for stored HTML; `link(kind, id)` names a page/document link's target."""
    parser = _ToMarkdown(link)
    parser.feed(html or "")
    parser.close()
    return parser.result()
