"""Numbers in imported answers: strict, finite and short, so nothing odd reaches the marker."""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from quizzes.importers.model import QuestionProblem, Unsupported

NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")


def number(raw: str, where: str, what: str = "number") -> Decimal:
    cleaned = raw.strip()
    if not NUMBER.fullmatch(cleaned) or len(cleaned) > 40:
        raise QuestionProblem(f"The {what} '{cleaned[:40]}' is not a number.", where)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern already guarantees a number
        raise QuestionProblem(f"The {what} '{cleaned[:40]}' is not a number.", where) from None
    # Attempts freeze numbers as floats (strict JSON): 1e400 would become inf, 1e-400 silently 0.
    as_float = float(value)
    if not math.isfinite(as_float) or (as_float == 0 and value != 0):
        raise Unsupported(  # a number, but not one an attempt can hold
            f"The {what} '{cleaned[:40]}' is out of range: numbers must be 0 or between about "
            "1e-308 and 1e308 in size.",
            where,
        )
    return value


def numeric_answer(value_text: str, credit: float, where: str) -> dict:
    """`2018`, `2018:2` (value:tolerance) or `1..5` (minimum..maximum)."""
    value_text = value_text.strip()
    if not value_text:
        raise QuestionProblem("A numeric answer is empty.", where)
    if ".." in value_text:
        low_text, _, high_text = value_text.partition("..")
        low, high = number(low_text, where, "minimum"), number(high_text, where, "maximum")
        if low > high:
            raise QuestionProblem(
                f"The range {low}..{high} is empty: the minimum is above the maximum.", where
            )
        return {"value": None, "tolerance": None, "minimum": str(low), "maximum": str(high),
                "credit": credit}  # fmt: skip
    value_text, _, tolerance_text = value_text.partition(":")
    value = number(value_text, where, "answer")
    tolerance = number(tolerance_text, where, "tolerance") if tolerance_text.strip() else Decimal(0)
    if tolerance < 0:
        raise QuestionProblem(f"The tolerance {tolerance} is negative.", where)
    return {"value": str(value), "tolerance": str(tolerance), "minimum": None, "maximum": None,
            "credit": credit}  # fmt: skip
