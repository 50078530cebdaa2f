"""Marking: pure functions, one per question type.

Each marker takes the frozen question data an attempt stored when it started (the "key") and the
trainee's saved response, and returns the fraction of the question's points earned, in [0, 1].
Nothing here touches the database, so the same inputs always give the same mark.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from quizzes.short_text import accepts, normalise_text

MAX_COORDINATE = 1e6  # far beyond any image; keeps the geometry free of overflow


@dataclass(frozen=True)
class Mark:
    fraction: float  # share of the points earned, 0..1
    answered: bool

    @property
    def is_correct(self) -> bool:
        return self.fraction >= 1 - 1e-9


def clamp(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return max(0.0, min(1.0, value))


def points_for(mark: Mark, points: Decimal) -> Decimal:
    return (points * Decimal(str(round(mark.fraction, 6)))).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def mark_single_choice(key: Mapping, response: Mapping) -> Mark:
    """One option chosen; its credit (which may be partial) is the mark."""
    choice = response.get("choice")
    credits = {option["id"]: option["credit"] for option in key["options"]}
    if not isinstance(choice, str) or choice not in credits:
        return Mark(0.0, answered=False)
    return Mark(clamp(credits[choice]), answered=True)


def mark_multiple_response(key: Mapping, response: Mapping) -> Mark:
    """Sum of the chosen options' credits (negative for wrong ones), floored at 0, capped at 1.

    Credits are taken as shares of the right options' total, so thirds typed as 0.33 + 0.33 +
    0.33 still give full marks (and pass a must-pass item) when every right option is chosen.
    """
    chosen = response.get("choices") or []
    if not isinstance(chosen, list):
        return Mark(0.0, answered=False)
    credits = {option["id"]: option["credit"] for option in key["options"]}
    valid = {choice for choice in chosen if isinstance(choice, str) and choice in credits}
    if not valid:
        return Mark(0.0, answered=False)
    # fsum: exactly rounded, so the mark does not depend on the order of the options or choices
    full = math.fsum(credit for credit in credits.values() if credit > 0)
    if full <= 0:
        return Mark(0.0, answered=True)
    return Mark(clamp(math.fsum(credits[choice] for choice in valid) / full), answered=True)


def mark_true_false(key: Mapping, response: Mapping) -> Mark:
    value = response.get("value")
    if value not in ("true", "false"):
        return Mark(0.0, answered=False)
    return Mark(1.0 if (value == "true") == key["answer"] else 0.0, answered=True)


def parse_number(text) -> Decimal | None:
    """Accept '12.5', ' 12,5 ' (decimal comma) and '1e-3'; reject anything else."""
    if text is None:
        return None
    cleaned = str(text).strip().replace(",", ".")[:40]
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def mark_numeric(key: Mapping, response: Mapping) -> Mark:
    """Best credit among the accepted answers the value falls in (value ± tolerance, or a range)."""
    value = parse_number(response.get("value"))
    if value is None:
        return Mark(0.0, answered=bool(str(response.get("value") or "").strip()))
    best = 0.0
    for answer in key["answers"]:
        if answer.get("min") is not None and answer.get("max") is not None:
            low, high = Decimal(str(answer["min"])), Decimal(str(answer["max"]))
        else:
            centre = Decimal(str(answer["value"]))
            tolerance = abs(Decimal(str(answer.get("tolerance") or 0)))
            low, high = centre - tolerance, centre + tolerance
        if low <= value <= high:
            best = max(best, answer["credit"])
    return Mark(clamp(best), answered=True)


def mark_short_text(key: Mapping, response: Mapping) -> Mark:
    """Best credit among accepted answers; case/spacing ignored unless asked; `*` is a wildcard;
    each answer's options (articles, punctuation, plural) as frozen in the key."""
    case_sensitive = bool(key.get("case_sensitive"))
    given = normalise_text(response.get("text") or "", case_sensitive=case_sensitive)
    if not given:
        return Mark(0.0, answered=False)
    best = 0.0
    for answer in key["answers"]:
        if answer["credit"] > best and accepts(answer, given, case_sensitive=case_sensitive):
            best = answer["credit"]
    return Mark(clamp(best), answered=True)


def mark_matching(key: Mapping, response: Mapping) -> Mark:
    """Share of prompts matched to their answer."""
    matches = response.get("matches") or {}
    if not isinstance(matches, Mapping):
        return Mark(0.0, answered=False)
    expected = key["pairs"]  # prompt id -> choice id
    answered = any(matches.get(prompt) for prompt in expected)
    right = sum(1 for prompt, choice in expected.items() if matches.get(prompt) == choice)
    return Mark(right / len(expected) if expected else 0.0, answered=answered)


def mark_ordering(key: Mapping, response: Mapping) -> Mark:
    """All or nothing, or (partial) the share of items in their correct position."""
    order = response.get("order") or []
    correct = key["order"]
    if not isinstance(order, list) or sorted(map(str, order)) != sorted(correct):
        return Mark(0.0, answered=bool(order))
    if key.get("partial"):
        return Mark(
            sum(1 for a, b in zip(order, correct, strict=True) if a == b) / len(correct), True
        )
    return Mark(1.0 if order == correct else 0.0, answered=True)


def point_in_zone(x: float, y: float, zone: Mapping) -> bool:
    shape, coords = zone["shape"], zone["coords"]
    if shape == "circle":
        cx, cy, radius = coords
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2
    if shape == "rect":
        left, top, width, height = coords
        return left <= x <= left + width and top <= y <= top + height
    if shape == "polygon":  # even-odd rule over [(x, y), ...]
        inside = False
        points = list(coords)
        for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
        return inside
    return False


def mark_hotspot(key: Mapping, response: Mapping) -> Mark:
    """The marker's position (in the image's own pixel coordinates) against the zones."""
    try:
        x, y = float(response["x"]), float(response["y"])
    except (KeyError, TypeError, ValueError):
        return Mark(0.0, answered=False)
    if not (math.isfinite(x) and math.isfinite(y)) or max(abs(x), abs(y)) > MAX_COORDINATE:
        return Mark(0.0, answered=False)
    credits = [zone["credit"] for zone in key["zones"] if point_in_zone(x, y, zone)]
    return Mark(clamp(max(credits, default=0.0)), answered=True)


MARKERS: dict[str, Callable[[Mapping, Mapping], Mark]] = {
    "single_choice": mark_single_choice,
    "multiple_response": mark_multiple_response,
    "true_false": mark_true_false,
    "numeric": mark_numeric,
    "short_text": mark_short_text,
    "matching": mark_matching,
    "ordering": mark_ordering,
    "hotspot": mark_hotspot,
}


def mark(question_type: str, key: Mapping, response: Mapping | None) -> Mark:
    if not isinstance(response, Mapping):
        return Mark(0.0, answered=False)
    return MARKERS[question_type](key, response)
