"""SVG uploads keep their drawing and lose anything active: a strict allow-list, applied on save.

An SVG opened directly runs its scripts with the site's origin, so an instructor could attack an
administrator with a diagram. Kept: SVG drawing elements and presentation attributes. Dropped:
anything else (script, foreignObject, animation, links, external images, other namespaces), event
handlers, and every reference that leaves the document (href and url() other than "#id").
defusedxml refuses DTDs and entities. /media/ is also served with a sandboxing CSP (home/media.py).
"""

import re
from xml.etree import ElementTree

from defusedxml import ElementTree as SafeElementTree

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use", "switch",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feFlood",
    "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
    "feMorphology", "feOffset", "feDropShadow", "feTurbulence", "feDisplacementMap",
    "style",
}  # fmt: skip

ATTRIBUTES = {
    # structure, geometry and text layout
    "id", "class", "lang", "role", "tabindex", "version", "viewBox", "preserveAspectRatio",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
    "width", "height", "d", "points", "pathLength", "transform", "dx", "dy", "rotate",
    "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
    "gradientUnits", "gradientTransform", "spreadMethod", "offset",
    "patternUnits", "patternContentUnits", "patternTransform",
    "clipPathUnits", "maskUnits", "maskContentUnits",
    "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
    "filterUnits", "primitiveUnits", "in", "in2", "result", "mode", "type", "values",
    "operator", "k1", "k2", "k3", "k4", "stdDeviation", "edgeMode", "radius",
    "baseFrequency", "numOctaves", "seed", "stitchTiles", "scale",
    "xChannelSelector", "yChannelSelector", "tableValues", "slope", "intercept",
    "amplitude", "exponent", "flood-color", "flood-opacity",
    # presentation
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
    "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
    "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow",
    "clip-path", "clip-rule", "mask", "filter", "marker-start", "marker-mid", "marker-end",
    "stop-color", "stop-opacity", "paint-order", "vector-effect", "shape-rendering",
    "text-rendering", "color-interpolation", "color-interpolation-filters",
    "font-family", "font-size", "font-style", "font-weight", "font-variant", "font-stretch",
    "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
    "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction",
    "white-space", "style", "href", "media",
    # accessibility
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable",
}  # fmt: skip

NAMESPACED = {f"{{{XLINK}}}href": "href", f"{{{XML}}}space": None, f"{{{XML}}}lang": None}
URL = re.compile(r"url\s*\(\s*(['\"]?)\s*([^)'\"]*)\1\s*\)", re.IGNORECASE)
ACTIVE = re.compile(
    r"javascript:|vbscript:|expression\s*\(|@import|behavior\s*:|-moz-binding", re.I
)


class UnsafeSvg(ValueError):
    """The file is not an SVG we can read safely; the message is for the uploader."""


def _local_refs_only(value: str) -> bool:
    if ACTIVE.search(value):
        return False
    return all(match.group(2).strip().startswith("#") for match in URL.finditer(value))


def _remove(parent, child) -> None:
    """Remove an element but keep the text that followed it."""
    if child.tail:
        siblings = list(parent)
        index = siblings.index(child)
        if index:
            siblings[index - 1].tail = (siblings[index - 1].tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _clean(element) -> None:
    for child in list(element):
        namespace, _, name = child.tag.partition("}")
        if namespace == "{" + SVG and name == "a":  # a link: keep what it draws, not the link
            child.tag, name = f"{{{SVG}}}g", "g"
        if namespace != "{" + SVG or name not in ELEMENTS:
            _remove(element, child)
            continue
        if name == "style" and not _local_refs_only(child.text or ""):
            _remove(element, child)
            continue
        if name == "style" and len(child):
            del child[:]
        _clean_attributes(child, name)
        _clean(child)


_PAINT_SERVERS = {"linearGradient", "radialGradient", "pattern", "filter"}


def _clean_attributes(element, name: str) -> None:
    for attribute, value in list(element.attrib.items()):
        local = NAMESPACED.get(attribute, attribute)
        keep = (
            attribute in NAMESPACED or (attribute in ATTRIBUTES and "}" not in attribute)
        ) and _local_refs_only(value)
        if keep and local == "href":
            keep = value.strip().startswith("#") and name in {"use", "textPath"} | _PAINT_SERVERS
        if not keep:
            del element.attrib[attribute]


def svg_sanitize(data: bytes) -> bytes:
    """The same drawing without active content; raises UnsafeSvg if it cannot be read safely."""
    try:
        root = SafeElementTree.fromstring(data)
    except Exception as error:  # noqa: BLE001 - ParseError, DTD/entity refusals, encoding errors
        raise UnsafeSvg(
            "This SVG could not be read safely (it is not well-formed XML, or it uses a DTD or "
            "entities). Save it again as plain SVG, or upload a PNG."
        ) from error
    if root.tag != f"{{{SVG}}}svg":
        raise UnsafeSvg("This file is not an SVG image (its root element is not <svg>).")
    _clean_attributes(root, "svg")
    _clean(root)
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", XLINK)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
