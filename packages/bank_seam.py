"""The seam with the question-bank half (questions.yaml, quiz settings, slots, prerequisites,
unlocked module): every call from the course side to it goes through this module, so the two
halves meet in one place (packages/bank_yaml.py, bank_write.py, bank_export.py, quiz_yaml.py,
quiz_apply.py)."""

from __future__ import annotations

from packages.bank_export import bank_export
from packages.bank_write import bank_write
from packages.bank_yaml import bank_parse
from packages.quiz_apply import quiz_apply, quiz_export, quizzes_check
from packages.quiz_yaml import quiz_parse

HAVE_BANK = True

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
