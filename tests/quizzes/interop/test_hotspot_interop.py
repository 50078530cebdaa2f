"""Hotspot <-> ddmarker only where both mark the same: Moodle scores ddmarker as hits divided by
max(zones, markers), so every zone needs its own marker, while the engine's hotspot gives full
credit for one click in any credited zone."""

import pytest
import wagtail_factories

from quizzes.exporters import questions_export
from quizzes.importers.moodle_xml import parse_moodle_xml
from quizzes.models import QuestionBank
from tests.factories.quizzes import QuestionFactory, body
from tests.quizzes.interop.xml_samples import png_base64, question, quiz

BACKGROUND = f'<file name="b.png" encoding="base64">{png_base64()}</file>'
MARKER = "<drag><no>1</no><text>Marker</text><noofdrags>1</noofdrags></drag>"


def drop(number, choice=1):
    return (
        f"<drop><no>{number}</no><shape>circle</shape><coords>10,10;5</coords>"
        f"<choice>{choice}</choice></drop>"
    )


def test_ddmarker_with_two_zones_is_skipped_not_made_an_any_zone_hotspot():
    result = parse_moodle_xml(quiz(question("ddmarker", BACKGROUND + MARKER + drop(1) + drop(2))))
    assert result.questions == []
    [problem] = result.problems
    assert problem.skipped
    assert "2 drop zones" in problem.message and "marker on every zone" in problem.message


def test_ddmarker_without_a_zone_or_with_a_zone_for_another_marker_is_skipped():
    for inner in (BACKGROUND + MARKER, BACKGROUND + MARKER + drop(1, choice=2)):
        result = parse_moodle_xml(quiz(question("ddmarker", inner)))
        assert result.questions == [] and [p.skipped for p in result.problems] == [True]


def test_ddmarker_with_one_marker_and_one_zone_is_imported():
    result = parse_moodle_xml(quiz(question("ddmarker", BACKGROUND + MARKER + drop(1))))
    assert [q.kind for q in result.questions] == ["hotspot"]


def hotspot(bank, title, zones):
    image = wagtail_factories.ImageFactory(file__width=40, file__height=30)
    zones = [{"shape": "circle", "coords": "10, 10, 5", "credit": credit} for credit in zones]
    QuestionFactory(bank=bank, title=title, body=body("hotspot", image=image.pk, image_alt="A",
                                                       zones=zones))  # fmt: skip


@pytest.mark.django_db
def test_only_single_full_credit_zone_hotspots_are_exported():
    bank = QuestionBank.objects.create(name="Hotspots")
    hotspot(bank, "One zone", [1.0])
    hotspot(bank, "Two zones", [1.0, 1.0])
    hotspot(bank, "Partial zone", [0.5])
    xml, notes = questions_export(bank.questions.all(), "moodlexml")
    exported = parse_moodle_xml(xml.encode())
    assert [q.title for q in exported.questions] == ["One zone"]
    left_out = {note.title: note.message for note in notes if note.skipped}
    assert set(left_out) == {"Two zones", "Partial zone"}
    assert "2 zones" in left_out["Two zones"] and "marker on every zone" in left_out["Two zones"]
    assert "partial credit" in left_out["Partial zone"]
    assert "<!-- left out: Two zones: not exported: it has 2 zones" in xml
    assert xml.count("<drop>") == 1
