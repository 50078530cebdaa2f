"""GIFT text before parsing: questions split into chunks that remember their file lines, and
escapes (\\~ \\= …) replaced by private-use placeholders so they cannot split anything."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# Escaped characters become private-use placeholders while we split, like Moodle's "&&058;".
ESCAPES = {"~": "\ue000", "=": "\ue001", "#": "\ue002", "{": "\ue003", "}": "\ue004"}
ESCAPES |= {":": "\ue005", "\\": "\ue006", "n": "\ue007"}
_RESTORE = {placeholder: ("\n" if char == "n" else char) for char, placeholder in ESCAPES.items()}
_PLACEHOLDER_RANGE = re.compile("[\ue000-\ue007]")


def unescape(text: str) -> str:
    return _PLACEHOLDER_RANGE.sub(lambda match: _RESTORE[match.group()], text)


@dataclass
class Chunk:
    """One question's text (comments removed) and the file line of each of its lines."""

    text: str
    lines: list[int]
    protected: str = ""  # the text with escapes replaced (set once parsing starts)
    _newlines: tuple[str, list[int]] | None = None

    def line_at(self, offset: int, text: str | None = None) -> int:
        """The file line of `offset` in `text` (the chunk, or it with escapes protected, which
        is shorter); newline positions are found once, so each lookup is a bisection."""
        text = self.text if text is None else text
        if self._newlines is None or self._newlines[0] is not text:
            self._newlines = (text, [m.start() for m in re.finditer("\n", text)])
        index = bisect_left(self._newlines[1], max(offset, 0))
        return self.lines[min(index, len(self.lines) - 1)]


def split_chunks(text: str):
    lines: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("//"):
            continue
        if line.strip():
            lines.append(line)
            numbers.append(number)
        elif lines:
            yield Chunk("\n".join(lines), numbers)
            lines, numbers = [], []
    if lines:
        yield Chunk("\n".join(lines), numbers)


def protect_escapes(chunk: Chunk) -> str:
    """Only GIFT's specials are escapes; a backslash before anything else is kept as typed."""
    text = _PLACEHOLDER_RANGE.sub("\ufffd", chunk.text)
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char != "\\":
            out.append(char)
            index += 1
            continue
        following = text[index + 1 : index + 2]
        if following not in ESCAPES:  # as in Moodle: `\(x^2\)`, `C:\temp` stay as typed
            out.append(char)
            index += 1
            continue
        out.append(ESCAPES[following])
        index += 2
    return "".join(out)
