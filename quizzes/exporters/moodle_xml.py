"""Questions out as Moodle XML, readable by Moodle's own importer (and ours).

Every engine type has a Moodle equivalent: ordering uses the qtype_ordering plugin and hotspot
becomes ddmarker (one marker, one full-credit zone; other hotspots are left out, as Moodle would
mark them differently). Numeric ranges become value ± tolerance; must-pass flags and a hotspot's
alt text have no Moodle field: each loss is reported as an ExportNote.
"""

from __future__ import annotations

import base64
import re
from decimal import Decimal
from xml.etree.ElementTree import Comment, Element, SubElement, indent, tostring  # writing only

from quizzes.exporters import (
    ExportNote,
    answer_values,
    items,
    percent,
    short_text_options_lost,
    tag_names,
)
from quizzes.exporters.gift import category_path

SHAPES = {"circle": "circle", "rect": "rectangle", "polygon": "polygon"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def _text(parent: Element, tag: str, text: str, text_format: str | None = None) -> Element:
    element = SubElement(parent, tag)
    if text_format:
        element.set("format", text_format)
    SubElement(element, "text").text = _NOT_XML.sub("", text or "")
    return element


def _value(parent: Element, tag: str, text) -> None:
    SubElement(parent, tag).text = _NOT_XML.sub("", str(text))


def _image_file(parent: Element, image) -> str:
    name = image.file.name.rsplit("/", 1)[-1]
    with image.file.open("rb") as handle:
        data = handle.read()
    file_element = SubElement(parent, "file", name=name, path="/", encoding="base64")
    file_element.text = base64.b64encode(data).decode("ascii")
    return name


def export_moodle_xml(questions) -> tuple[str, list[ExportNote]]:
    notes: list[ExportNote] = []
    quiz = Element("quiz")
    current = None
    ordered = sorted(questions, key=lambda q: (q.category.name if q.category else "", q.pk or 0))
    for question in ordered:
        category = question.category.name if question.category else None
        if category and category != current:
            wrapper = SubElement(quiz, "question", type="category")
            _text(wrapper, "category", category_path(category))
            current = category
        _question(quiz, question, notes)
    for position, note in enumerate(notes):
        label = "left out" if note.skipped else "note"
        text = " ".join(_NOT_XML.sub("", str(note)).replace("--", "- -").split())
        quiz.insert(position, Comment(f" {label}: {text} "))
    indent(quiz)
    body = tostring(quiz, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", notes


def _question(quiz: Element, question, notes: list[ExportNote]) -> None:
    kind, value = answer_values(question)
    if kind == "hotspot" and (reason := _hotspot_loss(value)):
        notes.append(ExportNote(question.title, reason, skipped=True))
        return
    qtype = {
        "single_choice": "multichoice",
        "multiple_response": "multichoice",
        "true_false": "truefalse",
        "numeric": "numerical",
        "short_text": "shortanswer",
        "matching": "matching",
        "ordering": "ordering",
        "hotspot": "ddmarker",
    }[kind]
    element = SubElement(quiz, "question", type=qtype)
    _text(element, "name", question.title)
    stem = question.stem
    question_text = _text(element, "questiontext", stem, "html")
    if question.image_id:
        name = _image_file(question_text, question.image)
        alt = re.sub(r'["<>&]', "", question.image_alt)
        question_text.find("text").text = (
            stem + f'<p><img src="@@PLUGINFILE@@/{name}" alt="{alt}"></p>'
        )
    _text(element, "generalfeedback", question.general_feedback, "html")
    _value(element, "defaultgrade", question.points)
    _value(element, "penalty", "0")
    _value(element, "hidden", "0")
    if question.critical:
        notes.append(ExportNote(question.title, "Moodle has no must-pass flag; it is dropped."))
    if question.scenario_id:
        notes.append(ExportNote(question.title, "The case scenario is not exported."))
    WRITERS[kind](element, value, question, notes)
    if names := tag_names(question):
        tags = SubElement(element, "tags")
        for name in names:
            _text(tags, "tag", name)


def _choice(element, value, question, notes):
    _value(element, "single", "true" if question.question_type == "single_choice" else "false")
    _value(element, "shuffleanswers", "true")
    _value(element, "answernumbering", "abc")
    for option in items(value["options"]):
        answer = _text(element, "answer", option["text"], "plain_text")
        answer.set("fraction", percent(option["credit"]))
        _text(answer, "feedback", option.get("feedback", ""), "plain_text")


def _true_false(element, value, question, notes):
    for label, truth in (("true", True), ("false", False)):
        answer = _text(element, "answer", label, "moodle_auto_format")
        answer.set("fraction", "100" if value["answer"] == truth else "0")
        _text(answer, "feedback", value[f"feedback_{label}"], "plain_text")


def _numeric(element, value, question, notes):
    for entry in items(value["answers"]):
        if entry.get("minimum") is not None and entry.get("maximum") is not None:
            low, high = Decimal(str(entry["minimum"])), Decimal(str(entry["maximum"]))
            centre, tolerance = (low + high) / 2, (high - low) / 2
            notes.append(
                ExportNote(
                    question.title,
                    f"The range {low}..{high} is written as {centre} ± "
                    f"{tolerance} (Moodle has no ranges).",
                )  # fmt: skip
            )
        else:
            centre, tolerance = entry["value"], entry.get("tolerance") or 0
        answer = _text(element, "answer", str(centre))
        answer.set("fraction", percent(entry["credit"]))
        _value(answer, "tolerance", tolerance)
    if value.get("unit"):
        unit = SubElement(SubElement(element, "units"), "unit")
        _value(unit, "multiplier", "1")
        _value(unit, "unit_name", value["unit"])


def _short_text(element, value, question, notes):
    _value(element, "usecase", "1" if value.get("case_sensitive") else "0")
    if value.get("model_answer"):
        notes.append(ExportNote(question.title, "Moodle has no model answer; it is not exported."))
    if lost := short_text_options_lost(value, "Moodle XML"):
        notes.append(ExportNote(question.title, lost))
    for entry in items(value["answers"]):
        answer = _text(element, "answer", entry["text"], "plain_text")  # as typed: C5<C6
        answer.set("fraction", percent(entry["credit"]))


def _matching(element, value, question, notes):
    _value(element, "shuffleanswers", "true")
    for pair in items(value["pairs"]):
        sub = _text(element, "subquestion", pair["prompt"], "plain_text")
        _text(sub, "answer", pair["answer"])
    for distractor in items(value.get("distractors")):
        sub = _text(element, "subquestion", "", "plain_text")
        _text(sub, "answer", distractor)


def _ordering(element, value, question, notes):
    _value(element, "layouttype", "VERTICAL")
    _value(element, "selecttype", "ALL")
    _value(element, "selectcount", len(items(value["items"])))
    _value(
        element, "gradingtype", "ABSOLUTE_POSITION" if value.get("partial") else "ALL_OR_NOTHING"
    )
    for position, text in enumerate(items(value["items"]), start=1):
        answer = _text(element, "answer", text, "plain_text")
        answer.set("fraction", str(position))


def _hotspot_loss(value) -> str:
    """Why this hotspot cannot be a ddmarker that marks the same, or "" if it can. Moodle needs a
    marker on every zone (hits / max(zones, markers)) and its zones earn full credit only."""
    zones = items(value["zones"])
    if len(zones) != 1:
        return (
            f"not exported: it has {len(zones)} zones and a click in any earns credit, but a "
            "Moodle ddmarker needs a marker on every zone, so Moodle would mark it differently."
        )
    if float(zones[0].get("credit", 1)) != 1:
        return (
            "not exported: its zone earns partial credit and ddmarker zones earn full credit "
            "only, so Moodle would mark it differently."
        )
    return ""


def _hotspot(element, value, question, notes):
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=value["image"]).first()
    if image is not None:
        _image_file(element, image)
    notes.append(ExportNote(question.title, "ddmarker has no alt text for its background."))
    drag = SubElement(element, "drag")
    _value(drag, "no", "1")
    _value(drag, "text", "Marker")
    _value(drag, "noofdrags", "1")
    for number, zone in enumerate(items(value["zones"]), start=1):
        parts = [part for part in re.split(r"[\s,;]+", str(zone["coords"])) if part]
        pairs = [",".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]
        drop = SubElement(element, "drop")
        _value(drop, "text", "")
        _value(drop, "no", number)
        _value(drop, "shape", SHAPES[zone["shape"]])
        _value(drop, "coords", ";".join(pairs))
        _value(drop, "choice", "1")


WRITERS = {
    "single_choice": _choice,
    "multiple_response": _choice,
    "true_false": _true_false,
    "numeric": _numeric,
    "short_text": _short_text,
    "matching": _matching,
    "ordering": _ordering,
    "hotspot": _hotspot,
}
