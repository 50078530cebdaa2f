"""Migration 0006: short-text answers stored before the options existed keep marking as before."""

import importlib
import json
import random

import pytest
from django.apps import apps

from quizzes.marking import mark_short_text
from quizzes.models import Question
from quizzes.short_text import OPTIONS
from quizzes.snapshots import question_snapshot
from tests.factories.quizzes import QuestionFactory, body

pytestmark = pytest.mark.django_db
migration = importlib.import_module(
    "quizzes.migrations.0006_short_text_options_off_for_stored_answers"
)
OLD_BODY = body("short_text", answers=[{"text": "pneumothorax", "credit": 1.0}],
                case_sensitive=False, model_answer="")  # fmt: skip


def stored_before_the_options(raw_body: str) -> Question:
    """A question row as written before the options existed (the editor would add them)."""
    question = QuestionFactory()
    Question.objects.filter(pk=question.pk).update(body=json.loads(raw_body))
    return question


def stored_answers(question) -> list[dict]:
    raw = Question.objects.get(pk=question.pk).body.raw_data[0]
    return [item["value"] for item in raw["value"]["answers"]]


def test_stored_answers_get_the_options_off_in_the_question_and_its_revisions():
    question = stored_before_the_options(OLD_BODY)
    revision = question.save_revision()
    revision.content["body"] = OLD_BODY  # as a revision saved before the options existed
    revision.save(update_fields=["content"])
    other = QuestionFactory(kind="single_choice")
    other_body = other.body.raw_data[0]
    assert all(name not in stored_answers(question)[0] for name in OPTIONS)

    migration.forwards(apps, None)

    off = dict.fromkeys(OPTIONS, False)
    assert stored_answers(question) == [{"text": "pneumothorax", "credit": 1.0, **off}]
    revision.refresh_from_db()
    revised = json.loads(revision.content["body"])[0]["value"]["answers"][0]["value"]
    assert all(revised[name] is False for name in OPTIONS)
    assert Question.objects.get(pk=other.pk).body.raw_data[0] == other_body
    migration.forwards(apps, None)  # running it again changes nothing
    assert stored_answers(question)[0]["ignore_articles"] is False


def test_a_stored_question_marks_after_the_migration_as_it_did_before():
    question = stored_before_the_options(OLD_BODY)
    migration.forwards(apps, None)
    question = Question.objects.get(pk=question.pk)
    key = question_snapshot(question, rng=random.Random(1), shuffle_options=False)["key"]
    assert mark_short_text(key, {"text": "Pneumothorax"}).is_correct
    assert not mark_short_text(key, {"text": "a pneumothorax"}).is_correct


def test_without_the_migration_a_stored_question_would_silently_accept_more():
    """Why the data migration exists: Wagtail fills a missing option with the new default."""
    question = Question.objects.get(pk=stored_before_the_options(OLD_BODY).pk)
    key = question_snapshot(question, rng=random.Random(1), shuffle_options=False)["key"]
    assert mark_short_text(key, {"text": "a pneumothorax"}).is_correct


def test_an_answer_the_author_already_set_is_left_as_it_is():
    answers = [{"text": "lung", "credit": 1.0, "ignore_articles": True}]
    question = stored_before_the_options(
        body("short_text", answers=answers, case_sensitive=False, model_answer="")
    )
    migration.forwards(apps, None)
    answer = stored_answers(question)[0]
    assert answer["ignore_articles"] is True and answer["singular_or_plural"] is False
