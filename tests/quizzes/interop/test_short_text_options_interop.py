"""GIFT and Moodle XML cannot carry the short-text options: imports get them off (marking as in
Moodle), and an export of an answer that uses them says so."""

import random

import pytest

from quizzes.exporters import questions_export
from quizzes.importers.parse import parse_file
from quizzes.importers.services import questions_import
from quizzes.marking import mark_short_text
from quizzes.models import Question, QuestionBank
from quizzes.short_text import OPTIONS
from quizzes.snapshots import question_snapshot
from tests.factories.quizzes import QuestionFactory, body
from tests.quizzes.interop.xml_samples import answer, question, quiz

pytestmark = pytest.mark.django_db

GIFT = b"Name the complication {=pneumothorax =collapsed lung}"
XML = quiz(question("shortanswer", answer("100", "pneumothorax") + answer("100", "collapsed lung")))


@pytest.mark.parametrize(("data", "file_format"), [(GIFT, "gift"), (XML, "moodlexml")])
def test_imported_short_answers_have_the_options_off_and_mark_as_moodle_does(data, file_format):
    bank = QuestionBank.objects.create(name=file_format)
    report = questions_import(bank=bank, result=parse_file(data, file_format))
    assert report.problems == []
    imported = bank.questions.get()
    answers = imported.body[0].value["answers"]
    assert all(entry[name] is False for entry in answers for name in OPTIONS)
    key = question_snapshot(imported, rng=random.Random(1), shuffle_options=False)["key"]
    assert mark_short_text(key, {"text": "Pneumothorax"}).is_correct
    for given in ["a pneumothorax", "Collapsed lung.", "collapsed lungs"]:
        assert not mark_short_text(key, {"text": given}).is_correct


def short_text(**options):
    answers = [
        {"text": "pneumothorax", "credit": 1.0, **options},
        {"text": "PTX", "credit": 1.0, **dict.fromkeys(OPTIONS, False)},
    ]
    return body("short_text", answers=answers, case_sensitive=False, model_answer="")


@pytest.mark.parametrize("export_format", ["gift", "moodlexml"])
def test_an_export_says_which_answers_lose_their_options(export_format):
    QuestionFactory(
        title="Lenient",
        body=short_text(ignore_articles=True, ignore_punctuation=False, singular_or_plural=True),
    )
    text, notes = questions_export(Question.objects.all(), export_format)
    lost = [str(note) for note in notes if "plurals" in str(note)]
    assert len(lost) == 1 and not notes[0].skipped
    assert "'pneumothorax' ignores leading a/an/the, singular vs plural" in lost[0]
    assert "PTX" not in lost[0]
    assert "ignores leading a/an/the" in text  # the note is written into the file too
    assert "pneumothorax" in text


@pytest.mark.parametrize("export_format", ["gift", "moodlexml"])
def test_an_export_of_answers_without_options_has_no_such_note(export_format):
    QuestionFactory(title="Strict", body=short_text(**dict.fromkeys(OPTIONS, False)))
    _, notes = questions_export(Question.objects.all(), export_format)
    assert not [note for note in notes if "plurals" in str(note)]
