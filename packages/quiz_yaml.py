"""One quiz's settings, slots, prerequisites and unlocked module ↔ YAML (a mapping that
course.yaml holds for each quiz; see packages/FORMAT.md, "Quiz settings").

Settings go through one table, SETTINGS, and each value through its model field's own `clean`
(type, range, choices), so a new QuizPage field is one line here. Slots name questions by key,
variant sets and categories by name, and are checked by the draw's own feasibility rules
(quizzes/draws.py) against the package's bank before anything is written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models

from packages.bank_yaml import ParsedBank, item_of
from packages.problems import Problem
from packages.yaml_values import (
    Reader,
    depth_problem,
    rich_problem,
    text_problem,
    without_block_keys,
)
from quizzes import draws
from quizzes.models import QuizPage
from quizzes.quiz_checks import quiz_warnings

# QuizPage fields, in the order export writes them. A name the model lacks is skipped, so the
# table can list a field before (or after) a migration adds (or removes) it.
SETTINGS = (
    "intro",
    "pass_mark",
    "time_limit_minutes",
    "attempts_allowed",
    "cooldown_minutes",
    "cooldown_amount",
    "cooldown_unit",
    "available_from",
    "available_until",
    "shuffle_questions",
    "shuffle_options",
    "questions_per_page",
    "review_policy",
    "review_timing",
    "is_required",
)
SLOT_KEYS = {
    "question",
    "variant_set",
    "category",
    "count",
    "always_include",
    "one_from_each_subcategory",
    "one_with_each_tag",
}


def setting_fields() -> list[models.Field]:
    found = []
    for name in SETTINGS:
        try:
            found.append(QuizPage._meta.get_field(name))
        except FieldDoesNotExist:
            continue
    return [f for f in found if f.concrete]


@dataclass
class ParsedQuiz:
    file: str
    line: int | None = None
    fields: dict = field(default_factory=dict)  # QuizPage field -> value
    slots: list[dict] = field(default_factory=list)  # canonical slot entries, in order
    prerequisites: list[str] = field(default_factory=list)  # quiz slugs
    unlocks_module: str = ""  # module slug
    entry: dict = field(default_factory=dict)  # the canonical YAML (what quiz_export writes)
    lines: dict = field(default_factory=dict)  # "prerequisite:<slug>", "unlocks_module" -> line


def _setting(reader: Reader, model_field: models.Field):
    name = model_field.name
    value = reader.data.get(name, model_field.get_default())
    wrong = None
    if isinstance(model_field, models.BooleanField):
        wrong = not isinstance(value, bool)
    elif isinstance(model_field, models.IntegerField):
        wrong = isinstance(value, bool) or not isinstance(value, int)
    elif isinstance(model_field, models.DateTimeField):
        wrong = value is not None and not isinstance(value, str | datetime.datetime)
    elif isinstance(model_field, models.CharField | models.TextField):
        wrong = not isinstance(value, str)
    if wrong:
        reader.problem(name, f"has the wrong type ({type(value).__name__})")
        return model_field.get_default()
    if isinstance(value, str) and (why := text_problem(value) or _rich(model_field, value)):
        reader.problem(name, why)
        return model_field.get_default()
    try:
        return model_field.clean(value, None)
    except ValidationError as error:
        reader.problem(name, " ".join(error.messages))
    except (TypeError, ValueError, OverflowError) as error:
        reader.problem(name, str(error))
    return model_field.get_default()


def _rich(model_field, value: str) -> str | None:
    from wagtail.fields import RichTextField

    return rich_problem(value, links=True) if isinstance(model_field, RichTextField) else None


def _setting_out(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):  # a TextChoices member is a str subclass YAML cannot write
        return without_block_keys(str(value))
    return value


def quiz_parse(
    data, *, file: str, bank: ParsedBank
) -> tuple[ParsedQuiz, list[Problem], list[Problem]]:
    """One quiz's YAML → (ParsedQuiz, problems, warnings). `bank`: the package's parsed bank,
    which slots are checked against. Prerequisite cycles span quizzes: quizzes_check."""
    problems: list[Problem] = []
    parsed = ParsedQuiz(file=file, line=getattr(data, "line", None))
    if depth_problem(data):
        return parsed, [Problem(file, parsed.line, "nested too deeply")], []
    reader = Reader(data, file=file, problems=problems)
    if not reader.ok:
        return parsed, problems, []
    settings = setting_fields()
    names = {f.name for f in settings}
    extra = {"title", "slug", "module", "type", "key"}  # course.yaml's own keys (pkg-course)
    reader.unknown(names | {"slots", "prerequisites", "unlocks_module"} | extra)
    for model_field in settings:
        parsed.fields[model_field.name] = _setting(reader, model_field)
        parsed.entry[model_field.name] = _setting_out(parsed.fields[model_field.name])
    slots = []
    for index, (entry, line) in enumerate(reader.items("slots"), start=1):
        slot = _slot(reader.child(entry, line, f"slots[{index}]"), bank)
        if slot is not None:
            slots.append((slot, line))
    parsed.slots = [slot for slot, _ in slots]
    parsed.entry["slots"] = parsed.slots
    for slug, line in reader.items("prerequisites", default=[]):
        text = reader.child({"quiz": slug}, line, "prerequisites").text(
            "quiz", max_length=255, blank=False
        )
        if text:
            parsed.prerequisites.append(text)
            parsed.lines[f"prerequisite:{text}"] = line
    if parsed.prerequisites:
        parsed.entry["prerequisites"] = list(parsed.prerequisites)
    parsed.unlocks_module = reader.text("unlocks_module", default="", max_length=255)
    parsed.lines["unlocks_module"] = reader.line_of("unlocks_module")
    if parsed.unlocks_module:
        parsed.entry["unlocks_module"] = parsed.unlocks_module
    if len(slots) == len(parsed.slots) and not problems:
        _feasible(reader, slots, bank)
    return (
        parsed,
        problems,
        _warnings(file, parsed.line, parsed.slots, bank) if not problems else [],
    )


def _slot(reader: Reader, bank: ParsedBank) -> dict | None:
    if not reader.ok:
        return None
    reader.unknown(SLOT_KEYS)
    kinds = [k for k in ("question", "variant_set", "category") if k in reader.data]
    if len(kinds) != 1:
        reader.problem(None, "give one of: question (a key), variant_set or category (names)")
        return None
    kind = kinds[0]
    name = reader.text(kind, blank=False, max_length=120)
    known = {
        "question": bank.questions,
        "variant_set": bank.variant_sets,
        "category": bank.categories,
    }
    if name and name not in known[kind]:
        reader.problem(
            kind, f"“{name[:60]}” is not a {kind.replace('_', ' ')} of the question bank"
        )
        return None
    if kind != "category":
        reader.unknown({kind})
        return {kind: name} if name else None
    count = reader.number("count", default=1, low=1, high=1000, integer=True)
    slot: dict = {"category": name, "count": int(count or 1)}
    required = []
    for key, line in reader.items("always_include", default=[]):
        text = reader.child({"key": key}, line, "always_include").text("key", blank=False)
        if text and text not in bank.questions:
            reader.problems.append(
                Problem(
                    reader.file,
                    line,
                    f"{reader.where}.always_include: “{text[:60]}” is not a question key",
                )
            )
        elif text:
            required.append(text)
    if required:
        slot["always_include"] = required
    if reader.boolean("one_from_each_subcategory"):
        slot["one_from_each_subcategory"] = True
    tags = [
        reader.child({"t": t}, line, "one_with_each_tag").text("t", blank=False, max_length=100)
        for t, line in reader.items("one_with_each_tag", default=[])
    ]
    if tags := sorted(set(filter(None, tags))):
        slot["one_with_each_tag"] = tags
    return slot if name else None


def draw_bank_of(bank: ParsedBank) -> tuple[draws.Bank, dict, dict, dict]:
    """The parsed bank as the draw's plain data, with made-up ids (nothing is written yet)."""
    qids = {key: n for n, key in enumerate(bank.questions, start=1)}
    cids = {name: n for n, name in enumerate(bank.categories, start=1)}
    vids = {name: n for n, name in enumerate(bank.variant_sets, start=1)}
    items = {
        qids[key]: draws.Item(
            id=qids[key],
            title=key,
            category=cids.get(q.category),
            tags=frozenset(q.tags),
            variant_set=vids.get(q.variant_set),
        )
        for key, q in bank.questions.items()
    }
    parents = {cids[n]: cids.get(c["parent"]) for n, c in bank.categories.items()}
    names = {v: k for k, v in cids.items()}
    sets = {v: k for k, v in vids.items()}
    return draws.Bank(items, parents, names, sets), qids, cids, vids


def _draw_slots(slots, bank):
    plain, qids, cids, vids = draw_bank_of(bank)
    return plain, [
        draws.Slot(
            index=index,
            question=qids.get(slot.get("question")),
            variant_set=vids.get(slot.get("variant_set")),
            category=cids.get(slot.get("category")),
            count=slot.get("count", 1),
            required=tuple(qids[k] for k in slot.get("always_include", ())),
            cover_subcategories=slot.get("one_from_each_subcategory", False),
            tags=tuple(slot.get("one_with_each_tag", ())),
        )
        for index, slot in enumerate(slots, start=1)
    ]


def _feasible(reader: Reader, slots, bank: ParsedBank) -> None:
    plain, draw_slots = _draw_slots([s for s, _ in slots], bank)
    for problem in draws.problems(draw_slots, plain):
        reader.problems.append(Problem(reader.file, slots[problem.slot - 1][1], str(problem)))


def _warnings(file, line, slots, bank: ParsedBank) -> list[Problem]:
    """Cross-cueing and the longest-key share over every question an attempt can show."""
    plain, draw_slots = _draw_slots(slots, bank)
    keys = {n: key for n, key in enumerate(bank.questions, start=1)}
    reach = set()
    for slot in draw_slots:
        reach |= {q for q in (slot.question, *slot.required) if q is not None}
        reach |= {
            i.id
            for i in plain.items.values()
            if slot.variant_set and i.variant_set == slot.variant_set
        }
        if slot.category is not None:
            reach |= {
                i.id
                for i in plain.items.values()
                if slot.category in draws.category_chain(i.category, plain.parents)
            }
    items = [item_of(bank.questions[keys[n]], bank) for n in sorted(reach)]
    sets = {item.title: bank.questions[item.title].variant_set for item in items}

    def together(a, b) -> bool:  # a slot shows one variant of a set: they never meet
        return not sets.get(a.title) or sets.get(a.title) != sets.get(b.title)

    out = []
    for warning in quiz_warnings(items, together=together):
        where = bank.lines.get(f"question:{warning.item_title}") if warning.item_title else None
        text = f"{warning.label}: {warning.explanation}"
        if warning.item_title:
            text = f"{warning.item_title}: {text}" + (
                f" (with {warning.other_title})" if warning.other_title else ""
            )
        out.append(Problem(file if where is None else bank.file, where or line, text))
    return out
