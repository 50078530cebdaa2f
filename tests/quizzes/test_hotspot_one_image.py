"""A hotspot question has one image: the one in its answer block, where its zones are drawn."""

import importlib
import random

import pytest
import wagtail_factories
from django.apps import apps
from django.core.exceptions import ValidationError

from quizzes.snapshots import question_snapshot
from tests.factories.quizzes import QuestionFactory, body

pytestmark = pytest.mark.django_db


def hotspot_body(image_pk, alt="A diagram of the lower back"):
    zones = [{"shape": "circle", "coords": "10, 10, 5", "credit": 1.0}]
    return body("hotspot", image=image_pk, image_alt=alt, zones=zones)


def test_a_hotspot_question_refuses_a_second_image():
    answer_image, other = wagtail_factories.ImageFactory(), wagtail_factories.ImageFactory()
    question = QuestionFactory(body=hotspot_body(answer_image.pk), image=other)
    with pytest.raises(ValidationError) as error:
        question.clean()
    assert "image" in error.value.message_dict
    QuestionFactory(kind="single_choice", image=other).clean()  # other types may have a picture


def test_a_hotspot_snapshot_shows_only_the_answer_image():
    answer_image, other = wagtail_factories.ImageFactory(), wagtail_factories.ImageFactory()
    question = QuestionFactory(body=hotspot_body(answer_image.pk), image=other, image_alt="x")
    snapshot = question_snapshot(question, rng=random.Random(1), shuffle_options=False)
    assert snapshot["display"]["image"] is None
    assert snapshot["display"]["image_url"] == answer_image.file.url


def test_migration_leaves_each_hotspot_one_image():
    migration = importlib.import_module("quizzes.migrations.0003_hotspot_image_in_answer_only")
    answer_image, other = wagtail_factories.ImageFactory(), wagtail_factories.ImageFactory()
    both = QuestionFactory(body=hotspot_body(answer_image.pk), image=other, image_alt="Other")
    only_question = QuestionFactory(body=hotspot_body(None, alt=""), image=other, image_alt="Back")
    choice = QuestionFactory(kind="single_choice", image=other, image_alt="Kept")

    migration.hotspot_images_into_the_answer(apps, None)

    both.refresh_from_db()
    assert (both.image_id, both.image_alt) == (None, "")
    assert both.body[0].value["image"].pk == answer_image.pk
    only_question.refresh_from_db()
    assert only_question.image_id is None
    assert only_question.body[0].value["image"].pk == other.pk
    assert only_question.body[0].value["image_alt"] == "Back"
    choice.refresh_from_db()
    assert (choice.image_id, choice.image_alt) == (other.pk, "Kept")
