"""The demo course as its package files (demo/course/), read the way a reviewer reads them: the
tests check the files people edit, and the imported course where marking or drawing matters."""

from __future__ import annotations

import random
from functools import cache

from demo.loader import COURSE_DIR
from packages.lessons import lesson_parse
from packages.source import load_yaml

SAFETY = "safety-and-contraindications-quiz"
TECHNIQUE = "technique-and-clinical-application-quiz"
FINAL = "final-assessment"


def _yaml(name: str):
    return load_yaml((COURSE_DIR / name).read_text(encoding="utf-8"), file=name)


@cache
def course() -> dict:
    return _yaml("course.yaml")


@cache
def bank() -> dict:
    return _yaml("questions.yaml")


def questions() -> list[dict]:
    return list(bank()["questions"])


def question(title: str) -> dict:
    return next(q for q in questions() if q["title"] == title)


def quizzes() -> dict[str, dict]:
    """slug -> the quiz's entry in course.yaml, in outline order."""
    found = {}
    for item in course()["outline"]:
        for entry in item.get("contents", [item]):
            if "quiz" in entry:
                found[entry["quiz"]] = entry
    return found


@cache
def lessons() -> dict[str, list[tuple[str, dict]]]:
    """slug -> the lesson's blocks as (type, StreamField value), parsed by the importer."""
    found = {}
    for item in course()["outline"]:
        for entry in item.get("contents", []):
            if "lesson" in entry:
                name = entry["lesson"]
                plan, problems = lesson_parse(
                    (COURSE_DIR / name).read_text(encoding="utf-8"), file=name
                )
                assert problems == [], problems
                found[plan.fields["slug"]] = [(b.type, b.value) for b in plan.blocks]
    return found


def imported_key(title: str) -> dict:
    """The marking key an attempt freezes for the imported question (needs the demo loaded)."""
    from quizzes.models import Question
    from quizzes.snapshots import question_snapshot

    imported = Question.objects.get(title=title)
    return question_snapshot(imported, rng=random.Random(0), shuffle_options=False)["key"]
