"""questions.yaml ↔ the question bank: parse and validate (no writes), and export.

Parsing runs every question through the engine's own checks (the answer block's `clean`,
`Question.full_clean`) and reports each problem at its file and line; the item-writing checks
(quizzes/checks.py) come back as warnings, separate from problems. See packages/FORMAT.md.
Writing lives in packages/bank_write.py.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder

from packages.problems import Problem
from packages.question_yaml import MAX_POINTS, TYPES, answer_export, answer_parse
from packages.yaml_values import Reader, depth_problem, number_out, without_block_keys
from quizzes.checks import item_warnings
from quizzes.item_review import item_view
from quizzes.models import Question
from quizzes.quiz_checks import check_longest_key_share

KEY = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
MAX_QUESTIONS = 10_000
# YAML name -> Question field, for the problems Question.full_clean reports
MODEL_FIELDS = {
    "title": "title",
    "stem": "stem",
    "image_alt": "image_alt",
    "points": "points",
    "must_pass": "critical",
    "must_pass_reason": "critical_reason",
    "feedback": "general_feedback",
}
COMMON = (
    "key",
    "title",
    "type",
    "category",
    "tags",
    "scenario",
    "variant_set",
    "stem",
    "image",
    "image_alt",
    "points",
    "must_pass",
    "must_pass_reason",
    "feedback",
)


@dataclass
class ParsedQuestion:
    key: str
    line: int | None
    kind: str
    entry: dict  # the canonical questions.yaml entry (what export writes back)
    fields: dict  # Question model fields
    value: dict  # the answer block's database value (a hotspot's image is set on writing)
    category: str = ""
    tags: tuple[str, ...] = ()
    scenario: str = ""  # scenario key
    variant_set: str = ""
    image: str = ""  # asset path inside the package


@dataclass
class ParsedBank:
    file: str
    name: str = ""
    description: str = ""
    categories: dict[str, dict] = field(default_factory=dict)  # name -> {parent, description}
    variant_sets: dict[str, str] = field(default_factory=dict)  # name -> objective
    scenarios: dict[str, dict] = field(default_factory=dict)  # key -> {title, vignette}
    questions: dict[str, ParsedQuestion] = field(default_factory=dict)  # key -> question
    lines: dict[str, int | None] = field(default_factory=dict)  # "question:key" etc -> line

    @property
    def assets(self) -> set[str]:
        return {q.image for q in self.questions.values() if q.image}


def bank_parse(data, *, file: str, assets=None) -> tuple[ParsedBank, list[Problem], list[Problem]]:
    """questions.yaml's data → (ParsedBank, problems, warnings). Never raises for bad data.

    `assets`: the package's asset paths, if known, so a missing image is a problem here."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    parsed = ParsedBank(file=file)
    if depth_problem(data):
        return parsed, [Problem(file, getattr(data, "line", None), "nested too deeply")], []
    top = Reader(data, file=file, problems=problems)
    if not top.ok:
        return parsed, problems, warnings
    top.unknown({"bank", "categories", "variant_sets", "scenarios", "questions"})
    bank = top.child(top.raw("bank"), top.line_of("bank"), "bank")
    if bank.ok:
        bank.unknown({"name", "description"})
        parsed.name = bank.text("name", max_length=120, blank=False)
        parsed.description = bank.text("description", default="")
    _categories(top, parsed)
    for entry, line in top.items("variant_sets", default=[]):
        item = top.child(entry, line, "variant_sets")
        item.unknown({"name", "objective"})
        name = item.text("name", max_length=120, blank=False)
        if name in parsed.variant_sets:
            item.problem("name", f"the variant set “{name}” is listed twice")
        elif name:
            parsed.variant_sets[name] = item.text("objective", default="")
    for entry, line in top.items("scenarios", default=[]):
        item = top.child(entry, line, "scenarios")
        item.unknown({"key", "title", "vignette"})
        key = _key(item)
        scenario = {
            "title": item.text("title", max_length=200, blank=False),
            "vignette": item.text("vignette", rich=True, blank=False),
        }
        if key in parsed.scenarios:
            item.problem("key", f"the scenario “{key}” is listed twice")
        elif key:
            parsed.scenarios[key] = scenario
    entries = top.items("questions", default=[])
    if len(entries) > MAX_QUESTIONS:
        top.problem("questions", f"has {len(entries)} questions; at most {MAX_QUESTIONS}")
        entries = []
    items = []
    for entry, line in entries:
        question = _question(top.child(entry, line, "questions"), parsed, assets)
        if question is None:
            continue
        if question.key in parsed.questions:
            problems.append(Problem(file, line, f"the question key “{question.key}” is used twice"))
            continue
        parsed.questions[question.key] = question
        parsed.lines[f"question:{question.key}"] = line
        item = item_of(question, parsed)
        items.append(item)
        warnings.extend(_warning(file, line, w) for w in item_warnings(item))
    warnings.extend(
        Problem(file, None, f"{w.label}: {w.explanation}") for w in check_longest_key_share(items)
    )
    return parsed, problems, warnings


def _warning(file, line, warning) -> Problem:
    return Problem(file, line, f"{warning.item_title}: {warning.label}: {warning.explanation}")


def _key(reader: Reader) -> str:
    key = reader.text("key", max_length=100, blank=False)
    if key and not KEY.match(key):
        reader.problem(
            "key", "use lower-case letters, digits, - and _ (e.g. pregnancy-first-trimester)"
        )
        return ""
    return key


def _categories(top: Reader, parsed: ParsedBank) -> None:
    rows = []
    for entry, line in top.items("categories", default=[]):
        item = top.child(entry, line, "categories")
        item.unknown({"name", "parent", "description"})
        name = item.text("name", max_length=120, blank=False)
        parent = item.text("parent", default="", max_length=120)
        if name in parsed.categories:
            item.problem("name", f"the category “{name}” is listed twice")
        elif name:
            parsed.categories[name] = {
                "parent": parent,
                "description": item.text("description", default=""),
            }
            rows.append((name, item))
    for name, item in rows:
        parent = parsed.categories[name]["parent"]
        if parent and parent not in parsed.categories:
            item.problem("parent", f"“{parent}” is not a category listed in this file")
            continue
        seen = [name]
        while parent and parent in parsed.categories and parent not in seen:
            seen.append(parent)
            parent = parsed.categories[parent]["parent"]
        if parent == name:
            item.problem("parent", f"“{name}” would sit inside itself ({' › '.join(seen)})")


def _question(reader: Reader, parsed: ParsedBank, assets) -> ParsedQuestion | None:
    if not reader.ok:
        return None
    kind = reader.text("type", blank=False)
    if kind and kind not in TYPES:
        reader.problem("type", f"“{kind[:40]}” is not a question type (one of: {', '.join(TYPES)})")
    if kind in TYPES:
        reader.unknown(set(COMMON) | set(TYPES[kind]))
    key = _key(reader)
    start = len(reader.problems)
    if key:
        reader.where = f"question “{key}”"
    fields = {
        "title": reader.text("title", max_length=200, blank=False),
        "stem": reader.text("stem", rich=True, blank=False),
        "image_alt": reader.text("image_alt", default="", max_length=300),
        "points": reader.number("points", default=Decimal(1), low=Decimal(0), high=MAX_POINTS),
        "critical": reader.boolean("must_pass"),
        "critical_reason": reader.text("must_pass_reason", default="", max_length=300),
        "general_feedback": reader.text("feedback", default="", rich=True),
    }
    refs = {
        "category": (reader.text("category", default=""), parsed.categories, "category"),
        "scenario": (reader.text("scenario", default=""), parsed.scenarios, "scenario"),
        "variant_set": (reader.text("variant_set", default=""), parsed.variant_sets, "variant set"),
    }
    for name, (value, known_names, label) in refs.items():
        if value and value not in known_names:
            reader.problem(name, f"“{value[:60]}” is not a {label} listed in this file")
    tags = []
    for tag, line in reader.items("tags", default=[]):
        text = reader.child({"tag": tag}, line, "tags").text("tag", max_length=100, blank=False)
        if text and text not in tags:
            tags.append(text)
    image = reader.text("image", default="", max_length=255)
    if kind == "hotspot" and not image:
        reader.problem(None, "a hotspot needs an image (an asset path, e.g. assets/back.svg)")
    if image and assets is not None and image not in assets:
        reader.problem("image", f"“{image}” is not in the package's assets")
    if not kind or kind not in TYPES or not key:
        return None
    # a refused description is reported once, not again as missing by the hotspot block
    alt = fields["image_alt"] or ("-" if "image_alt" in reader.data else "")
    answer = answer_parse(reader, kind, hotspot_alt=alt)
    if len(reader.problems) > start or answer.value is None:
        return None
    question = Question(
        body=json.dumps([{"type": kind, "value": answer.value}], cls=DjangoJSONEncoder), **fields
    )
    _model_checks(reader, question)
    if len(reader.problems) > start:
        return None
    entry = {"key": key, "title": fields["title"], "type": kind}
    for name, (value, _, _) in refs.items():
        if value:
            entry[name] = value
    if tags:
        entry["tags"] = sorted(tags)
    entry["stem"] = fields["stem"]
    for name, value, default in (
        ("image", image, ""),
        ("image_alt", fields["image_alt"], ""),
        ("points", number_out(fields["points"]), 1),
        ("must_pass", fields["critical"], False),
        ("must_pass_reason", fields["critical_reason"], ""),
    ):
        if value != default:
            entry[name] = value
    entry.update(answer.canonical)
    if fields["general_feedback"]:
        entry["feedback"] = fields["general_feedback"]
    if kind == "hotspot":
        fields["image_alt"] = ""  # the block holds the hotspot's image and its description
    return ParsedQuestion(
        key=key,
        line=reader.line,
        kind=kind,
        entry=entry,
        fields=fields,
        value=answer.value,
        category=refs["category"][0],
        tags=tuple(tags),
        scenario=refs["scenario"][0],
        variant_set=refs["variant_set"][0],
        image=image,
    )


def _model_checks(reader: Reader, question: Question) -> None:
    """Question.full_clean on the fields the YAML sets (and Question.clean's own rules)."""
    checked = set(MODEL_FIELDS.values())
    exclude = [f.name for f in Question._meta.fields if f.name not in checked]
    try:
        question.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        names = {model: yaml for yaml, model in MODEL_FIELDS.items()}
        for name, messages in error.message_dict.items():
            key = names.get(name)
            if key == "must_pass_reason" and key not in reader.data:
                key = "must_pass"
            for message in messages:
                reader.problem(key, message)


def item_of(question: ParsedQuestion, parsed: ParsedBank):
    """The question as the item-writing checks read it (quizzes/item_review.item_view)."""
    model = Question(
        body=json.dumps([{"type": question.kind, "value": question.value}], cls=DjangoJSONEncoder),
        **question.fields,
    )
    scenario = parsed.scenarios.get(question.scenario, {})
    item = item_view(model)
    return dataclasses.replace(item, title=question.key, context=scenario.get("vignette", ""))


def question_entry(question: Question, *, image_path=None) -> dict:
    """A stored question as its canonical questions.yaml entry (what bank_parse produces).

    Reads the body's raw data, so a hotspot's image costs no query; `image_path(pk)` names it."""
    raw = question.body.raw_data[0]
    kind, value = raw["type"], raw["value"]
    entry = {"key": question.key, "title": question.title, "type": kind}
    if question.category_id:
        entry["category"] = question.category.name
    if question.scenario_id:
        entry["scenario"] = scenario_key(question.scenario)
    if question.variant_set_id:
        entry["variant_set"] = question.variant_set.name
    tags = sorted(tag.name for tag in question.tags.all())
    if tags:
        entry["tags"] = tags
    entry["stem"] = without_block_keys(question.stem)
    image = value.get("image") if kind == "hotspot" else question.image_id
    image_alt = value.get("image_alt") if kind == "hotspot" else question.image_alt
    for name, current, default in (
        ("image", image_path(image) if image and image_path else "", ""),
        ("image_alt", image_alt or "", ""),
        ("points", number_out(question.points), 1),
        ("must_pass", question.critical, False),
        ("must_pass_reason", question.critical_reason, ""),
    ):
        if current != default:
            entry[name] = current
    entry.update(answer_export(kind, value))
    if question.general_feedback:
        entry["feedback"] = without_block_keys(question.general_feedback)
    return entry


def scenario_key(scenario) -> str:
    from django.utils.text import slugify

    return scenario.key or slugify(scenario.title)[:90] or f"scenario-{scenario.pk}"
