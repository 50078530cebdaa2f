"""Reads for the item-writing review: questions as plain `Item`s for the pure checks, the
questions a quiz can show, and the reviews the editor, the admin report and `check_items` print.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy

from quizzes.checks import CHECKS, Choice, Item, ItemWarning, item_warnings
from quizzes.models import Question, QuizPage
from quizzes.quiz_checks import (
    LongestShare,
    check_longest_key_share,
    longest_key_share,
    quiz_warnings,
)


def _number(value) -> str:
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)


def item_view(question: Question) -> Item:
    """The question as the checks read it: stem, scenario, key and what trainees are shown."""
    block = question.body[0] if len(question.body) else None
    kind, value = (block.block_type, block.value) if block else ("", {})
    extra: dict = {}
    if kind in ("single_choice", "multiple_response"):
        extra["options"] = tuple(
            Choice(str(o["text"]), float(o["credit"] or 0)) for o in value["options"]
        )
    elif kind == "short_text":
        extra["accepted"] = tuple(
            Choice(str(a["text"]), float(a["credit"] or 0)) for a in value["answers"]
        )
        extra["model_answer"] = str(value.get("model_answer") or "")
    elif kind == "numeric":
        extra["numbers"] = tuple(
            _number(a[name])
            for a in value["answers"]
            if (a["credit"] or 0) >= 1
            for name in ("value", "minimum", "maximum")
            if a[name] is not None
        )
    elif kind == "matching":
        extra["pairs"] = tuple((str(p["prompt"]), str(p["answer"])) for p in value["pairs"])
        extra["distractors"] = tuple(str(d) for d in value["distractors"])
    elif kind == "true_false":
        extra["answer"] = bool(value["answer"])
    elif kind == "ordering":
        extra["sequence"] = tuple(str(text) for text in value["items"])
    shown = [question.image_alt]
    if kind == "hotspot":
        shown.append(str(value.get("image_alt") or ""))
    return Item(
        kind=kind,
        stem=str(question.stem),
        id=question.pk,
        title=question.title,
        context=str(question.scenario.vignette) if question.scenario_id else "",
        shown=tuple(text for text in shown if text),
        critical=question.critical,
        critical_reason=question.critical_reason,
        **extra,
    )


def question_warnings(question: Question) -> list[ItemWarning]:
    return item_warnings(item_view(question))


def quiz_candidate_questions(quiz: QuizPage) -> list[Question]:
    """Every question an attempt at `quiz` can show: fixed slot questions, then every question its
    draws and variant sets can reach (quizzes/draw_data.py). The one definition the quiz-level
    checks use."""
    from quizzes.draw_data import draw_bank, quiz_draw_slots

    slots, _ = quiz_draw_slots(quiz=quiz)
    fixed = [slot.question for slot in slots if slot.question is not None]
    by_id = Question.objects.select_related("scenario").in_bulk(list(draw_bank(slots=slots).items))
    ordered = [by_id[pk] for pk in fixed if pk in by_id]
    drawn = sorted((q for pk, q in by_id.items() if pk not in fixed), key=lambda q: q.pk)
    return list(dict.fromkeys(ordered + drawn))


@dataclass
class ItemResult:
    question: Question
    item: Item
    warnings: list[ItemWarning] = field(default_factory=list)


@dataclass
class Review:
    """Item warnings per question, warnings about the set as a whole, and counts per check."""

    title: str
    items: list[ItemResult]
    set_warnings: list[ItemWarning]
    longest: LongestShare

    @property
    def all_warnings(self) -> list[ItemWarning]:
        return [w for result in self.items for w in result.warnings] + self.set_warnings

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        """(code, label, number of warnings) for every check, in the checks' order."""
        counted = Counter(warning.code for warning in self.all_warnings)
        return [(code, label, counted[code]) for code, label in CHECKS.items()]

    @property
    def flagged_items(self) -> list[ItemResult]:
        return [result for result in self.items if result.warnings]


def _review(title: str, questions: list[Question], *, across: bool) -> Review:
    """`across`: the questions share attempts, so they are checked for cueing each other."""
    items = [item_view(question) for question in questions]
    results = [
        ItemResult(question, item, item_warnings(item))
        for question, item in zip(questions, items, strict=True)
    ]
    sets = {question.pk: question.variant_set_id for question in questions}

    def together(a: Item, b: Item) -> bool:  # a draw shows at most one variant of a set
        return sets.get(a.id) is None or sets.get(a.id) != sets.get(b.id)

    set_warnings = (
        quiz_warnings(items, together=together) if across else check_longest_key_share(items)
    )
    return Review(title, results, set_warnings, longest_key_share(items))


def quiz_review(quiz: QuizPage) -> Review:
    """The item-writing review of a quiz: its candidate questions and how they cue each other."""
    return _review(quiz.title, quiz_candidate_questions(quiz), across=True)


def bank_review(bank) -> Review:
    """A bank's questions one by one, and the longest-key share over the bank. Cross-cueing
    needs one attempt, so it is reviewed per quiz only."""
    questions = list(bank.questions.select_related("scenario").order_by("category__name", "pk"))
    return _review(f"Bank: {bank.name}", questions, across=False)


def reviewable_quizzes(user):
    """Quizzes whose review `user` may read: those they can edit (all, for superusers)."""
    policy = PagePermissionPolicy(QuizPage)
    return policy.instances_user_has_permission_for(user, "change").specific().order_by("path")


def quizzes_using(question: Question) -> list[QuizPage]:
    """Quizzes that can show the question: a slot names it, always includes it, draws from its
    category or one the category sits inside, or shows a variant of its set."""
    from quizzes.draws import category_chain
    from quizzes.models import QuestionCategory

    parents = dict(QuestionCategory.objects.values_list("id", "parent_id"))
    reach = Q(slots__question=question) | Q(slots__required_questions=question)
    reach |= Q(slots__category_id__in=category_chain(question.category_id, parents))
    if question.variant_set_id is not None:
        reach |= Q(slots__variant_set_id=question.variant_set_id)
    return list(QuizPage.objects.filter(reach).distinct().order_by("path"))


def question_cross_cues(question: Question) -> list[tuple[QuizPage, ItemWarning]]:
    """Cross-cues that involve the question, in each quiz that can show it."""
    found = []
    for quiz in quizzes_using(question):
        for warning in quiz_review(quiz).set_warnings:
            if question.pk in (warning.item_id, warning.other_id):
                found.append((quiz, warning))
    return found
