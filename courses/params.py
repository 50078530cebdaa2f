"""Numbers from URLs and forms: plain ASCII digits, within the database's integer range.

`int()` and `str.isdigit()` accept far more than a browser ever sends ("²", "١", " 1", "+1",
"1_000"), and the database refuses integers beyond 64 bits (SQLite raises OverflowError), so every
trainee endpoint reads ids and page numbers through here: anything else is a 404 or a 400.
"""

from __future__ import annotations

import re

from django.shortcuts import render

MAX_ID = 2**63 - 1  # the largest BIGINT on SQLite and PostgreSQL
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_positive_int(value, *, maximum: int = MAX_ID) -> int | None:
    """The number in `value` if it is 1..maximum written in ASCII digits, else None."""
    if not isinstance(value, str) or not _ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 1 <= number <= maximum else None


class IdConverter:
    """`<id:name>` in a URL: like `<int:name>`, but an id no row can have is a 404, not a 500."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = parse_positive_int(value)
        if number is None:
            raise ValueError(value)  # the URL does not match: 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))


def bad_request(request, message: str):
    """A 400 page that says what was wrong with the request."""
    return render(request, "400.html", {"message": message}, status=400)
