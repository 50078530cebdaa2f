"""Imported questions, marked end to end: a perfect answer must earn full marks."""

import random
from decimal import Decimal

import pytest

from quizzes.importers.parse import parse_file
from quizzes.importers.services import questions_import
from quizzes.marking import mark, points_for
from quizzes.models import QuestionBank
from quizzes.snapshots import question_snapshot
from tests.quizzes.interop.xml_samples import answer, question, quiz

pytestmark = pytest.mark.django_db

THIRDS_GIFT = b"Pick the three {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}"
THIRDS_XML = quiz(
    question(
        "multichoice",
        "<single>false</single>"
        + "".join(answer("33.33333", text) for text in "abc")
        + answer("-100", "d"),
    )
)


def imported(data: bytes, file_format: str):
    bank = QuestionBank.objects.create(name=f"Marking {file_format}")
    report = questions_import(bank=bank, result=parse_file(data, file_format))
    assert report.problems == [], report.problems
    return bank.questions.get()


@pytest.mark.parametrize(
    ("data", "file_format"), [(THIRDS_GIFT, "gift"), (THIRDS_XML, "moodlexml")], ids=["gift", "xml"]
)
def test_moodle_thirds_give_full_marks_for_all_right_options(data, file_format):
    question = imported(data, file_format)
    snapshot = question_snapshot(question, rng=random.Random(3), shuffle_options=False)
    ids = [option["id"] for option in snapshot["display"]["options"]]
    right = mark("multiple_response", snapshot["key"], {"choices": ids[:3]})
    assert right.is_correct
    assert points_for(right, Decimal("2")) == Decimal("2.00")
    with_wrong = mark("multiple_response", snapshot["key"], {"choices": ids})
    assert with_wrong.fraction == 0.0  # the -100% option still costs everything
    credits = [option["credit"] for option in snapshot["key"]["options"]]
    assert sum(credit for credit in credits if credit > 0) == pytest.approx(1, abs=1e-15)
    assert credits[3] == -1.0
