"""The quiz editor refuses a draw that cannot be satisfied, naming the slot; valid ones save."""

import pytest
from django.urls import reverse
from taggit.models import Tag
from wagtail.test.utils.form_data import inline_formset

from quizzes.models import QuestionCategory, VariantSet
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import QuestionCategoryFactory, QuestionFactory, QuizPageFactory
from tests.quizzes.editor_form import post_quiz_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def bank(db):
    """Contraindications with three sub-categories of two questions each, tagged by site."""
    root = QuestionCategoryFactory(name="Contraindications")
    subs = [
        QuestionCategory.objects.create(name=name, parent=root)
        for name in ("Pregnancy", "Anticoagulants", "Needle phobia")
    ]
    questions = [
        QuestionFactory(category=sub, title=f"{sub.name} {i}") for sub in subs for i in (1, 2)
    ]
    for question in questions[:3]:
        question.tags.add("lumbar")
        question.save()
    variants = VariantSet.objects.create(name="Pneumothorax recognition")
    risks = QuestionCategoryFactory(name="Risks")
    for i in range(3):
        QuestionFactory(category=risks, variant_set=variants, title=f"Pneumothorax {i}")
    outside = QuestionFactory(category=risks, title="Thoracic needling depth")
    outside.tags.add("thoracic")  # a tag in use, but by no contraindication
    outside.save()
    return {"root": root, "subs": subs, "questions": questions, "variants": variants}


def row(**fields):
    values = {"question": "", "variant_set": "", "category": "", "count": 1}
    for name, value in fields.items():
        if isinstance(value, list):  # a multiple choice posts one value per item
            value = tuple(v.pk for v in value)
        elif hasattr(value, "pk"):
            value = value.pk
        values[name] = value
    if fields.get("cover_subcategories") is False:
        del values["cover_subcategories"]
    return values


def save(client, rows):
    course = build_course(modules=1, lessons_per_module=1)
    quiz = QuizPageFactory(parent=course)
    return post_quiz_editor(client, quiz, slots=inline_formset(rows), review_timing="immediately")


def refused(response) -> str:
    assert response.status_code == 200, "the editor must refuse this quiz"
    return response.context["form"].non_field_errors()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            lambda b: [row(category=b["root"], count=7)],
            "Slot 1: draws 7 from “Contraindications” but only 6",
        ),
        (
            lambda b: [row(category=b["root"], count=2, cover_subcategories=True)],
            "Slot 1: One from each sub-category needs 3 questions, but it draws 2",
        ),
        (
            lambda b: [row(category=b["subs"][0], count=1, cover_subcategories=True)],
            "Slot 1: “Pregnancy” has no sub-categories",
        ),
        (
            lambda b: [row(category=b["root"], count=1, required_questions=b["questions"][:2])],
            "always includes 2 questions but draws only 1",
        ),
        (
            lambda b: [
                row(category=b["root"], count=2, coverage_tags=[Tag.objects.get(name="thoracic")])
            ],
            "no question in “Contraindications” has tag “thoracic”",
        ),
        (
            lambda b: [row(variant_set=VariantSet.objects.create(name="Empty set"))],
            "Slot 1: variant set “Empty set” has no questions",
        ),
        (
            lambda b: [
                row(question=b["questions"][0]),
                row(category=b["root"], count=3, required_questions=b["questions"][:1]),
            ],
            "Slot 2: “Pregnancy 1” is already placed by slot 1",
        ),
        (
            lambda b: [row(category=b["subs"][1], count=1, required_questions=b["questions"][:1])],
            "Slot 1: “Pregnancy 1” is not in “Anticoagulants”",
        ),
        (
            lambda b: [row(variant_set=b["variants"]), row(variant_set=b["variants"])],
            "Slot 2: variant set “Pneumothorax recognition” is already used by slot 1",
        ),
        (
            lambda b: [row(category=b["root"], count=2), row(category=b["subs"][2], count=1)],
            "Slot 2: its pool “Needle phobia” overlaps the draw of slot 1",
        ),
    ],
)
def test_the_editor_refuses_an_unsatisfiable_draw(editor, bank, rows, message):
    response, quiz = save(editor, rows(bank))
    errors = refused(response)
    assert any(message in error for error in errors), errors
    assert not quiz.slots.exists()  # nothing published


def test_a_slot_with_two_kinds_is_refused_on_its_row(editor, bank):
    response, _ = save(editor, [row(question=bank["questions"][0], category=bank["root"])])
    slot_form = response.context["form"].formsets["slots"].forms[0]
    assert "Choose one: a question, a variant set, or a category" in str(slot_form.errors)


@pytest.mark.parametrize(
    "rows",
    [
        lambda b: [row(category=b["root"], count=3, cover_subcategories=True)],
        lambda b: [
            row(
                category=b["root"],
                count=5,
                required_questions=b["questions"][3:5],
                cover_subcategories=True,
                coverage_tags=[Tag.objects.get(name="lumbar")],
            )
        ],
        lambda b: [row(category=b["root"], count=6)],
        lambda b: [row(question=b["questions"][0]), row(category=b["root"], count=5)],
        lambda b: [row(variant_set=b["variants"]), row(category=b["root"], count=2)],
        lambda b: [row(category=b["subs"][0], count=2), row(category=b["subs"][1], count=2)],
    ],
    ids=["cover", "required-cover-tag", "whole-pool", "fixed-then-rest", "variant", "siblings"],
)
def test_satisfiable_draws_save(editor, bank, rows):
    rows = rows(bank)
    response, quiz = save(editor, rows)
    assert response.status_code == 302, response.context["form"].non_field_errors()
    assert quiz.slots.count() == len(rows)


def test_required_questions_and_tags_are_saved_and_in_the_revision(editor, bank):
    lumbar = Tag.objects.get(name="lumbar")
    required = bank["questions"][3:5]
    rows = [
        row(category=bank["root"], count=4, required_questions=required, coverage_tags=[lumbar])
    ]
    response, quiz = save(editor, rows)
    assert response.status_code == 302
    slot = quiz.slots.get()
    assert set(slot.required_questions.all()) == set(required)
    assert list(slot.coverage_tags.all()) == [lumbar]
    content = quiz.get_latest_revision().content["slots"][0]
    assert sorted(content["required_questions"]) == sorted(q.pk for q in required)


def test_a_category_cannot_sit_inside_its_own_sub_category(bank):
    from django.core.exceptions import ValidationError

    root, child = bank["root"], bank["subs"][0]
    root.parent = child
    with pytest.raises(ValidationError, match="inside itself"):
        root.full_clean()


def test_a_question_a_draw_always_includes_cannot_be_deleted(editor, bank):
    from quizzes.models import Question

    required = bank["questions"][0]
    response, quiz = save(
        editor, [row(category=bank["root"], count=3, required_questions=[required])]
    )
    assert response.status_code == 302
    url = reverse("wagtailsnippets_quizzes_question:delete", args=[required.pk])
    response = editor.post(url, follow=True)
    assert Question.objects.filter(pk=required.pk).exists()
    assert "Not deleted: a draw always includes it" in response.content.decode()
    assert f"in “{quiz.title}”" in response.content.decode()
    other = bank["questions"][5]
    editor.post(reverse("wagtailsnippets_quizzes_question:delete", args=[other.pk]))
    assert not Question.objects.filter(pk=other.pk).exists()  # others delete as before
