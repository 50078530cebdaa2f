"""Typed reads from located YAML: every wrong value becomes a Problem at its line, never an
exception, so a hostile or mistaken file is reported, not crashed on."""

from __future__ import annotations

import html
import re
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

from packages.problems import Problem
from packages.source import Located

MAX_DEPTH = 12  # questions.yaml nests five levels at most; deeper data is a mistake or an attack
RICH_TAGS = {"p", "b", "i", "ol", "ul", "li", "sup", "sub", "br"}  # the stem editor's features
_MISSING = object()


def text_problem(value: str) -> str | None:
    """Why a string cannot be stored: NUL (PostgreSQL refuses it) or a lone surrogate (no
    UTF-8 encoding)."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an unpaired surrogate character"
    return None


BLOCK_KEY = re.compile(r'\s+data-block-key="[^"<>]*"')
SAFE_HREF = re.compile(r"^(https?://|mailto:)[^\s\"'<>]+$", re.IGNORECASE)


def without_block_keys(value: str) -> str:
    """The editor's `data-block-key` attributes are its own bookkeeping, not content: export
    leaves them out, so an admin-edited stem reads (and compares) like a hand-written one."""
    return BLOCK_KEY.sub("", value)


class _RichCheck(HTMLParser):
    def __init__(self, links: bool = False):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self.links = links

    def handle_starttag(self, tag, attrs):
        if self.links and tag == "a":
            if len(attrs) != 1 or attrs[0][0] != "href" or not SAFE_HREF.match(attrs[0][1] or ""):
                self.bad.append('a link other than <a href="https://…">')
        elif tag not in RICH_TAGS:
            self.bad.append(f"<{tag}>")
        elif attrs:
            self.bad.append(f"attributes on <{tag}>")

    def handle_endtag(self, tag):
        if tag not in RICH_TAGS and not (self.links and tag == "a"):
            self.bad.append(f"</{tag}>")

    def handle_comment(self, data):
        self.bad.append("an HTML comment")

    def handle_decl(self, decl):
        self.bad.append("a declaration")

    handle_pi = handle_decl


def rich_problem(value: str, *, links: bool = False) -> str | None:
    """Rich text is the stem editor's own HTML subset (p, b, i, ol, ul, li, sup, sub, br), with
    no attributes: what the editor stores, so it round-trips exactly and stays reviewable."""
    checker = _RichCheck(links)
    checker.feed(value)
    checker.close()
    if checker.bad:
        return f"uses HTML outside the allowed subset: {', '.join(sorted(set(checker.bad)))}"
    return None


def as_rich(text: str) -> str:
    """Plain text as one paragraph of rich text (for tests and generated packages)."""
    return f"<p>{html.escape(text, quote=False)}</p>"


def plain_of(value: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", value)).strip()


class Reader:
    """Reads one mapping of a package file, collecting problems at the lines they occur."""

    def __init__(self, data, *, file: str, problems: list[Problem], where: str = "", line=None):
        self.file, self.problems, self.where = file, problems, where
        self.line = getattr(data, "line", None) or line
        self.ok = isinstance(data, dict)
        self.data = data if self.ok else {}
        if not self.ok:
            self.problem(None, f"must be a mapping (key: value), not {_kind(data)}")

    def line_of(self, key) -> int | None:
        if isinstance(self.data, Located):
            return self.data.line_of(key)
        return self.line

    def problem(self, key, message: str) -> None:
        label = ".".join(str(p) for p in (self.where, key) if p not in ("", None))
        text = f"{label}: {message}" if label else message
        self.problems.append(Problem(self.file, self.line_of(key) if key else self.line, text))

    def unknown(self, allowed) -> None:
        for key in self.data:
            if key not in allowed:
                self.problem(str(key), "is not a known field here")

    def raw(self, key, default=_MISSING):
        if key not in self.data:
            if default is _MISSING:
                self.problem(key, "is required")
                return None
            return default
        return self.data[key]

    def text(self, key, *, default=_MISSING, max_length=None, rich=False, blank=True):
        value = self.raw(key, default)
        if value is None or value is default:
            return "" if value is None else value
        if not isinstance(value, str):
            self.problem(key, f"must be text, not {_kind(value)}")
            return ""
        why = text_problem(value) or (rich_problem(value) if rich else None)
        if why is None and max_length is not None and len(value) > max_length:
            why = f"is {len(value)} characters long; at most {max_length} fit"
        if why is None and not blank and not (plain_of(value) if rich else value.strip()):
            why = "must not be empty"
        if why:
            self.problem(key, why)
            return ""
        return value

    def boolean(self, key, *, default=False) -> bool:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            self.problem(key, f"must be true or false, not {_kind(value)}")
            return default
        return value

    def number(self, key, *, default=_MISSING, low=None, high=None, integer=False):
        """An int/float/decimal string within [low, high], as a Decimal (None if wrong)."""
        value = self.raw(key, default)
        if value is None or value is default:
            return value
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.problem(key, f"must be a number, not {_kind(value)}")
            return None
        try:
            number = Decimal(str(value).strip()) if len(str(value)) <= 40 else None
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or (integer and number != number.to_integral()):
            self.problem(key, f"must be {'a whole' if integer else 'a'} number, not {value!r:.40}")
            return None
        if (low is not None and number < low) or (high is not None and number > high):
            self.problem(key, f"must be between {low} and {high}, not {number}")
            return None
        return number

    def items(self, key, *, default=_MISSING) -> list:
        """A list's entries, each with its line: [(entry, line)]."""
        value = self.raw(key, default)
        if value is None or value is default:
            return [] if value is None else list(value)
        if not isinstance(value, list):
            self.problem(key, f"must be a list, not {_kind(value)}")
            return []
        lines = getattr(value, "lines", None) or [self.line_of(key)] * len(value)
        return list(zip(value, lines, strict=False))

    def child(self, value, line, label) -> Reader:
        where = f"{self.where}.{label}" if self.where else label
        return Reader(value, file=self.file, problems=self.problems, where=where, line=line)


def depth_problem(value, limit: int = MAX_DEPTH) -> bool:
    """True if the data nests deeper than `limit` (walked without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def _kind(value) -> str:
    if value is None:
        return "nothing"
    return {
        dict: "a mapping",
        Located: "a mapping",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }.get(type(value), "a list" if isinstance(value, list) else type(value).__name__)


def number_out(value):
    """A Decimal/float for YAML: an int when whole, else a float (as written, e.g. 2.5)."""
    if value is None:
        return None
    number = Decimal(str(value))
    if number == number.to_integral():
        return int(number)
    return float(number)
