"""The review shows a short-text item's model answer, never the marking patterns."""

import random
from types import SimpleNamespace

import pytest
from wagtail.blocks import StructBlockValidationError

from quizzes.blocks import ShortTextBlock
from quizzes.review import correct_text
from quizzes.snapshots import question_snapshot
from tests.factories.quizzes import QuestionFactory, body

PNEUMOTHORAX = [
    {"text": "pneumoth*", "credit": 1.0},
    {"text": "collapsed lung", "credit": 1.0},
    {"text": "a collapsed lung", "credit": 1.0},
]


def reviewed(question) -> str:
    snapshot = question_snapshot(question, rng=random.Random(1), shuffle_options=False)
    return correct_text(SimpleNamespace(snapshot=snapshot, response={"text": "x"}))


def short_text(answers, model_answer=""):
    return body("short_text", answers=answers, case_sensitive=False, model_answer=model_answer)


@pytest.mark.django_db
def test_review_shows_the_instructors_model_answer():
    question = QuestionFactory(body=short_text(PNEUMOTHORAX, "Pneumothorax (a collapsed lung)"))
    assert reviewed(question) == "Pneumothorax (a collapsed lung)"


@pytest.mark.django_db
def test_without_a_model_answer_the_review_shows_the_first_full_credit_literal_answer():
    answers = [{"text": "twitch", "credit": 0.5}, *PNEUMOTHORAX]
    assert reviewed(QuestionFactory(body=short_text(answers))) == "collapsed lung"


@pytest.mark.django_db
def test_a_wildcard_pattern_is_put_in_words_when_nothing_else_is_there():
    answers = [{"text": "*local twitch*", "credit": 1.0}, {"text": "twitch", "credit": 0.5}]
    shown = reviewed(QuestionFactory(body=short_text(answers)))
    assert shown == "any answer containing “local twitch”"
    answers = [{"text": "pneumo*thorax", "credit": 1.0}]
    shown = reviewed(QuestionFactory(body=short_text(answers)))
    assert shown == "any answer starting with “pneumo” and ending in “thorax”"


def test_a_snapshot_frozen_before_model_answers_still_reviews_without_patterns():
    old = {
        "type": "short_text",
        "display": {"stem": "<p>?</p>", "image": None, "scenario": None},
        "review": {"answers": PNEUMOTHORAX, "general_feedback": "", "critical_reason": ""},
    }
    assert correct_text(SimpleNamespace(snapshot=old, response={})) == "collapsed lung"


def test_the_editor_refuses_a_model_answer_the_marker_would_not_accept():
    block = ShortTextBlock()
    value = block.to_python({"answers": PNEUMOTHORAX, "model_answer": "Haemothorax"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "model_answer" in error.value.block_errors
    fine = block.to_python({"answers": PNEUMOTHORAX, "model_answer": "Pneumothorax"})
    assert block.clean(fine)["model_answer"] == "Pneumothorax"


@pytest.mark.django_db
def test_the_demo_short_text_items_have_model_answers():
    from django.core.management import call_command

    from quizzes.models import Question
    from tests.demo import package

    items = [q for q in package.questions() if q["type"] == "short_text"]
    assert items and all(q.get("model_answer") for q in items)
    call_command("load_demo", verbosity=0)
    block = ShortTextBlock()
    for item in items:  # and each one, as imported, earns full marks
        (imported,) = Question.objects.get(title=item["title"]).body
        assert imported.value["model_answer"] == item["model_answer"]
        block.clean(imported.value)


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["gift", "moodlexml"])
def test_exports_say_the_model_answer_is_not_carried(export_format):
    from quizzes.exporters import questions_export
    from quizzes.models import Question

    QuestionFactory(body=short_text(PNEUMOTHORAX, "Pneumothorax"))
    text, notes = questions_export(Question.objects.all(), export_format)
    assert "pneumoth*" in text
    assert any("model answer" in str(note) for note in notes)
