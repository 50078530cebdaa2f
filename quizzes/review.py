"""Plain-text descriptions of responses and answers for the review page (after submission)."""

from __future__ import annotations


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
    if kind == "short_text":  # wildcards read better as "…"
        accepted = [a["text"].replace("*", "…") for a in review["answers"] if a["credit"] >= 1]
        return " or ".join(accepted)
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
