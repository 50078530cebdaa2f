"""Freeze a question into an attempt: what the trainee may see, and the key only the server reads.

A snapshot is {"display": …, "key": …, "review": …}. Templates and JSON for an open attempt are
built from "display" alone, so correct answers, credits, zones and feedback cannot reach the browser
before submission. Option ids are random per attempt and say nothing about the answer.
"""

from __future__ import annotations

import random
import secrets

from quizzes.marking import parse_number
from quizzes.short_text import OPTIONS as SHORT_TEXT_OPTIONS


def _token(rng: random.Random) -> str:
    return f"{rng.getrandbits(48):012x}"


def _shuffled(items: list, rng: random.Random, shuffle: bool) -> list:
    items = list(items)
    if shuffle:
        rng.shuffle(items)
    return items


def _choice(value, rng, shuffle):
    options = [
        {
            "id": _token(rng),
            "text": option["text"],
            "credit": float(option["credit"]),
            "feedback": option["feedback"],
        }
        for option in value["options"]
    ]
    display = {
        "options": [{"id": o["id"], "text": o["text"]} for o in _shuffled(options, rng, shuffle)]
    }
    key = {"options": [{"id": o["id"], "credit": o["credit"]} for o in options]}
    review = {
        "options": {o["id"]: {"credit": o["credit"], "feedback": o["feedback"]} for o in options}
    }
    return display, key, review


def _true_false(value, rng, shuffle):
    return (
        {},
        {"answer": bool(value["answer"])},
        {
            "answer": bool(value["answer"]),
            "feedback": {"true": value["feedback_true"], "false": value["feedback_false"]},
        },
    )


def _number(value) -> float | None:
    number = parse_number(value) if value is not None else None
    return float(number) if number is not None else None


def _numeric(value, rng, shuffle):
    answers = []
    for answer in value["answers"]:
        item = {"credit": float(answer["credit"])}
        if answer.get("minimum") is not None and answer.get("maximum") is not None:
            item.update(min=_number(answer["minimum"]), max=_number(answer["maximum"]))
        else:
            item.update(value=_number(answer["value"]), tolerance=_number(answer["tolerance"]) or 0)
        answers.append(item)
    return (
        {"unit": value["unit"]},
        {"answers": answers},
        {"answers": answers, "unit": value["unit"]},
    )


def short_text_key(value) -> dict:
    """Each accepted answer with its marking options, frozen: later edits to the options never
    change how a started attempt is marked."""
    answers = [
        {
            "text": a["text"],
            "credit": float(a["credit"]),
            **{name: bool(a.get(name, False)) for name in SHORT_TEXT_OPTIONS},
        }
        for a in value["answers"]
    ]
    return {"answers": answers, "case_sensitive": bool(value["case_sensitive"])}


def short_text_default_answer(answers) -> str:
    """The first full-credit answer that is not a wildcard pattern ("" if every one is)."""
    return next((a["text"] for a in answers if a["credit"] >= 1 and "*" not in a["text"]), "")


def _short_text(value, rng, shuffle):
    key = short_text_key(value)
    model_answer = (value.get("model_answer") or "").strip()
    review = {
        "answers": key["answers"],
        "model_answer": model_answer or short_text_default_answer(key["answers"]),
    }
    return {}, key, review


def choice_text(text: str) -> str:
    """Matching choices that read the same are one choice (spacing is not visible)."""
    return " ".join(str(text).split())


def _matching(value, rng, shuffle):
    """One choice per distinct text, as in Moodle: prompts that share an answer share its
    choice, so matching every prompt right gives full marks, and the display shows no more
    than the choice list itself (not which prompts share)."""
    prompts = [{"id": _token(rng), "text": pair["prompt"]} for pair in value["pairs"]]
    choices: dict[str, dict] = {}
    for text in [pair["answer"] for pair in value["pairs"]] + list(value["distractors"]):
        if choice_text(text) not in choices:
            choices[choice_text(text)] = {"id": _token(rng), "text": text}
    shown = _shuffled(list(choices.values()), rng, True)  # always shuffled: order gives it away
    display = {"prompts": _shuffled(prompts, rng, shuffle), "choices": shown}
    pairs = list(zip(prompts, value["pairs"], strict=True))
    key = {"pairs": {p["id"]: choices[choice_text(pair["answer"])]["id"] for p, pair in pairs}}
    review = {"pairs": {p["id"]: pair["answer"] for p, pair in pairs}}
    return display, key, review


def _ordering(value, rng, shuffle):
    items = [{"id": _token(rng), "text": text} for text in value["items"]]
    display_items = _shuffled(items, rng, True)
    if len(items) > 1:
        while display_items == items:  # never show the answer as the starting order
            rng.shuffle(display_items)
    key = {"order": [item["id"] for item in items], "partial": bool(value["partial"])}
    return {"items": display_items}, key, {"order": [item["text"] for item in items]}


def coordinate_numbers(text: str) -> list[float]:
    """'x, y, r' (commas or semicolons) as numbers; ValueError if any part is not a number."""
    return [float(part) for part in str(text).replace(";", ",").split(",") if part.strip()]


def parse_coords(shape: str, text: str):
    numbers = coordinate_numbers(text)
    if shape == "polygon":
        return [[numbers[i], numbers[i + 1]] for i in range(0, len(numbers) - 1, 2)]
    return numbers


def _hotspot(value, rng, shuffle):
    image = value["image"]
    zones = [
        {
            "shape": zone["shape"],
            "coords": parse_coords(zone["shape"], zone["coords"]),
            "credit": float(zone["credit"]),
        }
        for zone in value["zones"]
    ]
    display = {
        "image_url": image.file.url if image else "",
        "width": image.width if image else 0,
        "height": image.height if image else 0,
        "alt": value["image_alt"],
    }
    return display, {"zones": zones}, {"zones": zones}


BUILDERS = {
    "single_choice": _choice,
    "multiple_response": _choice,
    "true_false": _true_false,
    "numeric": _numeric,
    "short_text": _short_text,
    "matching": _matching,
    "ordering": _ordering,
    "hotspot": _hotspot,
}


def prefetch_answer_blocks(questions) -> None:
    """Convert every question's answer block in one batch per block type, so the images of many
    hotspot questions cost one query, not one each."""
    by_type: dict[str, list] = {}
    for question in questions:
        if len(question.body):
            raw = question.body.raw_data[0]
            by_type.setdefault(raw["type"], []).append((question, raw))
    for type_name, pairs in by_type.items():
        block = pairs[0][0].body.stream_block.child_blocks[type_name]
        values = block.bulk_to_python([raw["value"] for _, raw in pairs])
        for (question, raw), value in zip(pairs, values, strict=True):
            question.body[0] = (type_name, value, raw.get("id"))


def question_snapshot(question, *, rng: random.Random, shuffle_options: bool) -> dict:
    """Everything an attempt needs about a question, frozen as plain JSON."""
    block = question.body[0]
    display, key, review = BUILDERS[block.block_type](block.value, rng, shuffle_options)
    image = None
    if question.image_id and block.block_type != "hotspot":  # a hotspot shows its own image
        image = {"url": question.image.file.url, "alt": question.image_alt}
    scenario = None
    if question.scenario_id:
        scenario = {
            "id": question.scenario_id,
            "title": question.scenario.title,
            "vignette": str(question.scenario.vignette),
        }
    return {
        "type": block.block_type,
        "question_id": question.pk,
        "revision_id": question.latest_revision_id,
        "points": str(question.points),
        "critical": question.critical,
        "display": {"stem": str(question.stem), "image": image, "scenario": scenario, **display},
        "key": key,
        "review": {
            **review,
            "general_feedback": str(question.general_feedback),
            "critical_reason": question.critical_reason,
        },
    }


def new_seed() -> int:
    return secrets.randbits(62)
