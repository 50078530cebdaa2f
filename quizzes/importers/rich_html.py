"""Sanitised HTML reshaped into what the stem's rich text holds: paragraphs and lists that never
nest, and notes on the images and links the allow-list drops.

Moodle authors wrap paragraphs in <div>s, headings and tables; renaming those to <p> gave
`<p><p>…</p></p>` (invalid, and rewritten on every round trip). Here a container that holds
blocks is unwrapped, one that holds only inline content becomes a paragraph.
"""

from __future__ import annotations

import html
import re

INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup", "sub": "sub"}
LISTS = {"ul", "ol"}
_IMG = re.compile(r"<img\b", re.IGNORECASE)  # any <img> left is dropped: the stem has none
_LINK = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


MAX_DEPTH = 64  # deeper tags keep their text only: no recursion limit, no quadratic walks


class _Node:
    __slots__ = ("tag", "depth", "children", "has_block")

    def __init__(self, tag: str, depth: int = 0):
        self.tag, self.depth, self.children = tag, depth, []
        self.has_block = False  # a block element somewhere inside


_TOKEN = re.compile(r"<(/?)([a-zA-Z0-9]+)\s*/?>")


def _tree(cleaned: str) -> _Node:
    """nh3's output is well-formed, attribute-free and already escaped, so a tag tokenizer is
    enough (and several times faster than html.parser on 30,000 tags)."""
    root = _Node("")
    stack = [root]  # the open elements, innermost last
    ignored, position = 0, 0  # ignored: open tags beyond MAX_DEPTH
    for match in _TOKEN.finditer(cleaned):
        if match.start() > position:
            stack[-1].children.append(cleaned[position : match.start()])
        position = match.end()
        closing, tag = match.group(1), match.group(2).lower()
        if tag == "br":
            if not closing:
                stack[-1].children.append(_Node(tag))
        elif closing:
            if ignored:
                ignored -= 1
            elif len(stack) > 1:
                stack.pop()
        elif len(stack) > MAX_DEPTH:
            ignored += 1
        else:
            node = _Node(tag, len(stack))
            stack[-1].children.append(node)
            if _is_block(node):
                for ancestor in reversed(stack):
                    if ancestor.has_block:
                        break
                    ancestor.has_block = True
            stack.append(node)
    if position < len(cleaned):
        stack[-1].children.append(cleaned[position:])
    return root


def _is_block(node) -> bool:
    return isinstance(node, _Node) and node.tag not in INLINE and node.tag != "br"


def _inline(children) -> str:
    """Inline HTML; any block inside inline content keeps its text, separated by a line break."""
    out = []
    for child in children:
        if isinstance(child, str):
            out.append(child)  # nh3 escaped it already
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
    out: list[str] = []
    _blocks(_tree(cleaned).children, out)
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
