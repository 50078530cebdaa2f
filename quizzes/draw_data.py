"""Reads for the draw: a quiz's slots and the part of the bank they can reach, as plain data.

A fixed number of queries whatever the number of slots, questions or variants, so the editor's
feasibility check and attempt start cost the same for a small quiz and a large final.
"""

from __future__ import annotations

from django.db.models import Q

from courses.outline_cache import kept_value
from quizzes import draws
from quizzes.models import AttemptQuestion, Question, QuestionCategory, QuizSlot, VariantSet
from quizzes.models.bank import QuestionTag


def quiz_draw_slots(*, quiz) -> tuple[list[draws.Slot], dict[int, int]]:
    """The saved slots in order (3 queries), and each slot's index -> QuizSlot id."""
    rows = list(quiz.slots.order_by("sort_order", "pk"))
    required: dict[int, list[int]] = {}
    for slot_id, question_id in (
        QuizSlot.required_questions.through.objects.filter(quizslot__quiz=quiz)
        .order_by("pk")
        .values_list("quizslot_id", "question_id")
    ):
        required.setdefault(slot_id, []).append(question_id)
    tags: dict[int, list[str]] = {}
    for slot_id, name in (
        QuizSlot.coverage_tags.through.objects.filter(quizslot__quiz=quiz)
        .order_by("tag__name")
        .values_list("quizslot_id", "tag__name")
    ):
        tags.setdefault(slot_id, []).append(name)
    slots = [
        draws.Slot(
            index=index,
            question=row.question_id,
            variant_set=row.variant_set_id,
            category=row.category_id,
            count=row.count,
            required=tuple(required.get(row.pk, ())),
            cover_subcategories=row.cover_subcategories,
            tags=tuple(tags.get(row.pk, ())),
        )
        for index, row in enumerate(rows, start=1)
    ]
    return slots, {index: row.pk for index, row in enumerate(rows, start=1)}


def _categories() -> list[tuple[int, int | None, str]]:
    """The category tree. Kept like a quiz's slots: a category saved or deleted drops it
    (quizzes/apps.py), and so does a bank import, which writes categories in bulk."""
    return list(QuestionCategory.objects.values_list("id", "parent_id", "name"))


def draw_bank(*, slots: list[draws.Slot]) -> draws.Bank:
    """Categories, and the questions the slots can reach with their tags (at most 4 queries)."""
    categories = kept_value(("question-categories",), _categories)
    parents = {pk: parent for pk, parent, _ in categories}
    wanted = {s.category for s in slots if s.category is not None}
    subtree = {pk for pk in parents if wanted & set(draws.category_chain(pk, parents))}
    sets = {s.variant_set for s in slots if s.variant_set is not None}
    ids = {s.question for s in slots if s.question is not None}
    ids |= {q for s in slots for q in s.required}
    reach = Q(id__in=ids) | Q(category_id__in=subtree) | Q(variant_set_id__in=sets)
    rows = list(
        Question.objects.filter(reach).values_list("id", "title", "category_id", "variant_set_id")
    )
    tags: dict[int, set[str]] = {}
    if any(s.tags for s in slots):
        for question_id, name in QuestionTag.objects.filter(
            content_object__category_id__in=subtree
        ).values_list("content_object_id", "tag__name"):
            tags.setdefault(question_id, set()).add(name)
    set_names = (
        dict(VariantSet.objects.filter(id__in=sets).values_list("id", "name")) if sets else {}
    )
    return draws.Bank(
        items={
            pk: draws.Item(
                id=pk,
                title=title,
                category=category,
                tags=frozenset(tags.get(pk, ())),
                variant_set=variant_set,
            )
            for pk, title, category, variant_set in rows
        },
        parents=parents,
        category_names={pk: name for pk, _, name in categories},
        variant_set_names=set_names,
    )


def seen_questions(*, quiz, user) -> dict[int, int]:
    """Question -> the latest attempt number that showed it to this trainee (1 query)."""
    seen: dict[int, int] = {}
    for question_id, number in AttemptQuestion.objects.filter(
        attempt__quiz=quiz, attempt__user=user, question__isnull=False
    ).values_list("question_id", "attempt__number"):
        seen[question_id] = max(number, seen.get(question_id, 0))
    return seen
