"""Builds the demo question bank (categories and sub-categories, variant sets, tags, scenarios)
and the three demo quizzes (slots, coverage rules, review timing, prerequisites) from
demo/quiz_content.py."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from django.core.files import File
from taggit.models import Tag
from wagtail.images.models import Image

from courses.models import CoursePage, ModulePage
from demo import quiz_content as content
from quizzes.models import (
    Question,
    QuestionBank,
    QuestionCategory,
    QuizPage,
    QuizSlot,
    Scenario,
    VariantSet,
)
from quizzes.models.quiz import QuizPrerequisite

ASSETS = Path(__file__).resolve().parent / "assets"
IMAGE_TITLES = {"lumbar_spine.svg": "Lower back, posterior view (sample diagram)"}


def _items(values: list) -> list:
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _number(value) -> str | None:
    return None if value is None else str(value)


def _coords(zone: dict) -> str:
    points = zone["coords"]
    if zone["shape"] == "polygon":
        points = [number for point in points for number in point]
    return ", ".join(f"{number:g}" for number in points)


def _image(name: str) -> Image:
    title = IMAGE_TITLES.get(name, name)
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    with open(ASSETS / name, "rb") as handle:
        image = Image(title=title, file=File(handle, name=name))
        image.save()
    return image


def question_body(data: dict) -> str:
    kind = data["type"]
    if kind in ("single_choice", "multiple_response"):
        value = {"options": _items(data["options"])}
    elif kind == "true_false":
        value = {
            "answer": data["answer"],
            "feedback_true": data["feedback_true"],
            "feedback_false": data["feedback_false"],
        }
    elif kind == "numeric":
        answers = [
            {
                "value": _number(answer.get("value")),
                "tolerance": _number(answer.get("tolerance", 0)),
                "minimum": _number(answer.get("min")),
                "maximum": _number(answer.get("max")),
                "credit": answer["credit"],
            }
            for answer in data["answers"]
        ]
        value = {"answers": _items(answers), "unit": data.get("unit", "")}
    elif kind == "short_text":
        value = {
            "answers": _items(data["answers"]),
            "case_sensitive": data["case_sensitive"],
            "model_answer": data.get("model_answer", ""),
        }
    elif kind == "matching":
        value = {"pairs": _items(data["pairs"]), "distractors": _items(data["distractors"])}
    elif kind == "ordering":
        value = {"items": _items(data["items"]), "partial": data["partial"]}
    elif kind == "hotspot":
        zones = [
            {"shape": zone["shape"], "coords": _coords(zone), "credit": zone["credit"]}
            for zone in data["zones"]
        ]
        value = {
            "image": _image(data["image"]).pk,
            "image_alt": data["image_alt"],
            "zones": _items(zones),
        }
    else:
        raise ValueError(f"unknown question type {kind}")
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())}])


def _ensure_categories() -> dict[str, QuestionCategory]:
    categories: dict[str, QuestionCategory] = {}
    for item in content.CATEGORIES:  # parents come before their sub-categories
        parent = categories[item["parent"]] if item.get("parent") else None
        categories[item["name"]], _ = QuestionCategory.objects.get_or_create(
            name=item["name"], defaults={"description": item["description"], "parent": parent}
        )
    return categories


def _ensure_variant_sets() -> dict[str, VariantSet]:
    return {
        item["name"]: VariantSet.objects.get_or_create(
            name=item["name"], defaults={"objective": item["objective"]}
        )[0]
        for item in content.VARIANT_SETS
    }


def ensure_questions(report) -> dict[str, Question]:
    bank, _ = QuestionBank.objects.get_or_create(
        name=content.BANK, defaults={"description": "Sample questions for the demo course."}
    )
    categories = _ensure_categories()
    variant_sets = _ensure_variant_sets()
    scenarios = {}
    for item in content.SCENARIOS:
        scenarios[item["key"]] = Scenario.objects.filter(title=item["title"]).first()
        if scenarios[item["key"]] is None:
            scenarios[item["key"]] = Scenario.objects.create(
                title=item["title"], vignette=item["vignette"]
            )
    questions = {q.title: q for q in Question.objects.filter(bank=bank)}
    for data in content.QUESTIONS:
        if data["title"] in questions:
            continue
        question = Question(
            bank=bank,
            category=categories[data["category"]],
            title=data["title"],
            stem=data["stem"],
            points=data["points"],
            critical=data["critical"],
            critical_reason=data["critical_reason"],
            general_feedback=data["general_feedback"],
            scenario=scenarios.get(data["scenario"]) if data["scenario"] else None,
            variant_set=variant_sets[data["variant_set"]] if data["variant_set"] else None,
            body=question_body(data),
        )
        question.tags.set(data["tags"])
        question.save()
        question.save_revision()
        questions[question.title] = question
        report.add(f"question “{question.title}”")
    return questions


def quiz_slots(data: dict, questions: dict[str, Question]) -> list[QuizSlot]:
    """The quiz's slots from its data: a question (by title), a variant set, a draw from a
    category (with its coverage rules), or every question listing the quiz outside variant sets."""
    categories = {c.name: c for c in QuestionCategory.objects.all()}
    variant_sets = {v.name: v for v in VariantSet.objects.all()}
    slots: list[QuizSlot] = []
    for rule in data["slots"]:
        if "fixed_questions_of" in rule:
            slots += [
                QuizSlot(question=questions[q["title"]])
                for q in content.QUESTIONS
                if rule["fixed_questions_of"] in q["quizzes"] and not q["variant_set"]
            ]
        elif "question" in rule:
            slots.append(QuizSlot(question=questions[rule["question"]]))
        elif "variant_set" in rule:
            slots.append(QuizSlot(variant_set=variant_sets[rule["variant_set"]]))
        else:
            slot = QuizSlot(
                category=categories[rule["category"]],
                count=rule["count"],
                cover_subcategories=rule.get("cover_subcategories", False),
            )
            slot.required_questions = [questions[t] for t in rule.get("required", [])]
            slot.coverage_tags = list(Tag.objects.filter(name__in=rule.get("tags", [])))
            slots.append(slot)
    return slots


def ensure_quizzes(course: CoursePage, report, publish) -> None:
    questions = ensure_questions(report)
    for data in content.QUIZZES:
        if QuizPage.objects.descendant_of(course).filter(slug=data["slug"]).exists():
            continue
        parent = course
        if data["module"]:
            parent = ModulePage.objects.child_of(course).get(slug=data["module"])
        unlocks = None
        if data["unlocks_module"]:
            unlocks = ModulePage.objects.child_of(course).get(slug=data["unlocks_module"])
        quiz = QuizPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            pass_mark=data["pass_mark"],
            time_limit_minutes=data["time_limit_minutes"],
            attempts_allowed=data["attempts_allowed"],
            cooldown_minutes=data["cooldown_minutes"],
            questions_per_page=data["questions_per_page"],
            shuffle_questions=data["shuffle_questions"],
            shuffle_options=data["shuffle_options"],
            review_policy=data["review_policy"],
            review_timing=data["review_timing"],
            is_required=data["required"],
            unlocks_module=unlocks,
        )
        quiz.slots = quiz_slots(data, questions)
        quiz.prerequisites = [
            QuizPrerequisite(required_quiz=QuizPage.objects.descendant_of(course).get(slug=slug))
            for slug in data.get("requires", [])
        ]
        parent.add_child(instance=quiz)
        publish(quiz)
        report.add(f"QuizPage “{quiz.title}”")
