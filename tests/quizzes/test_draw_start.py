"""Attempt start with draw rules: what it records, what it refuses, and what it costs."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes.models import (
    Attempt,
    AttemptQuestion,
    QuestionCategory,
    QuizSlot,
    Scenario,
    VariantSet,
)
from quizzes.services import QuizUnavailable, attempt_start, attempt_submit
from tests.factories import lessons_of
from tests.factories.quizzes import QuestionCategoryFactory, QuestionFactory, QuizPageFactory
from tests.quizzes.test_hotspot_one_image import hotspot_body

pytestmark = pytest.mark.django_db


def module_of(course):
    return lessons_of(course)[0].get_parent()


@pytest.fixture
def safety(quiz_course):
    """5 from Contraindications, one per sub-category, always including the pregnancy item."""
    root = QuestionCategoryFactory(name="Contraindications")
    subs = [QuestionCategory.objects.create(name=f"Sub {i}", parent=root) for i in range(4)]
    questions = [QuestionFactory(category=sub) for sub in subs for _ in range(2)]
    questions[1].tags.add("lumbar")
    questions[1].save()
    quiz = QuizPageFactory(parent=module_of(quiz_course), attempts_allowed=0)
    slot = QuizSlot.objects.create(quiz=quiz, category=root, count=5, cover_subcategories=True)
    slot.required_questions.set([questions[0]])
    slot.coverage_tags.set([questions[1].tags.get()])
    slot.save()  # parental many-to-many relations are written on save
    return {"quiz": quiz, "slot": slot, "questions": questions, "subs": subs, "root": root}


def drawn_ids(attempt):
    return list(attempt.questions.values_list("question_id", flat=True))


def test_start_meets_coverage_and_records_the_slot(enrolled, safety):
    attempt, created = attempt_start(quiz=safety["quiz"], user=enrolled)
    assert created
    rows = list(attempt.questions.all())
    ids = [row.question_id for row in rows]
    assert len(ids) == len(set(ids)) == 5
    assert safety["questions"][0].pk in ids and safety["questions"][1].pk in ids
    categories = {row.question.category_id for row in rows}
    assert {sub.pk for sub in safety["subs"]} <= categories
    assert {row.slot_id for row in rows} == {safety["slot"].pk}
    assert all(row.snapshot["origin"]["slot_id"] == safety["slot"].pk for row in rows)


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (
            lambda s: _delete(s, 6, 7),
            "no question in “Contraindications” has sub-category “Sub 3”",
        ),
        (lambda s: _move(s["questions"][0], s["root"].pk + 1000), "is not in “Contraindications”"),
        (lambda s: _untag(s["questions"][1]), "has tag “lumbar”"),
        (lambda s: _delete(s, 0, 3, 5, 7), "draws 5 from “Contraindications” but only 4"),
    ],
    ids=["sub-category-emptied", "required-moved", "untagged", "pool-shrunk"],
)
def test_a_draw_broken_after_saving_is_refused_at_start(
    on_each_database, enrolled, safety, break_it, message
):
    break_it(safety)
    with pytest.raises(QuizUnavailable, match="cannot be started until its author fixes") as error:
        attempt_start(quiz=safety["quiz"], user=enrolled)
    assert message in str(error.value)
    assert not Attempt.objects.filter(quiz=safety["quiz"]).exists()


def _move(question, _):
    question.category = QuestionCategoryFactory(name="Elsewhere")
    question.save()


def _untag(question):
    question.tags.clear()
    question.save()


def _delete(safety, *positions):
    for position in positions:
        safety["questions"][position].delete()


def test_the_start_view_shows_the_refusal_not_a_500(client, enrolled, safety):
    _untag(safety["questions"][1])
    client.force_login(enrolled)
    response = client.post(reverse("quizzes:start", args=[safety["quiz"].id]), follow=True)
    assert response.status_code in (200, 403)
    assert "cannot be started until its author fixes" in response.content.decode()


def test_an_attempt_already_started_is_unaffected_by_later_edits(enrolled, safety):
    attempt, _ = attempt_start(quiz=safety["quiz"], user=enrolled)
    before = [(row.position, row.snapshot) for row in attempt.questions.all()]
    _untag(safety["questions"][1])  # the draw is now broken
    resumed, created = attempt_start(quiz=safety["quiz"], user=enrolled)
    assert not created and resumed.pk == attempt.pk
    assert [(row.position, row.snapshot) for row in resumed.questions.all()] == before


def test_a_retake_shows_an_unseen_variant_and_records_it(on_each_database, enrolled, quiz_course):
    variants = VariantSet.objects.create(name="Pneumothorax recognition")
    members = [QuestionFactory(variant_set=variants) for _ in range(3)]
    quiz = QuizPageFactory(parent=module_of(quiz_course), attempts_allowed=0)
    slot = QuizSlot.objects.create(quiz=quiz, variant_set=variants)
    shown = []
    for _ in range(4):
        attempt, _ = attempt_start(quiz=quiz, user=enrolled)
        row = attempt.questions.get()
        assert row.variant_set_id == variants.pk and row.slot_id == slot.pk
        assert row.snapshot["origin"] == {"slot_id": slot.pk, "variant_set_id": variants.pk}
        shown.append(row.question_id)
        attempt_submit(attempt=attempt)
    assert sorted(shown[:3]) == sorted(m.pk for m in members), "three attempts, three variants"
    assert shown[3] == shown[0], "then the one seen longest ago"


# ---- query counts at start: constant in questions, slots and variants -----------------------


def build_quiz(parent, *, fixed=2, variant_slots=2, variants=3, subcategories=2, hotspots=1):
    """Fixed questions (half about one case), variant slots, and a draw covering sub-categories
    and a tag with one required item; returns the quiz and how many questions an attempt gets."""
    scenario = Scenario.objects.create(title="Case", vignette="<p>A patient.</p>")
    quiz = QuizPageFactory(parent=parent, shuffle_questions=True)
    order = iter(range(1000))
    for i in range(fixed):
        question = QuestionFactory(scenario=scenario if i % 2 else None)
        QuizSlot.objects.create(quiz=quiz, question=question, sort_order=next(order))
    for _ in range(hotspots):  # each answer image is a StreamField reference to resolve
        question = QuestionFactory(body=hotspot_body(wagtail_factories.ImageFactory().pk))
        QuizSlot.objects.create(quiz=quiz, question=question, sort_order=next(order))
    for _ in range(variant_slots):
        variant_set = VariantSet.objects.create(name=f"Set {VariantSet.objects.count()}")
        for _ in range(variants):
            QuestionFactory(variant_set=variant_set, scenario=scenario)
        QuizSlot.objects.create(quiz=quiz, variant_set=variant_set, sort_order=next(order))
    root = QuestionCategoryFactory()
    subs = [QuestionCategoryFactory(parent=root) for _ in range(subcategories)]
    pool = [QuestionFactory(category=sub) for sub in subs for _ in range(2)]
    for question in pool[::2]:
        question.tags.add(f"tag-{root.pk}")
        question.save()
    slot = QuizSlot.objects.create(
        quiz=quiz,
        category=root,
        count=subcategories + 1,
        cover_subcategories=True,
        sort_order=next(order),
    )
    slot.required_questions.set(pool[:1])
    slot.coverage_tags.set(pool[0].tags.all())
    slot.save()
    return quiz, fixed + hotspots + variant_slots + subcategories + 1


@pytest.mark.parametrize(
    "grows", ["fixed", "hotspots", "variant_slots", "variants", "subcategories"]
)
def test_start_queries_constant_in_questions_slots_and_variants(
    on_each_database, client, enrolled, quiz_course, grows
):
    client.force_login(enrolled)
    warm_up, _ = build_quiz(module_of(quiz_course))  # first-request caches (content types)
    client.post(reverse("quizzes:start", args=[warm_up.id]))
    counts = {}
    for size in (1, 4, 12):
        quiz, questions = build_quiz(module_of(quiz_course), **{grows: size})
        with CaptureQueriesContext(connection) as queries:
            response = client.post(reverse("quizzes:start", args=[quiz.id]))
        assert response.status_code == 302
        attempt = Attempt.objects.get(quiz=quiz, user=enrolled)
        assert AttemptQuestion.objects.filter(attempt=attempt).count() == questions
        counts[size] = len(queries)
    print(f"\nstart queries as {grows} grows 1/4/12: {counts}")
    assert len(set(counts.values())) == 1, counts


def test_item_review_sees_every_question_the_draws_can_show(quiz_course):
    """The quiz-level item-writing checks read the same reach as the draw: variants, questions
    in sub-categories and always-included ones."""
    from quizzes.item_review import quiz_candidate_questions, quizzes_using

    quiz, _ = build_quiz(module_of(quiz_course), hotspots=0)
    candidates = {q.pk for q in quiz_candidate_questions(quiz)}
    variant = QuestionFactory(variant_set=VariantSet.objects.first())
    in_sub = QuestionCategory.objects.filter(parent__isnull=False).first().questions.first()
    assert in_sub.pk in candidates
    assert {q.pk for q in VariantSet.objects.first().questions.exclude(pk=variant.pk)} <= candidates
    assert quizzes_using(variant) == [quiz]
    assert quizzes_using(in_sub) == [quiz]


def test_autosave_and_submit_queries_constant_in_questions_slots_and_variants(
    on_each_database, client, enrolled, quiz_course
):
    """Saving every answer at once and submitting cost the same however big the draw is."""
    import json

    from tests.quizzes.test_attempts import key_response

    client.force_login(enrolled)
    counts = {}
    for size in (1, 4, 12):
        quiz, _ = build_quiz(
            module_of(quiz_course), fixed=size, variant_slots=size, variants=size, hotspots=0
        )
        client.post(reverse("quizzes:start", args=[quiz.id]))
        attempt = Attempt.objects.get(quiz=quiz, user=enrolled)
        answers = {str(row.position): key_response(row) for row in attempt.questions.all()}
        with CaptureQueriesContext(connection) as saving:
            response = client.post(
                reverse("quizzes:autosave", args=[attempt.id]),
                data=json.dumps({"responses": answers}),
                content_type="application/json",
            )
        assert response.json()["saved"] == len(answers)
        with CaptureQueriesContext(connection) as submitting:
            response = client.post(reverse("quizzes:submit", args=[attempt.id]))
        assert response.status_code == 302
        attempt.refresh_from_db()
        assert attempt.percent == 100
        counts[size] = (len(saving), len(submitting))
    print(f"\nautosave/submit queries as the quiz grows 1/4/12: {counts}")
    assert len(set(counts.values())) == 1, counts
