"""Validate what a trainee submits for one question against the attempt's frozen display data.

This is the one gate for everything a trainee sends: the JSON body (size and depth), the text in
it (nothing the database cannot store or the page cannot render) and each answer against its
question. Anything that does not fit (an option from another question, a tampered id, a huge
string, a lone surrogate or NUL) raises InvalidResponse with a message the trainee can act on.
"""

from __future__ import annotations

import json
import math
import re

from courses.params import parse_positive_int
from quizzes.marking import parse_number

MAX_TEXT = 200
MAX_NUMBER_TEXT = 40
MAX_JSON_DEPTH = 8  # {"responses": {"3": {"matches": {"a": "b"}}}} is 4 deep
# PostgreSQL refuses NUL in text and jsonb; a lone surrogate is stored by SQLite but cannot be
# encoded as UTF-8, so every page showing it would fail afterwards.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class InvalidResponse(ValueError):
    pass


def read_json_body(body: bytes):
    """Parse an autosave body; InvalidResponse says why it cannot be read."""
    try:
        payload = json.loads(body.decode("utf-8") if body else "{}")
    except RecursionError as error:
        raise InvalidResponse(_TOO_DEEP) from error
    except ValueError as error:  # invalid UTF-8 or JSON, or an integer of > 4300 digits
        raise InvalidResponse("The answers could not be read; please try again.") from error
    if _depth(payload) > MAX_JSON_DEPTH:
        raise InvalidResponse(_TOO_DEEP)
    return payload


_TOO_DEEP = "The answers could not be read: the data is nested too deeply."


def _depth(value) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def position_of(key) -> int | None:
    """A question position as the page sends it ("3"); anything else is not part of an attempt."""
    if isinstance(key, int) and not isinstance(key, bool):
        key = str(key)
    return parse_positive_int(key, maximum=32767)


def _check_text(raw) -> None:
    """Refuse any string (key or value, at any depth) that cannot be stored and shown again."""
    stack = [raw]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if UNSTORABLE.search(item):
                raise InvalidResponse(
                    "That answer contains characters that cannot be saved (a null character or "
                    "half of an emoji); please retype it."
                )
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _ids(items) -> set[str]:
    return {item["id"] for item in items}


def clean_response(snapshot: dict, raw) -> dict:
    """Return the normalised response to store, or {} for "no answer"."""
    _check_text(raw)
    if raw in (None, "", {}):
        return {}
    if not isinstance(raw, dict):
        raise InvalidResponse("That answer is not in a format we understand.")
    kind, display = snapshot["type"], snapshot["display"]
    cleaner = CLEANERS[kind]
    return cleaner(display, raw)


def _single(display, raw):
    choice = raw.get("choice")
    if choice in (None, ""):
        return {}
    if not isinstance(choice, str) or choice not in _ids(display["options"]):
        raise InvalidResponse("That option does not belong to this question.")
    return {"choice": choice}


def _multiple(display, raw):
    choices = raw.get("choices") or []
    if isinstance(choices, str):
        choices = [choices]
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        raise InvalidResponse("That answer is not in a format we understand.")
    allowed = _ids(display["options"])
    if not set(choices) <= allowed:
        raise InvalidResponse("One of those options does not belong to this question.")
    ordered = [option["id"] for option in display["options"] if option["id"] in set(choices)]
    return {"choices": ordered} if ordered else {}


def _true_false(display, raw):
    value = raw.get("value")
    if value in (None, ""):
        return {}
    if value not in ("true", "false"):
        raise InvalidResponse("Choose true or false.")
    return {"value": value}


def _numeric(display, raw):
    value = raw.get("value")
    if value in (None, ""):
        return {}
    text = str(value).strip()
    if not text:
        return {}
    if len(text) > MAX_NUMBER_TEXT or parse_number(text) is None:
        raise InvalidResponse("Enter a number, for example 12 or 12.5.")
    return {"value": text}


def _short_text(display, raw):
    text = raw.get("text")
    if text in (None, ""):
        return {}
    if not isinstance(text, str):
        raise InvalidResponse("That answer is not in a format we understand.")
    if len(text) > MAX_TEXT:
        raise InvalidResponse(f"Keep the answer under {MAX_TEXT} characters.")
    return {"text": text.strip()} if text.strip() else {}


def _matching(display, raw):
    matches = raw.get("matches") or {}
    if not isinstance(matches, dict):
        raise InvalidResponse("That answer is not in a format we understand.")
    prompts, choices = _ids(display["prompts"]), _ids(display["choices"])
    cleaned = {}
    for prompt, choice in matches.items():
        if prompt not in prompts:
            raise InvalidResponse("That item does not belong to this question.")
        if choice in (None, ""):
            continue
        if not isinstance(choice, str) or choice not in choices:
            raise InvalidResponse("That answer does not belong to this question.")
        cleaned[prompt] = choice
    return {"matches": cleaned} if cleaned else {}


def _ordering(display, raw):
    order = raw.get("order") or []
    if not isinstance(order, list) or not all(isinstance(item, str) for item in order):
        raise InvalidResponse("That answer is not in a format we understand.")
    if not order:
        return {}
    if sorted(order) != sorted(_ids(display["items"])):
        raise InvalidResponse("Put every item in the list exactly once.")
    return {"order": order}


def _hotspot(display, raw):
    x, y = raw.get("x"), raw.get("y")
    if x in (None, "") and y in (None, ""):
        return {}
    try:
        x, y = float(x), float(y)
    except (TypeError, ValueError, OverflowError) as error:
        raise InvalidResponse("Place the marker on the image.") from error
    if not (math.isfinite(x) and math.isfinite(y)):
        raise InvalidResponse("Place the marker on the image.")
    if not (0 <= x <= display["width"] and 0 <= y <= display["height"]):
        raise InvalidResponse("The marker must be on the image.")
    return {"x": round(x, 1), "y": round(y, 1)}


CLEANERS = {
    "single_choice": _single,
    "multiple_response": _multiple,
    "true_false": _true_false,
    "numeric": _numeric,
    "short_text": _short_text,
    "matching": _matching,
    "ordering": _ordering,
    "hotspot": _hotspot,
}


def responses_from_form(data, positions: list[int]) -> tuple[dict[int, dict], dict[int, str]]:
    """Read the no-JavaScript form (q<position>-<field>) into raw responses per position.

    Returns the responses and, per position, any problem found while reading the form.
    """
    responses: dict[int, dict] = {}
    errors: dict[int, str] = {}
    for position in positions:
        prefix = f"q{position}-"
        if f"{prefix}present" not in data:
            continue  # the question was not on the submitted page
        raw: dict = {}
        for name in data:
            if not name.startswith(prefix):
                continue
            field = name[len(prefix) :]
            if field == "choices":
                raw["choices"] = data.getlist(name)
            elif field.startswith("match-"):
                raw.setdefault("matches", {})[field[len("match-") :]] = data.get(name)
            elif field.startswith("rank-"):
                raw.setdefault("ranks", {})[field[len("rank-") :]] = data.get(name)
            elif field in {"choice", "value", "text", "x", "y"}:
                raw[field] = data.get(name)
        if "ranks" in raw:
            try:
                raw["order"] = _order_from_ranks(raw.pop("ranks"))
            except InvalidResponse as error:
                errors[position] = str(error)
                continue
        responses[position] = raw
    return responses, errors


def _order_from_ranks(ranks: dict) -> list:
    if not any(str(rank or "").strip() for rank in ranks.values()):
        return []
    numbers = {item: parse_positive_int(str(rank or "").strip()) for item, rank in ranks.items()}
    if None in numbers.values():
        raise InvalidResponse("Give every step a position number.")
    numbered = sorted(numbers.items(), key=lambda item: item[1])
    if [rank for _, rank in numbered] != list(range(1, len(numbered) + 1)):
        raise InvalidResponse("Use each position number once.")
    return [item_id for item_id, _ in numbered]
