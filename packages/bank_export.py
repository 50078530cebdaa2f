"""A course's question bank as questions.yaml data: the questions its quizzes can show.

A fixed number of queries for the questions (plus a few per quiz to read its slots), whatever the
bank's size. The data is what bank_parse reads back, so export then import gives the same bank.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.images import get_image_model

from packages.bank_yaml import question_entry, scenario_key
from packages.yaml_values import without_block_keys
from quizzes.draw_data import draw_bank, quiz_draw_slots
from quizzes.models import Question, QuestionCategory, QuizPage, VariantSet


@dataclass
class BankExport:
    data: dict  # questions.yaml
    assets: dict = field(default_factory=dict)  # "assets/<name>" -> wagtail Image to write
    keys: dict = field(default_factory=dict)  # question id -> its key (for quiz_export)


def course_question_ids(*, course) -> tuple[list[int], set[int], set[int]]:
    """Questions the course's quizzes can show, and the categories and variant sets slots name."""
    ids: dict[int, None] = {}
    categories: set[int] = set()
    variant_sets: set[int] = set()
    for quiz in QuizPage.objects.descendant_of(course).order_by("path"):
        slots, _ = quiz_draw_slots(quiz=quiz)
        ids.update(dict.fromkeys(sorted(draw_bank(slots=slots).items)))
        categories |= {s.category for s in slots if s.category is not None}
        variant_sets |= {s.variant_set for s in slots if s.variant_set is not None}
    return list(ids), categories, variant_sets


def bank_export(*, course) -> BankExport:
    """questions.yaml data, the images it names, and the question keys, for the course's
    quizzes. The caller writes the assets and passes `keys` to quiz_export."""
    ids, slot_categories, slot_sets = course_question_ids(course=course)
    return bank_data(question_ids=ids, categories=slot_categories, variant_sets=slot_sets)


def bank_data(*, question_ids, categories=(), variant_sets=()) -> BankExport:
    questions = list(
        Question.objects.filter(pk__in=list(question_ids))
        .select_related("bank", "category", "scenario", "variant_set", "image")
        .prefetch_related("tags")
        .order_by("pk")
    )
    hotspot_images = {
        q.body.raw_data[0]["value"].get("image") for q in questions if q.question_type == "hotspot"
    } - {None}
    images = {q.image.pk: q.image for q in questions if q.image_id}
    images.update(get_image_model().objects.in_bulk(list(hotspot_images - set(images))))
    assets = _asset_paths(images.values())
    keys = _keys(questions)
    for question in questions:
        question.key = keys[question.pk]  # in memory only: exports never write
    banks = Counter(q.bank.name for q in questions)
    bank_name = banks.most_common(1)[0][0] if banks else ""
    description = next((q.bank.description for q in questions if q.bank.name == bank_name), "")
    all_categories = _with_ancestors(
        {q.category_id for q in questions if q.category_id} | set(categories)
    )
    sets = {q.variant_set_id for q in questions if q.variant_set_id} | set(variant_sets)
    scenarios = {q.scenario.pk: q.scenario for q in questions if q.scenario_id}
    scenario_keys = _scenario_keys(scenarios.values())
    data: dict = {"bank": {"name": bank_name}}
    if description:
        data["bank"]["description"] = description
    data["categories"] = all_categories
    data["variant_sets"] = [
        {"name": v.name, **({"objective": v.objective} if v.objective else {})}
        for v in VariantSet.objects.filter(pk__in=sets).order_by("name")
    ]
    data["scenarios"] = [
        {"key": scenario_keys[s.pk], "title": s.title, "vignette": without_block_keys(s.vignette)}
        for s in sorted(scenarios.values(), key=lambda s: s.pk)
    ]
    by_pk = {image.pk: path for path, image in assets.items()}
    entries = []
    for question in questions:
        entry = question_entry(question, image_path=by_pk.get)
        if question.scenario_id:
            entry["scenario"] = scenario_keys[question.scenario_id]
        entries.append(entry)
    data["questions"] = entries
    for name in ("categories", "variant_sets", "scenarios"):
        if not data[name]:
            del data[name]
    return BankExport(data, assets, keys)


def _keys(questions) -> dict[int, str]:
    """Stored keys, else one made from the title (unique within the export)."""
    taken = {q.key for q in questions if q.key}
    keys = {}
    for question in questions:
        key = question.key
        if not key:
            base = slugify(question.title)[:90] or "question"
            key, n = base, 1
            while key in taken:
                n += 1
                key = f"{base}-{n}"
            taken.add(key)
        keys[question.pk] = key
    return keys


def _scenario_keys(scenarios) -> dict[int, str]:
    keys, taken = {}, set()
    for scenario in sorted(scenarios, key=lambda s: s.pk):
        key = scenario_key(scenario)
        if key in taken:
            key = f"{key}-{scenario.pk}"
        taken.add(key)
        keys[scenario.pk] = key
    return keys


def _asset_paths(images) -> dict:
    """Named after the title, as the course side names files (the stored file's name may carry
    a storage suffix such as lumbar_spine_AbC12de.svg, which would change on every import)."""
    paths = {}
    for image in sorted(images, key=lambda i: i.pk):
        stored = posixpath.basename(image.file.name)
        suffix = posixpath.splitext(stored)[1].lower()
        name = f"{slugify(image.title)}{suffix}" if slugify(image.title) else stored
        name = name or f"image-{image.pk}"
        path = f"assets/{name}"
        if path in paths:
            path = f"assets/{image.pk}-{name}"
        paths[path] = image
    return paths


def _with_ancestors(ids: set[int]) -> list[dict]:
    """The categories with every category they sit inside, parents first (1 query)."""
    rows = {
        pk: (name, parent, text)
        for pk, name, parent, text in QuestionCategory.objects.values_list(
            "pk", "name", "parent_id", "description"
        )
    }
    wanted: set[int] = set()
    for pk in ids:
        while pk is not None and pk in rows and pk not in wanted:
            wanted.add(pk)
            pk = rows[pk][1]

    def chain(pk):
        names = []
        while pk is not None and pk in rows and len(names) < 50:
            names.append(rows[pk][0])
            pk = rows[pk][1]
        return names[::-1]

    out = []
    for pk in sorted(wanted, key=chain):
        name, parent, text = rows[pk]
        entry = {"name": name}
        if parent is not None:
            entry["parent"] = rows[parent][0]
        if text:
            entry["description"] = text
        out.append(entry)
    return out
