"""Plain-text descriptions of responses and answers for the review page (after submission)."""

from __future__ import annotations

from quizzes.snapshots import short_text_default_answer


def _option_text(display: dict, option_id: str) -> str:
    return next((o["text"] for o in display.get("options", []) if o["id"] == option_id), "?")


def response_text(row) -> str:
    snapshot, response = row.snapshot, row.response or {}
    kind, display = snapshot["type"], snapshot["display"]
    if not response:
        return "No answer"
    if kind == "single_choice":
        return _option_text(display, response["choice"])
    if kind == "multiple_response":
        return "; ".join(_option_text(display, c) for c in response["choices"])
    if kind == "true_false":
        return response["value"].capitalize()
    if kind == "numeric":
        return f"{response['value']} {display.get('unit') or ''}".strip()
    if kind == "short_text":
        return response["text"]
    if kind == "matching":
        prompts = {p["id"]: p["text"] for p in display["prompts"]}
        choices = {c["id"]: c["text"] for c in display["choices"]}
        return "; ".join(
            f"{prompts.get(p, '?')} → {choices.get(c, '?')}" for p, c in response["matches"].items()
        )
    if kind == "ordering":
        items = {i["id"]: i["text"] for i in display["items"]}
        return " → ".join(items.get(i, "?") for i in response["order"])
    if kind == "hotspot":
        return f"marker at ({response['x']:.0f}, {response['y']:.0f})"
    return ""


def _number_range(answer: dict) -> str:
    if answer.get("min") is not None:
        return f"{answer['min']:g} to {answer['max']:g}"
    tolerance = answer.get("tolerance") or 0
    return f"{answer['value']:g}" + (f" ± {tolerance:g}" if tolerance else "")


def _pattern_in_words(pattern: str) -> str:
    """'*local twitch*' → 'any answer containing “local twitch”': a marking pattern is not an
    answer, so it is described, never shown."""
    parts = [part.strip() for part in pattern.split("*")]
    start, middle, end = parts[0], [p for p in parts[1:-1] if p], parts[-1]
    if len(parts) == 1:
        return pattern
    phrases = ([f"starting with “{start}”"] if start else []) + [
        f"containing “{part}”" for part in middle
    ]
    phrases += [f"ending in “{end}”"] if end else []
    if not phrases:
        return "any answer"
    return (
        "any answer "
        + (", ".join(phrases[:-1]) + " and " if len(phrases) > 1 else "")
        + (phrases[-1])
    )


def short_text_model_answer(review: dict) -> str:
    """The model answer frozen in the snapshot; snapshots frozen before model answers existed
    fall back to the first full-credit literal answer, then to the best pattern in words."""
    answers = review["answers"]
    model_answer = review.get("model_answer") or short_text_default_answer(answers)
    if model_answer:
        return model_answer
    best = max(answers, key=lambda a: a["credit"], default=None)
    return _pattern_in_words(best["text"]) if best else ""


def correct_text(row) -> str:
    snapshot = row.snapshot
    kind, display, review = snapshot["type"], snapshot["display"], snapshot["review"]
    if kind in ("single_choice", "multiple_response"):
        right = [oid for oid, info in review["options"].items() if info["credit"] > 0]
        return "; ".join(_option_text(display, oid) for oid in right)
    if kind == "true_false":
        return "True" if review["answer"] else "False"
    if kind == "numeric":
        unit = review.get("unit") or ""
        full = [a for a in review["answers"] if a["credit"] >= 1] or review["answers"]
        return " or ".join(f"{_number_range(a)} {unit}".strip() for a in full)
    if kind == "short_text":
        return short_text_model_answer(review)
    if kind == "matching":
        prompts = {p["id"]: p["text"] for p in display["prompts"]}
        return "; ".join(f"{prompts[p]} → {answer}" for p, answer in review["pairs"].items())
    if kind == "ordering":
        return " → ".join(review["order"])
    if kind == "hotspot":
        return "a marker inside the green area on the image"
    return ""


def option_feedback(row) -> list[str]:
    snapshot, response = row.snapshot, row.response or {}
    kind, review = snapshot["type"], snapshot["review"]
    if kind in ("single_choice", "multiple_response"):
        chosen = [response["choice"]] if "choice" in response else response.get("choices", [])
        return [
            review["options"][c]["feedback"] for c in chosen if review["options"][c]["feedback"]
        ]
    if kind == "true_false" and response.get("value"):
        text = review["feedback"].get(response["value"])
        return [text] if text else []
    return []
