"""One question ↔ its questions.yaml entry, for every question type the engine has.

The answer fields are named as in the type's StreamField block (quizzes/blocks.py), so a block's
own validation error ("options[2].credit: …") points straight at the YAML line. Both directions
produce the same canonical entry (defaults left out), which is also how an update tells whether a
question changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError

from packages.problems import Problem
from packages.yaml_values import Reader, number_out
from quizzes.blocks import QUESTION_TYPES
from quizzes.importers.services import HOTSPOT_WITHOUT_IMAGE, error_messages

BLOCKS = dict(QUESTION_TYPES)
MAX_POINTS = Decimal("999.99")


@dataclass(frozen=True)
class F:
    """One answer field: text (max length), credit (float range), decimal, or bool."""

    kind: str
    default: object = None
    max_length: int = 500
    low: float = 0
    high: float = 1
    required: bool = False


OPTION = {
    "text": F("text", required=True),
    "credit": F("credit", 0, low=-1),
    "feedback": F("text", ""),
}
NUMERIC_ANSWER = {
    "value": F("decimal"),
    "tolerance": F("decimal", Decimal(0)),
    "minimum": F("decimal"),
    "maximum": F("decimal"),
    "credit": F("credit", 1),
}
ACCEPTED = {
    "text": F("text", max_length=200, required=True),
    "credit": F("credit", 1),
    "ignore_articles": F("bool", True),
    "ignore_punctuation": F("bool", True),
    "singular_or_plural": F("bool", True),
}
PAIR = {
    "prompt": F("text", max_length=300, required=True),
    "answer": F("text", max_length=300, required=True),
}
ZONE = {
    "shape": F("text", "circle", max_length=10),
    "coords": F("text", max_length=2000, required=True),
    "credit": F("credit", 1),
}
LINE = F("text", max_length=300, required=True)  # a list of plain strings
# type -> answer field -> F (scalar) | dict (list of mappings) | ("list", F) (list of strings)
TYPES: dict[str, dict] = {
    "single_choice": {"options": OPTION},
    "multiple_response": {"options": OPTION},
    "true_false": {
        "answer": F("bool", False),
        "feedback_true": F("text", ""),
        "feedback_false": F("text", ""),
    },
    "numeric": {"answers": NUMERIC_ANSWER, "unit": F("text", "", max_length=30)},
    "short_text": {
        "answers": ACCEPTED,
        "case_sensitive": F("bool", False),
        "model_answer": F("text", "", max_length=200),
    },
    "matching": {"pairs": PAIR, "distractors": ("list", LINE)},
    "ordering": {"items": ("list", LINE), "partial": F("bool", False)},
    "hotspot": {"zones": ZONE},
}
REQUIRED_LISTS = {"options", "answers", "pairs", "items", "zones"}


@dataclass
class AnswerResult:
    canonical: dict = field(default_factory=dict)  # the YAML entry's answer part, defaults left out
    value: dict | None = None  # the block's database value (hotspot: without its image)


def _scalar(reader: Reader, name: str, spec: F):
    if spec.kind == "text":
        default = None if spec.required else spec.default
        return reader.text(
            name, max_length=spec.max_length, **({} if spec.required else {"default": default})
        )
    if spec.kind == "bool":
        return reader.boolean(name, default=spec.default)
    if spec.kind == "credit":
        number = reader.number(name, default=spec.default, low=spec.low, high=spec.high)
        return None if number is None else float(number)
    number = reader.number(name, default=spec.default, low=Decimal("-1e12"), high=Decimal("1e12"))
    return number


def _is_default(spec: F, value) -> bool:
    if spec.required:
        return False
    if spec.kind == "decimal":
        return value is None or (spec.default is not None and Decimal(str(value)) == spec.default)
    return value == spec.default


def _out(spec: F, value):
    return number_out(value) if spec.kind in ("credit", "decimal") else value


def answer_parse(reader: Reader, kind: str, *, hotspot_alt: str = "") -> AnswerResult:
    """The answer fields of one entry, checked by the block's own `clean`."""
    result = AnswerResult()
    raw: dict = {}
    broken = False
    start = len(reader.problems)
    for name, spec in TYPES[kind].items():
        if isinstance(spec, F):
            value = _scalar(reader, name, spec)
            raw[name] = str(value) if isinstance(value, Decimal) else value
            if not _is_default(spec, value):
                result.canonical[name] = _out(spec, value)
            continue
        entries = reader.items(name, **({} if name in REQUIRED_LISTS else {"default": []}))
        raw_list, canonical_list = [], []
        for index, (entry, line) in enumerate(entries, start=1):
            if isinstance(spec, tuple):  # a list of strings
                child = Reader(
                    {"text": entry},
                    file=reader.file,
                    problems=reader.problems,
                    where=f"{reader.where}.{name}[{index}]",
                    line=line,
                )
                text = child.text("text", max_length=spec[1].max_length)
                raw_list.append(text)
                canonical_list.append(text)
                continue
            child = reader.child(entry, line, f"{name}[{index}]")
            if not child.ok:
                broken = True
                continue
            child.unknown(spec)
            item_raw, item_out = {}, {}
            for sub, sub_spec in spec.items():
                value = _scalar(child, sub, sub_spec)
                item_raw[sub] = str(value) if isinstance(value, Decimal) else value
                if not _is_default(sub_spec, value):
                    item_out[sub] = _out(sub_spec, value)
            raw_list.append(item_raw)
            canonical_list.append(item_out)
        raw[name] = raw_list
        if canonical_list or name in REQUIRED_LISTS:
            result.canonical[name] = canonical_list
    if broken or len(reader.problems) > start:  # the block would only repeat them
        return result
    block = HOTSPOT_WITHOUT_IMAGE if kind == "hotspot" else BLOCKS[kind]
    if kind == "hotspot":
        raw["image_alt"] = hotspot_alt  # written at the question's level in the YAML
    try:
        value = block.clean(block.to_python(raw))
    except ValidationError as error:
        for message in error_messages(error):
            _locate(reader, message)
        return result
    except (TypeError, ValueError, ArithmeticError) as error:  # a value the block cannot read
        reader.problem(None, f"the answer cannot be read: {error}")
        return result
    result.value = block.get_prep_value(value)
    return result


def _locate(reader: Reader, message: str) -> None:
    """'options[2].credit: why' → the problem at that entry's line."""
    path, _, why = message.partition(": ")
    if not why:
        reader.problem(None, message)
        return
    head = path.split(".")[0]
    name, _, index = head.partition("[")
    line = reader.line_of(name) if name in reader.data else reader.line
    value = reader.data.get(name)
    if index and isinstance(value, list):
        position = int(index.rstrip("]")) - 1
        lines = getattr(value, "lines", None)
        if lines and 0 <= position < len(lines):
            entry = value[position]
            rest = path.split(".")[1:] if "." in path else []
            line = entry.line_of(rest[0]) if rest and hasattr(entry, "line_of") else lines[position]
    where = f"{reader.where}.{path}" if reader.where else path
    reader.problems.append(Problem(reader.file, line, f"{where}: {why}"))


def _raw_items(value) -> list:
    """A ListBlock's raw value: items as {"type": "item", "value": …} or (older) bare values."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in value or []
    ]


def _raw_get(value: dict, name: str, spec: F):
    current = value.get(name, spec.default)
    if spec.kind == "credit" and current is not None:
        current = float(current)
    return current


def answer_export(kind: str, value: dict) -> dict:
    """A stored block's raw value (StreamField raw data: no queries) as the canonical fields."""
    out: dict = {}
    for name, spec in TYPES[kind].items():
        if isinstance(spec, F):
            current = _raw_get(value, name, spec)
            if not _is_default(spec, current):
                out[name] = _out(spec, current)
            continue
        entries = _raw_items(value.get(name))
        if isinstance(spec, tuple):
            if entries or name in REQUIRED_LISTS:
                out[name] = [str(entry) for entry in entries]
            continue
        listed = []
        for entry in entries:
            item = {}
            for sub, sub_spec in spec.items():
                current = _raw_get(entry, sub, sub_spec)
                if not _is_default(sub_spec, current):
                    item[sub] = _out(sub_spec, current)
            listed.append(item)
        if listed or name in REQUIRED_LISTS:
            out[name] = listed
    return out
