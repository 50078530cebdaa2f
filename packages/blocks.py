"""Lesson body blocks ↔ their package form, and validation through each block's own clean().

A lesson body is parsed into `BlockPlan`s: the StreamField type, its raw value (the JSON the
StreamField stores) and the line it came from. Images and documents stay `AssetRef`s until the
writer has created them, so every block can be validated before anything is written.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from wagtail import blocks as wagtail_blocks
from wagtail.embeds.blocks import EmbedBlock

from courses.blocks import LessonBodyBlock
from packages.richtext import LINK


@dataclass(frozen=True)
class AssetRef:
    """A file under assets/ that a block points at; replaced by the pk of the created object."""

    path: str
    kind: str  # "image" or "document"


@dataclass
class BlockPlan:
    type: str
    value: object
    line: int


BODY = LessonBodyBlock()


def block_problems(block_type: str, value) -> list[str]:
    """What the block's own validation says about `value` (raw), as readable messages."""
    block = BODY.child_blocks.get(block_type)
    if block is None:
        return [f"unknown block type “{block_type}”"]
    return _problems(block, copy.deepcopy(value), block_type)  # to_python may edit in place


def _problems(block, value, path: str) -> list[str]:
    if isinstance(block, wagtail_blocks.ChooserBlock):
        # Resolved by the reader to a verified file under assets/; the chooser's own clean
        # needs a saved object, which exists only once the writer runs.
        return [] if isinstance(value, AssetRef) else [f"{path}: must name a file under assets/"]
    if isinstance(block, EmbedBlock):
        # EmbedBlock.clean asks the provider over the network; the URL form is checked here.
        ok = isinstance(value, str) and value.startswith("https://")
        return [] if ok else [f"{path}: the video must be an https:// address"]
    if isinstance(block, wagtail_blocks.StructBlock):
        if not isinstance(value, dict):
            return [f"{path}: expected fields, not {type(value).__name__}"]
        problems = [
            f"{path}: unknown field “{key}”" for key in value if key not in block.child_blocks
        ]
        for name, child in block.child_blocks.items():
            child_value = value.get(name, child.get_default())
            problems += _problems(child, child_value, f"{path} {name}")
        return problems
    if isinstance(block, wagtail_blocks.ListBlock):
        items = value if isinstance(value, list) else []
        problems = []
        minimum = block.meta.min_num
        if minimum is not None and len(items) < minimum:
            problems.append(f"{path}: needs at least {minimum}")
        for index, item in enumerate(items, 1):
            problems += _problems(block.child_block, item, f"{path} {index}")
        return problems
    try:
        block.clean(block.to_python(value))
    except ValidationError as error:
        return [f"{path}: {message}" for message in error.messages]
    except (TypeError, ValueError, AttributeError) as error:
        return [f"{path}: {error}"]
    return []


def resolve_assets(value, pks: dict[AssetRef, int]):
    """The raw value with every AssetRef (and document link in rich text) replaced by the pk of
    the object created for it."""
    if isinstance(value, AssetRef):
        return pks[value]
    if isinstance(value, str) and 'linktype="document"' in value:
        return LINK.sub(
            lambda m: _link(m, "document", lambda t: pks[AssetRef(t, "document")]), value
        )
    if isinstance(value, dict):
        return {key: resolve_assets(item, pks) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve_assets(item, pks) for item in value]
    return value


def resolve_pages(value, pks: dict[str, int]):
    """The raw value with each page link's package target (page:SLUG, lessons/….md) replaced by
    the pk of its page, where that page exists already; the others stay as they are."""
    if isinstance(value, str) and 'linktype="page"' in value:
        return LINK.sub(lambda m: _link(m, "page", lambda t: pks.get(t, t)), value)
    if isinstance(value, dict):
        return {key: resolve_pages(item, pks) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve_pages(item, pks) for item in value]
    return value


def texts(value):
    """Every string inside a raw value (the rich text among them)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item)


def page_links_pending(value) -> bool:
    return any(re.search(r'linktype="page" id="(?!\d+")', text) for text in texts(value))


def _link(match, kind: str, pk_of) -> str:
    found, target = match.groups()
    if found != kind or target.isdigit():
        return match.group(0)
    return f'<a linktype="{kind}" id="{pk_of(html.unescape(target))}">'


def asset_refs(value) -> list[AssetRef]:
    if isinstance(value, AssetRef):
        return [value]
    if isinstance(value, str):
        return [
            AssetRef(html.unescape(t), "document")
            for k, t in LINK.findall(value)
            if k == "document" and not t.isdigit()
        ]
    if isinstance(value, dict):
        return [ref for item in value.values() for ref in asset_refs(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in asset_refs(item)]
    return []
