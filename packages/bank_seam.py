"""The seam with the question-bank half (questions.yaml, quiz settings): every call to it is here.

Until that half lands, quiz settings are read for the scalar QuizPage fields only (slots,
prerequisites and the bank are not imported); the coordinator points these functions at
packages.quizzes_yaml / packages.bank_yaml at merge.
"""

from __future__ import annotations

from packages.problems import Problem

QUIZ_FIELDS = {
    "pass_mark": int,
    "time_limit_minutes": int,
    "attempts_allowed": int,
    "cooldown_minutes": int,
    "questions_per_page": int,
    "shuffle_questions": bool,
    "shuffle_options": bool,
    "review_policy": str,
    "review_timing": str,
    "required": bool,
}
_FIELD_NAMES = {"required": "is_required"}


def bank_parse(files: dict[str, bytes], *, file: str) -> tuple[object, list[Problem]]:
    """The question bank planned from `file` (None until the bank half lands)."""
    return None, []


def bank_write(plan, *, update: bool) -> dict:
    """Write the planned bank (new question versions on update); returns what quizzes refer to."""
    return {}


def bank_data(course) -> dict[str, bytes]:
    """The files of the course's question bank for export ({} until the bank half lands)."""
    return {}


def quiz_from_data(data, *, file: str) -> tuple[dict, list[Problem]]:
    """QuizPage field values from a quiz's `settings`, with located problems."""
    fields, problems = {}, []
    for key, value in (data or {}).items():
        line = data.line_of(key) if hasattr(data, "line_of") else None
        kind = QUIZ_FIELDS.get(key)
        if kind is None:
            problems.append(Problem(file, line, f"unknown quiz setting “{key}”"))
        elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            problems.append(Problem(file, line, f"“{key}” must be {kind.__name__}"))
        else:
            fields[_FIELD_NAMES.get(key, key)] = value
    return fields, problems


def quiz_apply(quiz, data, *, bank, quizzes: dict) -> None:
    """Relations of a quiz that need the bank and the other quizzes (slots, prerequisites)."""


def quiz_to_data(quiz) -> dict:
    data = {}
    for key in QUIZ_FIELDS:
        data[key] = getattr(quiz, _FIELD_NAMES.get(key, key))
    return data
