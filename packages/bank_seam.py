"""The seam with the question-bank half (questions.yaml, quiz settings, slots, prerequisites,
unlocked module): every call from the course side to it goes through this module.

The functions are pkg-bank's (packages/bank_yaml.py, bank_write.py, bank_export.py,
quiz_yaml.py, quiz_apply.py), with their signatures. Until that branch is merged, the stand-ins
below read a quiz's scalar settings, intro and unlocks_module only; there is no bank. At merge,
the ImportError branch goes away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from packages.problems import Problem

try:  # pragma: no cover - which branch runs depends on whether pkg-bank is merged
    from packages.bank_export import bank_export
    from packages.bank_write import bank_write
    from packages.bank_yaml import bank_parse
    from packages.quiz_apply import quiz_apply, quiz_export, quizzes_check
    from packages.quiz_yaml import quiz_parse

    HAVE_BANK = True
except ImportError:
    HAVE_BANK = False

    SETTINGS = {
        "intro": str,
        "pass_mark": int,
        "time_limit_minutes": int,
        "attempts_allowed": int,
        "cooldown_amount": int,
        "cooldown_unit": str,
        "questions_per_page": int,
        "shuffle_questions": bool,
        "shuffle_options": bool,
        "review_policy": str,
        "review_timing": str,
        "is_required": bool,
    }

    @dataclass
    class ParsedQuiz:
        file: str
        line: int | None = None
        fields: dict = field(default_factory=dict)
        slots: list = field(default_factory=list)
        prerequisites: list = field(default_factory=list)
        unlocks_module: str = ""
        entry: dict = field(default_factory=dict)
        lines: dict = field(default_factory=dict)

    def bank_parse(data, *, file, assets=None):
        return None, [Problem(file, None, "questions.yaml needs the question-bank half")], []

    def bank_write(*, parsed, update, images=None):
        raise NotImplementedError

    def bank_export(*, course):
        return None

    def quiz_parse(data, *, file, bank):
        parsed = ParsedQuiz(file=file, line=getattr(data, "line", None))
        problems = []
        for key, value in data.items():
            line = data.line_of(key)
            kind = SETTINGS.get(key)
            if key in ("slots", "prerequisites"):
                continue  # the bank half's; nothing to attach them to without it
            if key == "unlocks_module" and isinstance(value, str):
                parsed.unlocks_module = value
                parsed.lines["unlocks_module"] = line
            elif kind is None:
                problems.append(Problem(file, line, f"unknown quiz setting “{key}”"))
            elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                problems.append(Problem(file, line, f"“{key}” must be {kind.__name__}"))
            elif key == "intro" and re.search(r"<(?!/?(p|b|i|ul|ol|li|br)>)", value):
                problems.append(Problem(file, line, "the intro uses HTML outside p b i ul ol li"))
            else:
                parsed.fields[key] = value
        from quizzes.models import QuizPage

        for name in SETTINGS:  # an omitted setting is the model's default, as in the bank half
            if name not in parsed.fields:
                parsed.fields[name] = QuizPage._meta.get_field(name).get_default()
        parsed.entry = dict(parsed.fields)
        if parsed.unlocks_module:
            parsed.entry["unlocks_module"] = parsed.unlocks_module
        return parsed, problems, []

    def quizzes_check(quizzes, *, modules=None):
        problems = []
        for slug, quiz in quizzes.items():
            if quiz.unlocks_module and modules is not None and quiz.unlocks_module not in modules:
                line = quiz.lines.get("unlocks_module")
                message = f"quiz “{slug}” unlocks “{quiz.unlocks_module}”, not a module here"
                problems.append(Problem(quiz.file, line, message))
        return problems

    def quiz_apply(quiz, parsed, *, questions, quizzes=None, modules=None):
        for name, value in parsed.fields.items():
            setattr(quiz, name, value)
        if modules is not None:
            quiz.unlocks_module = modules.get(parsed.unlocks_module)

    def quiz_export(quiz, *, keys=None):
        data = {name: getattr(quiz, name) for name in SETTINGS}
        if quiz.unlocks_module_id:
            data["unlocks_module"] = quiz.unlocks_module.slug
        return data


__all__ = [
    "HAVE_BANK",
    "bank_export",
    "bank_parse",
    "bank_write",
    "quiz_apply",
    "quiz_export",
    "quiz_parse",
    "quizzes_check",
]
