"""The demo bank and quizzes exported, then imported into an empty database: the same data."""

import time

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from courses.models import CoursePage
from packages.bank_export import bank_data, bank_export
from packages.bank_write import bank_write
from packages.bank_yaml import bank_parse
from packages.quiz_apply import quiz_export, quizzes_check
from packages.quiz_yaml import quiz_parse
from packages.source import dump_yaml, load_yaml
from quizzes.models import Question, QuizPage


class _Discard(Exception):
    pass


def _fit_hotspot_alt():
    """The current demo's hotspot description is 375 characters, over the 300 its block allows
    (the editor refuses it too; the demo-bank rewrite replaces it). Trimmed here so the round
    trip tests the format, not that item."""
    for question in Question.objects.filter(question_type="hotspot"):
        raw = question.body.raw_data
        raw[0]["value"]["image_alt"] = raw[0]["value"]["image_alt"][:300]
        question.body = raw
        question.save()


@pytest.mark.django_db
def test_demo_bank_export_imports_into_an_empty_database_identically():
    with pytest.raises(_Discard), transaction.atomic():  # a scratch database, rolled back
        call_command("load_demo", verbosity=0)
        _fit_hotspot_alt()
        course = CoursePage.objects.get()
        exported = bank_export(course=course)
        text = dump_yaml(exported.data)
        files = {path: image.file.read() for path, image in exported.assets.items()}
        quizzes = {
            q.slug: dump_yaml(quiz_export(q, keys=exported.keys))
            for q in QuizPage.objects.descendant_of(course)
        }
        raise _Discard
    assert not Question.objects.exists() and not CoursePage.objects.exists()
    parsed, problems, warnings = bank_parse(
        load_yaml(text, file="questions.yaml"), file="questions.yaml", assets=set(files)
    )
    assert [str(p) for p in problems] == []
    images = {}
    for path, data in files.items():
        from io import BytesIO

        image = get_image_model()(title=path, file=ImageFile(BytesIO(data), name=path[7:]))
        image.save()
        images[path] = image
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        written = bank_write(parsed=parsed, update=False, images=images)
    took = time.perf_counter() - started
    again = bank_data(question_ids=[q.pk for q in written.questions.values()])
    paths = {
        path: next(p for p, i in images.items() if i.pk == image.pk)
        for path, image in again.assets.items()
    }
    text_again = dump_yaml(again.data)
    for new, old in paths.items():
        text_again = text_again.replace(new, old)
    assert text_again == text
    parsed_quizzes = {}
    for slug, quiz_text in quizzes.items():
        quiz, quiz_problems, _ = quiz_parse(
            load_yaml(quiz_text, file="course.yaml"), file="course.yaml", bank=parsed
        )
        assert [str(p) for p in quiz_problems] == []
        parsed_quizzes[slug] = quiz
        assert dump_yaml(quiz.entry) == quiz_text
    assert quizzes_check(parsed_quizzes) == []
    print(
        f"demo bank: {len(written.created)} questions written in {len(queries)} queries, "
        f"{took * 1000:.0f} ms on {connection.vendor}; {len(warnings)} item-writing warnings"
    )
