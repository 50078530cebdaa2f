"""Export then import gives the same questions, for every engine type and both formats."""

import pytest
from PIL import Image

from quizzes.exporters import questions_export
from quizzes.importers.parse import parse_file
from quizzes.importers.services import questions_import
from quizzes.models import QuestionBank
from quizzes.short_text import OPTIONS
from tests.quizzes.interop.conftest import answer_of

pytestmark = pytest.mark.django_db

NOT_IN_GIFT = {"ordering", "hotspot"}


def round_trip(bank, export_format):
    text, notes = questions_export(bank.questions.all(), export_format)
    result = parse_file(text.encode(), export_format)
    target = QuestionBank.objects.create(name=f"Copy ({export_format})")
    report = questions_import(bank=target, result=result)
    assert report.problems == [], report.problems
    return {q.title: q for q in target.questions.all()}, notes


def assert_same_question(original, copy, *, points=True, drop_unit=False):
    assert copy.question_type == original.question_type
    assert copy.stem == original.stem
    assert copy.general_feedback == original.general_feedback
    assert copy.category.name == original.category.name
    if points:
        assert copy.points == original.points
    kind, value = answer_of(original)
    copy_kind, copy_value = answer_of(copy)
    if kind == "hotspot":
        for image_pk in (value.pop("image"), copy_value.pop("image")):
            assert image_pk
        value.pop("image_alt"), copy_value.pop("image_alt")
    if drop_unit and kind == "numeric":
        value["unit"] = ""  # GIFT has no units (reported as an export note)
    if kind == "short_text":  # neither format carries the options: off on import (a note says so)
        for entry in value["answers"]:
            entry.update(dict.fromkeys(OPTIONS, False))
    assert (copy_kind, copy_value) == (kind, value)


def test_moodle_xml_round_trip_keeps_every_type(source_bank):
    source_bank.questions.filter(title="partial single choice").update(points="2.50")
    copies, _notes = round_trip(source_bank, "moodlexml")
    originals = list(source_bank.questions.all())
    assert sorted(copies) == sorted(q.title for q in originals)
    types = set()
    for original in originals:
        assert_same_question(original, copies[original.title])
        assert sorted(copies[original.title].tags.names()) == sorted(original.tags.names())
        types.add(original.question_type)
    assert sorted(copies["Sample true_false"].tags.names()) == ["consent", "safety"]
    assert types == {
        "single_choice", "multiple_response", "true_false", "numeric", "short_text",
        "matching", "ordering", "hotspot",
    }  # fmt: skip


def test_moodle_xml_round_trip_brings_the_hotspot_image(source_bank):
    copies, _ = round_trip(source_bank, "moodlexml")
    from wagtail.images import get_image_model

    value = answer_of(copies["hotspot"])[1]
    image = get_image_model().objects.get(pk=value["image"])
    assert (image.width, image.height) == (400, 300)
    with image.file.open("rb") as handle:
        assert Image.open(handle).size == (400, 300)


def test_gift_round_trip_keeps_every_type_gift_can_express(source_bank):
    copies, notes = round_trip(source_bank, "gift")
    originals = list(source_bank.questions.all())
    for original in originals:
        if original.question_type in NOT_IN_GIFT:
            assert original.title not in copies
            assert any(n.skipped and n.title == original.title for n in notes)
            continue
        assert_same_question(original, copies[original.title], drop_unit=True)
    assert any("GIFT has no units" in n.message for n in notes)
    assert {q.question_type for q in copies.values()} == {
        "single_choice", "multiple_response", "true_false", "numeric", "short_text", "matching",
    }  # fmt: skip


def test_gift_round_trip_keeps_numeric_ranges(db):
    from tests.factories.quizzes import QuestionFactory, body

    bank = QuestionBank.objects.create(name="Ranges")
    QuestionFactory(
        bank=bank,
        title="Range",
        body=body(
            "numeric",
            answers=[
                {"value": None, "tolerance": None, "minimum": "1.5", "maximum": "4",
                 "credit": 1.0},
            ],
            unit="",
        ),
    )  # fmt: skip
    copies, _ = round_trip(bank, "gift")
    assert_same_question(bank.questions.get(), copies["Range"])


def test_exported_files_say_what_they_could_not_carry(source_bank):
    gift, _ = questions_export(source_bank.questions.all(), "gift")
    assert "// left out: hotspot: GIFT has no hotspot question; left out." in gift.splitlines()
    assert "// note: Sample true_false: GIFT has no tags; they are dropped." in gift.splitlines()
    assert "// note: numeric alternatives: GIFT has no units; 'mm' is dropped." in gift.splitlines()
    xml, _ = questions_export(source_bank.questions.all(), "moodlexml")
    assert "<!-- note: hotspot: ddmarker has no alt text for its background. -->" in xml


def test_control_characters_do_not_break_the_xml(db):
    from tests.factories.quizzes import QuestionFactory

    bank = QuestionBank.objects.create(name="Odd")
    QuestionFactory(
        bank=bank, title="Bell\x07", stem="<p>Ring\x07 the bell?</p>", kind="true_false"
    )
    copies, _ = round_trip(bank, "moodlexml")
    assert copies["Bell"].stem == "<p>Ring the bell?</p>"


def test_importing_the_same_images_twice_adds_no_copies(source_bank):
    from wagtail.images import get_image_model

    text, _ = questions_export(source_bank.questions.all(), "moodlexml")
    images_before = get_image_model().objects.count()
    for name in ("Copy 1", "Copy 2"):
        target = QuestionBank.objects.create(name=name)
        questions_import(bank=target, result=parse_file(text.encode(), "moodlexml"))
    assert get_image_model().objects.count() == images_before + 1  # ddmarker PNG, stored once
    image = get_image_model().objects.latest("pk")
    assert image.file_size > 0 and len(image.file_hash) == 40


@pytest.mark.parametrize("export_format", ["gift", "moodlexml"])
def test_answer_texts_with_a_less_than_sign_survive(db, export_format):
    """Moodle keeps short answers and matching answers as typed; '<C6' is not an HTML tag."""
    from tests.factories.quizzes import QuestionFactory, body

    bank = QuestionBank.objects.create(name="Less than")
    QuestionFactory(
        bank=bank,
        title="Short",
        body=body("short_text", answers=[{"text": "C5<C6", "credit": 1.0}], case_sensitive=False),
    )
    QuestionFactory(
        bank=bank,
        title="Match",
        body=body(
            "matching",
            pairs=[
                {"prompt": "Level", "answer": "C5<C6"},
                {"prompt": "Other", "answer": "a<b & c"},
            ],
            distractors=["x<y"],
        ),
    )
    text, _ = questions_export(bank.questions.all(), export_format)
    if export_format == "gift":  # written as typed, as Moodle's GIFT reader expects
        assert "\t=%100%C5<C6" in text.splitlines() and "= -> x<y" in text
    copies, _ = round_trip(bank, export_format)
    off = dict.fromkeys(OPTIONS, False)
    assert answer_of(copies["Short"])[1]["answers"] == [{"text": "C5<C6", "credit": 1.0, **off}]
    matching = answer_of(copies["Match"])[1]
    assert [pair["answer"] for pair in matching["pairs"]] == ["C5<C6", "a<b & c"]
    assert matching["distractors"] == ["x<y"]


def test_gift_option_texts_that_look_like_weights_keep_their_credit(db):
    from tests.factories.quizzes import QuestionFactory, body

    bank = QuestionBank.objects.create(name="Percent texts")
    options = [
        {"text": "%100%best", "credit": 1.0, "feedback": ""},
        {"text": "%50%wrong", "credit": 0.0, "feedback": ""},
        {"text": "%-50%half", "credit": 0.5, "feedback": ""},
    ]
    QuestionFactory(bank=bank, title="Single", body=body("single_choice", options=options))
    many = [{"text": "%50%a", "credit": 1.0, "feedback": ""},
            {"text": "%100%b", "credit": 0.0, "feedback": ""}]  # fmt: skip
    QuestionFactory(bank=bank, title="Many", body=body("multiple_response", options=many))
    text, _ = questions_export(bank.questions.all(), "gift")
    assert "\t~%0%%50%wrong" in text.splitlines()
    copies, _ = round_trip(bank, "gift")
    for title in ("Single", "Many"):
        assert_same_question(bank.questions.get(title=title), copies[title], points=False)


def test_a_failed_import_removes_the_image_files_it_wrote(source_bank, monkeypatch):
    """Images are written to storage before the questions are inserted; a rollback removes the
    image rows but not the files, so the import deletes them itself."""
    from django.db import DatabaseError
    from wagtail.images import get_image_model

    from quizzes.importers import services

    text, _ = questions_export(source_bank.questions.all(), "moodlexml")
    get_image_model().objects.all().delete()  # so the import writes the hotspot image anew
    saved = []
    real_save = get_image_model().save

    def save_and_remember(image, *args, **kwargs):
        real_save(image, *args, **kwargs)
        saved.append((image.file.storage, image.file.name))

    def fail(rows, *args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(get_image_model(), "save", save_and_remember)
    monkeypatch.setattr(services.Question.objects, "bulk_create", fail)
    target = QuestionBank.objects.create(name="Copy")
    with pytest.raises(DatabaseError):
        questions_import(bank=target, result=parse_file(text.encode(), "moodlexml"))
    assert saved
    assert [storage.exists(name) for storage, name in saved] == [False] * len(saved)
