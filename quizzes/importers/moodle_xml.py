"""Moodle XML into neutral ParsedQuestion records (pure: no database).

Parsed with defusedxml and any DTD refused (Moodle XML never has one), so external entities
(XXE) and entity-expansion bombs stop at the parser. Locations are element paths such as
/quiz/question[3]/answer[2]. Categories keep their last path segment (see gift.category_name).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml import ElementTree as SafeElementTree
from django.utils.translation import ngettext

from quizzes.importers.gift import category_name
from quizzes.importers.images import image_from_base64
from quizzes.importers.model import (
    ParsedQuestion,
    ParseProblem,
    ParseResult,
    QuestionFileError,
    QuestionProblem,
    Unsupported,
    check_distinct_texts,
    check_size,
    decode_utf8,
    full_credit_shares,
    matching_distractors,
    max_questions,
)
from quizzes.importers.moodle_xml_text import (
    PLUGINFILE_IMG,
    alt_for,
    field_text,
    format_of,
    plain,
    rich,
    tag_names,
    unkept_feedback,
)
from quizzes.importers.numbers import number as parse_number
from quizzes.importers.text import title_from, to_plain, to_rich_text

SKIPPED = {
    "essay": "Essay questions are skipped: the engine cannot mark free text.",
    "description": "Description items are skipped: the engine has no text-only item type.",
    "multianswer": "Embedded-answer (cloze) questions are skipped: the engine has no such type.",
    "cloze": "Embedded-answer (cloze) questions are skipped: the engine has no such type.",
    "calculated": "Calculated questions are skipped: the engine has no formula questions.",
    "calculatedsimple": "Calculated questions are skipped: the engine has no formula questions.",
    "calculatedmulti": "Calculated questions are skipped: the engine has no formula questions.",
    "random": "Random-question placeholders are skipped: they belong to a Moodle quiz.",
    "randomsamatch": "Random short-answer matching is skipped: the engine has no such type.",
}
_DECLARED_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
IMAGE_NAME = re.compile(r"\.(png|jpe?g|gif|webp|svg|bmp|tiff?)$", re.IGNORECASE)


def parse_moodle_xml(data: bytes) -> ParseResult:
    check_size(data)
    decode_utf8(data)
    declared = _DECLARED_ENCODING.match(data.lstrip()[:200])
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise QuestionFileError(
            "line 1", f"The file declares {declared.group(1).decode()}; save it as UTF-8."
        )
    root = _parse_safely(data)
    if root.tag != "quiz":
        raise QuestionFileError(f"/{root.tag[:40]}", "The root element must be <quiz>.")
    result = ParseResult()
    category = ""
    limit = max_questions()
    for index, element in enumerate(root.findall("question"), start=1):
        location = f"/quiz/question[{index}]"
        qtype = element.get("type", "")
        if qtype == "category":
            category = category_name(field_text(element, "category"))
            continue
        title = " ".join(field_text(element, "name").split())
        try:
            item = _question(element, qtype, location, title, category)
        except QuestionProblem as problem:
            skipped = isinstance(problem, Unsupported)  # the engine cannot hold it
            item = ParseProblem(problem.location or location, problem.message, skipped,
                                source_type=qtype if skipped else "", title=title)  # fmt: skip
        (result.questions if isinstance(item, ParsedQuestion) else result.problems).append(item)
        if len(result.questions) + len(result.problems) > limit:
            raise QuestionFileError("file", f"The file holds more than {limit:,} questions.")
    return result


def _parse_safely(data: bytes) -> Element:
    try:
        return SafeElementTree.fromstring(data, forbid_dtd=True)
    except DTDForbidden:
        line = data[: max(data.find(b"<!DOCTYPE"), 0)].count(b"\n") + 1
        raise QuestionFileError(
            f"line {line}",
            "The file declares a DTD (<!DOCTYPE …>). Moodle XML needs none, and DTDs allow "
            "entity attacks (external entities, entity expansion), so it is refused.",
        ) from None
    except DefusedXmlException as error:
        raise QuestionFileError("file", f"Refused unsafe XML: {type(error).__name__}.") from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        message = str(error).split(":")[0]
        raise QuestionFileError(
            f"line {line}, column {column + 1}", f"The XML is not well-formed ({message})."
        ) from None


def fraction(value: str | None, where: str, low=-100, high=100) -> Decimal:
    text = (value or "0").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise QuestionProblem(f"The fraction '{text[:20]}' is not a number.", where) from None
    if not number.is_finite():
        raise QuestionProblem(f"The fraction '{text[:20]}' is not a number.", where)
    if not Decimal(low) <= number <= Decimal(high):
        raise Unsupported(
            f"The fraction {text[:20]}% cannot be represented here: use {low}% to {high}%.", where
        )
    return number


def _points(element: Element, location: str) -> Decimal:
    text = (element.findtext("defaultgrade") or "1").strip()
    where = f"{location}/defaultgrade"
    try:
        points = Decimal(text)
    except InvalidOperation:
        raise QuestionProblem(f"The default grade '{text[:20]}' is not a number.", where) from None
    if not points.is_finite():  # NaN would pass quantize and fail later comparisons
        raise QuestionProblem(f"The default grade '{text[:20]}' is not a finite number.", where)
    try:
        return points.quantize(Decimal("0.01"))
    except InvalidOperation:  # too many digits for the context
        raise Unsupported(f"The default grade '{text[:20]}' is too large.", where) from None


def _question(element: Element, qtype: str, location: str, title: str, category: str):
    if qtype in SKIPPED or qtype not in READERS:
        reason = SKIPPED.get(qtype, f"The question type '{qtype[:40]}' is not supported.")
        return ParseProblem(location, reason, skipped=True, source_type=qtype, title=title)
    question_text = element.find("questiontext")
    text_format = format_of(question_text)
    raw_stem = field_text(element, "questiontext")
    notes: list[str] = []
    image, image_alt = None, ""
    files = question_text.findall("file") if question_text is not None else []
    for number, file_element in enumerate(files, start=1):
        where = f"{location}/questiontext/file[{number}]"
        name = file_element.get("name", "image")
        if not IMAGE_NAME.search(name):
            notes.append(f"The attached file '{name[:80]}' was not kept: only images are imported.")
            continue
        parsed = image_from_base64(name, file_element.text, where)
        if image is None:
            image, image_alt = parsed, alt_for(raw_stem, name)
        else:
            notes.append(f"Only the first embedded image is kept; '{parsed.filename}' was not.")
    elsewhere = sum(1 for _ in element.iter("file")) - len(files) - (qtype == "ddmarker")
    if elsewhere > 0:
        where = "in feedback or answers"
        were = ngettext(f"file {where} was", f"files {where} were", elsewhere)
        notes.append(f"{elsewhere} {were} not kept.")
    legacy = element.find("image_base64")  # Moodle 1.9 kept one picture beside the text
    if image is None and legacy is not None and (legacy.text or "").strip():
        name = (element.findtext("image") or "image").strip()
        image = image_from_base64(name, legacy.text, f"{location}/image_base64")
    embedded = PLUGINFILE_IMG.sub(lambda m: "" if "@@PLUGINFILE@@" in m[0] else m[0], raw_stem)
    stem = to_rich_text(embedded, text_format, notes)  # notes the other images and links
    kind, answer, background = READERS[qtype](element, location, notes)
    if background is not None:
        if image is not None:
            notes.append("The question text's image was not kept: the hotspot shows its own.")
        image, image_alt = background, f"Image for: {title or title_from(stem)}"[:300]
        answer["image_alt"] = image_alt
    notes.extend(unkept_feedback(element))
    return ParsedQuestion(
        location=location,
        kind=kind,
        title=(title or title_from(stem))[:200],
        stem=stem,
        answer=answer,
        points=_points(element, location),
        general_feedback=rich(element, "generalfeedback", text_format),
        category=category,
        image=image,
        image_alt=image_alt,
        notes=notes,
        tags=tag_names(element),
    )


def _answers(element: Element, location: str):
    for number, answer in enumerate(element.findall("answer"), start=1):
        yield f"{location}/answer[{number}]", answer


def _multichoice(element, location, notes):
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    options, weights, positive = [], [], Decimal(0)
    for where, answer in _answers(element, location):
        weight = fraction(answer.get("fraction"), where)
        positive += max(weight, Decimal(0))
        weights.append(weight)
        text = plain(answer, "", "html")
        if not text:
            raise QuestionProblem("An option has no text.", where)
        feedback = plain(answer.find("feedback"), "", "html")
        options.append({"text": text, "credit": float(weight / 100), "feedback": feedback})
    if not single and abs(positive - 100) > Decimal("0.5"):
        raise QuestionProblem(
            f"The right options' fractions add up to {positive:g}%, not 100%.", location
        )
    if not single:
        for option, credit in zip(options, full_credit_shares(weights), strict=True):
            option["credit"] = credit
    places = [where for where, _ in _answers(element, location)]
    texts, credits = [o["text"] for o in options], [o["credit"] for o in options]
    check_distinct_texts(texts, places, "options", credits)
    return ("single_choice" if single else "multiple_response"), {"options": options}, None


def _truefalse(element, location, notes):
    feedback, answer_true = {"true": "", "false": ""}, None
    for where, answer in _answers(element, location):
        text = field_text(answer, "").strip().lower()
        if text not in feedback:
            raise QuestionProblem(
                f"A true/false answer must be 'true' or 'false', not '{text[:20]}'.", where
            )
        feedback[text] = plain(answer.find("feedback"), "", "html")
        if fraction(answer.get("fraction"), where) == 100:
            answer_true = text == "true"
    if answer_true is None:
        raise QuestionProblem("Neither 'true' nor 'false' has fraction 100.", location)
    value = {"answer": answer_true, "feedback_true": feedback["true"]}
    return "true_false", value | {"feedback_false": feedback["false"]}, None


def _shortanswer(element, location, notes):
    answers = []
    for where, answer in _answers(element, location):
        text = to_plain(field_text(answer, ""), "plain")  # Moodle compares it as typed
        weight = fraction(answer.get("fraction"), where, low=0)
        if not text:
            raise QuestionProblem("An accepted answer is empty.", where)
        if plain(answer.find("feedback"), ""):
            notes.append(f"Feedback for '{text}' was not kept.")
        answers.append({"text": text, "credit": float(weight / 100)})
    case_sensitive = (element.findtext("usecase") or "0").strip() == "1"
    return "short_text", {"answers": answers, "case_sensitive": case_sensitive}, None


def _numerical(element, location, notes):
    answers = []
    for where, answer in _answers(element, location):
        value = field_text(answer, "").strip()
        weight = fraction(answer.get("fraction"), where, low=0)
        if value == "*":
            if weight:
                raise Unsupported("A catch-all '*' answer earning credit cannot be kept.", where)
            notes.append("The feedback for any other answer (*) was not kept.")
            continue
        if plain(answer.find("feedback"), ""):
            notes.append(f"Feedback for the numeric answer '{value[:20]}' was not kept.")
        centre = parse_number(value, where, "answer")
        tolerance = parse_number(answer.findtext("tolerance") or "0", where, "tolerance")
        if tolerance < 0:
            raise QuestionProblem(f"The tolerance {tolerance} is negative.", where)
        answers.append(
            {"value": str(centre), "tolerance": str(tolerance), "minimum": None, "maximum": None,
             "credit": float(weight / 100)}
        )  # fmt: skip
    unit, dropped = "", []
    for unit_element in element.findall("units/unit"):
        name = " ".join((unit_element.findtext("unit_name") or "").split())
        try:  # "1", "1.0", "1.00", "1e0": compared as numbers, not as text
            main = Decimal((unit_element.findtext("multiplier") or "1").strip()) == 1
        except InvalidOperation:
            main = False
        if main and not unit:
            unit = name[:30]
        elif name:
            dropped.append(f"'{name[:30]}'")
    if dropped:
        kept = f"only the main unit '{unit}' is kept" if unit else "no unit has multiplier 1"
        units = ngettext("The unit {} was", "The units {} were", len(dropped))
        notes.append(f"{units.format(', '.join(dropped))} not kept: {kept}.")
    return "numeric", {"answers": answers, "unit": unit}, None


def _matching(element, location, notes):
    pairs, distractors, places = [], [], []
    for number, sub in enumerate(element.findall("subquestion"), start=1):
        where = f"{location}/subquestion[{number}]"
        prompt = plain(sub, "", "html")
        answer = " ".join(field_text(sub, "answer").split())
        if not answer:
            raise QuestionProblem("A subquestion has no answer.", where)
        if prompt:
            pairs.append({"prompt": prompt, "answer": answer})
            places.append(where)
        elif field_text(sub, "").strip():  # e.g. only an <img>: not a distractor
            raise Unsupported(
                "A subquestion has no text after conversion (an image alone cannot be shown); "
                "only an empty subquestion makes a distractor.",
                where,
            )
        else:
            distractors.append((answer, where))
    kept = matching_distractors(pairs, distractors, places.__getitem__, notes)
    return "matching", {"pairs": pairs, "distractors": kept}, None


ORDERING_GRADING = {"ALL_OR_NOTHING": False, "-1": False, "ABSOLUTE_POSITION": True, "0": True}


def _ordering(element, location, notes):
    """qtype_ordering: each answer's fraction is its position. The plugin's importer reads a
    missing <gradingtype> as RELATIVE and a missing <selecttype> as RANDOM with 6 items."""
    grading = (element.findtext("gradingtype") or "RELATIVE").strip().upper()
    if grading not in ORDERING_GRADING:
        raise Unsupported(
            f"The ordering grading type '{grading[:30]}' cannot be represented: the engine marks "
            "all or nothing (ALL_OR_NOTHING) or per position (ABSOLUTE_POSITION).",
            f"{location}/gradingtype",
        )
    entries = []
    for index, (where, answer) in enumerate(_answers(element, location)):
        entries.append((fraction(answer.get("fraction"), where, -1e6, 1e6), index, answer))
    select = (element.findtext("selecttype") or "RANDOM").strip().upper()
    count_text = (element.findtext("selectcount") or "6").strip()
    count = int(count_text) if count_text.isascii() and count_text.isdigit() else 6
    if select not in ("ALL", "0") and 0 < count < len(entries):
        raise Unsupported(
            f"This ordering question shows {count} of its {len(entries)} items ({select}); "
            "the engine always orders every item.",
            f"{location}/selecttype",
        )
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    items = [plain(answer, "", "html") for _, _, answer in entries]
    places = [f"{location}/answer[{index + 1}]" for _, index, _ in entries]
    check_distinct_texts(items, places, "items")
    return "ordering", {"items": items, "partial": ORDERING_GRADING[grading]}, None


SHAPES = {"circle": "circle", "rectangle": "rect", "polygon": "polygon"}


def _ddmarker(element, location, notes):
    """Moodle scores ddmarker as markers on their zones / max(zones, markers placed), so every
    zone needs its own marker; the engine gives full credit for one click in any zone. The two
    agree only for one marker and one zone."""
    markers, drops = element.findall("drag"), element.findall("drop")
    if len(markers) != 1:
        raise Unsupported(
            f"This ddmarker has {len(markers)} markers; the engine's hotspot has one."
        )
    if len(drops) != 1:
        raise Unsupported(
            f"This ddmarker has {len(drops)} drop zones: Moodle needs a marker on every zone for "
            "full marks, the engine's hotspot gives full marks for a click in any zone. Only a "
            "ddmarker with one marker and one zone is imported."
        )
    choice, marker_no = (drops[0].findtext("choice") or "1").strip(), markers[0].findtext("no")
    if choice != (marker_no or "1").strip():
        raise Unsupported(f"The drop zone expects marker {choice[:10]}, which does not exist.")
    background = element.find("file")
    if background is None:
        raise QuestionProblem("The ddmarker question has no background image.", location)
    image = image_from_base64(
        background.get("name", "background"), background.text, f"{location}/file"
    )
    zones = []
    for number, drop in enumerate(drops, start=1):
        where = f"{location}/drop[{number}]"
        shape = (drop.findtext("shape") or "").strip().lower()
        if shape not in SHAPES:
            raise Unsupported(f"The zone shape '{shape[:20]}' has no equivalent in the engine.")
        coords = (drop.findtext("coords") or "").replace(";", ",")
        numbers = [part.strip() for part in coords.split(",")]
        if not all(re.fullmatch(r"-?\d+(\.\d+)?", part) for part in numbers):
            raise QuestionProblem(f"The zone coordinates '{coords[:40]}' are not numbers.", where)
        zones.append({"shape": SHAPES[shape], "coords": ", ".join(numbers), "credit": 1.0})
    return "hotspot", {"image_alt": "", "zones": zones}, image


READERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
    "ordering": _ordering,
    "ddmarker": _ddmarker,
}
