"""Sanitised HTML reshaped into what the stem's rich text holds: paragraphs and lists that never
nest, and notes on the images and links the allow-list drops.

Moodle authors wrap paragraphs in <div>s, headings and tables; renaming those to <p> gave
`<p><p>…</p></p>` (invalid, and rewritten on every round trip). Here a container that holds
blocks is unwrapped, one that holds only inline content becomes a paragraph.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup", "sub": "sub"}
LISTS = {"ul", "ol"}
_IMG = re.compile(r"<img\b", re.IGNORECASE)  # any <img> left is dropped: the stem has none
_LINK = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


MAX_DEPTH = 64  # deeper tags keep their text only: no recursion limit, no quadratic walks


class _Node:
    def __init__(self, tag: str, parent: _Node | None = None, depth: int = 0):
        self.tag, self.parent, self.depth, self.children = tag, parent, depth, []
        self.has_block = False  # a block element somewhere inside


class _TreeBuilder(HTMLParser):
    """nh3's output is well-formed and attribute-free, so a plain tree builder suffices."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = _Node("")
        self.ignored = 0  # open tags beyond MAX_DEPTH

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.current.children.append(_Node(tag, self.current))
            return
        if self.current.depth >= MAX_DEPTH:
            self.ignored += 1
            return
        node = _Node(tag, self.current, self.current.depth + 1)
        self.current.children.append(node)
        if _is_block(node):
            ancestor = self.current
            while ancestor is not None and not ancestor.has_block:
                ancestor.has_block, ancestor = True, ancestor.parent
        self.current = node

    def handle_endtag(self, tag):
        if tag == "br":
            return
        if self.ignored:
            self.ignored -= 1
        elif self.current is not self.root:
            self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def _is_block(node) -> bool:
    return isinstance(node, _Node) and node.tag not in INLINE and node.tag != "br"


def _inline(children) -> str:
    """Inline HTML; any block inside inline content keeps its text, separated by a line break."""
    out = []
    for child in children:
        if isinstance(child, str):
            out.append(html.escape(child, quote=False))
        elif child.tag == "br":
            out.append("<br>")
        elif child.tag in INLINE:
            inner = _inline(child.children)
            out.append(f"<{INLINE[child.tag]}>{inner}</{INLINE[child.tag]}>" if inner else "")
        else:
            inner = _inline(child.children).strip()
            if inner:
                out.append(("<br>" if out and out[-1] != "<br>" else "") + inner)
    return "".join(out)


def _has_text(fragment: str) -> bool:
    return bool(html.unescape(re.sub(r"<[^>]*>", "", fragment)).strip())


def _blocks(children, out: list[str]) -> None:
    run: list = []

    def flush():
        text = _inline(run).strip()
        if _has_text(text):
            out.append(f"<p>{text}</p>")
        run.clear()

    for child in children:
        if not _is_block(child):
            run.append(child)
            continue
        flush()
        if child.tag in LISTS:
            items = [_inline(li.children if isinstance(li, _Node) else [li]).strip()
                     for li in child.children if isinstance(li, _Node) or li.strip()]  # fmt: skip
            items = [f"<li>{item}</li>" for item in items if _has_text(item)]
            if items:
                out.append(f"<{child.tag}>{''.join(items)}</{child.tag}>")
        elif child.has_block:
            _blocks(child.children, out)  # a <div> around paragraphs: unwrap it
        else:
            run.extend(child.children)  # a <div>, heading or cell of text: one paragraph
            flush()
    flush()


def reshape(cleaned: str) -> str:
    """nh3-cleaned HTML (allowed tags only) as flat paragraphs and lists in Wagtail's spelling."""
    builder = _TreeBuilder()
    builder.feed(cleaned)
    builder.close()
    out: list[str] = []
    _blocks(builder.root.children, out)
    return "".join(out)


def lost_media(text: str) -> list[str]:
    """Notes for the images and links in `text` (HTML) that the rich text cannot hold."""
    notes = []
    count = len(_IMG.findall(text))
    if count:
        notes.append(
            f"{count} image{'s' if count > 1 else ''} in the question text "
            f"{'were' if count > 1 else 'was'} not kept: the text holds no images (add the "
            "picture as the question's image)."
        )
    for match in _LINK.finditer(text):
        target = html.unescape(next(group for group in match.groups() if group is not None))
        notes.append(f"The link to {target[:200]} was not kept (its text was).")
    return notes
