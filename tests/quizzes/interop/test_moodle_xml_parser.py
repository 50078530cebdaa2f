"""Moodle XML parser: one case per feature, with the exact parsed question."""

from decimal import Decimal

import pytest

from quizzes.importers.moodle_xml import parse_moodle_xml
from tests.quizzes.interop.xml_samples import answer, png_base64, question, quiz


def only_question(*questions: str):
    result = parse_moodle_xml(quiz(*questions))
    assert result.problems == []
    assert len(result.questions) == 1
    return result.questions[0]


def option(text, credit, feedback=""):
    return {"text": text, "credit": credit, "feedback": feedback}


CASES = [
    (
        "multichoice single with fractions and feedback",
        question(
            "multichoice",
            "<single>true</single>"
            + answer("100", "Pregnancy", "Right")
            + answer("-50", "Age 30", "No")
            + answer("0", "&lt;p&gt;Holiday&lt;/p&gt;"),
        ),
        "single_choice",
        {"options": [option("Pregnancy", 1.0, "Right"), option("Age 30", -0.5, "No"),
                     option("Holiday", 0.0)]},
    ),
    (
        "multichoice multi with partial fractions",
        question(
            "multichoice",
            "<single>false</single>"
            + answer("50", "Bruising")
            + answer("50", "Soreness")
            + answer("-100", "Eyesight"),
        ),
        "multiple_response",
        {"options": [option("Bruising", 0.5), option("Soreness", 0.5), option("Eyesight", -1.0)]},
    ),
    (
        "truefalse with feedback",
        question("truefalse", answer("0", "true", "Not so") + answer("100", "false", "Right")),
        "true_false",
        {"answer": False, "feedback_true": "Not so", "feedback_false": "Right"},
    ),
    (
        "shortanswer with weights and case",
        question(
            "shortanswer",
            "<usecase>1</usecase>" + answer("100", "Pneumothorax", fmt="moodle_auto_format")
            + answer("50", "lung*", fmt="moodle_auto_format"),
        ),
        "short_text",
        {"answers": [{"text": "Pneumothorax", "credit": 1.0}, {"text": "lung*", "credit": 0.5}],
         "case_sensitive": True},
    ),
    (
        "numerical with tolerance, alternatives and unit",
        question(
            "numerical",
            '<answer fraction="100"><text>25.5</text><tolerance>0.5</tolerance></answer>'
            '<answer fraction="50"><text>25</text><tolerance>3</tolerance></answer>'
            "<units><unit><multiplier>1</multiplier><unit_name>mm</unit_name></unit></units>",
        ),
        "numeric",
        {"answers": [
            {"value": "25.5", "tolerance": "0.5", "minimum": None, "maximum": None, "credit": 1.0},
            {"value": "25", "tolerance": "3", "minimum": None, "maximum": None, "credit": 0.5},
        ], "unit": "mm"},
    ),
    (
        "matching with a distractor",
        question(
            "matching",
            '<subquestion format="html"><text><![CDATA[<p>Dry needling</p>]]></text>'
            "<answer><text>Anatomy</text></answer></subquestion>"
            '<subquestion format="html"><text>Acupuncture</text>'
            "<answer><text>Meridians</text></answer></subquestion>"
            '<subquestion format="html"><text></text><answer><text>Homeopathy</text></answer>'
            "</subquestion>",
        ),
        "matching",
        {"pairs": [{"prompt": "Dry needling", "answer": "Anatomy"},
                   {"prompt": "Acupuncture", "answer": "Meridians"}],
         "distractors": ["Homeopathy"]},
    ),
    (
        "ordering (plugin), absolute position",
        question(
            "ordering",
            "<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype>"
            "<gradingtype>ABSOLUTE_POSITION</gradingtype>"
            + answer("2.0000000", "Consent") + answer("1.0000000", "Assess")
            + answer("3.0000000", "Insert"),
        ),
        "ordering",
        {"items": ["Assess", "Consent", "Insert"], "partial": True},
    ),
    (
        "ordering all or nothing",
        question("ordering", "<gradingtype>ALL_OR_NOTHING</gradingtype>"
                 + answer("1", "A") + answer("2", "B")),
        "ordering",
        {"items": ["A", "B"], "partial": False},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "xml", "kind", "value"), CASES, ids=[c[0] for c in CASES])
def test_moodle_xml_feature(name, xml, kind, value):
    parsed = only_question(xml)
    assert (parsed.kind, parsed.answer) == (kind, value)
    assert parsed.location == "/quiz/question[1]"


@pytest.mark.parametrize(
    "shape, coords, zone",
    [
        ("circle", "120,80;30", {"shape": "circle", "coords": "120, 80, 30", "credit": 1.0}),
        ("rectangle", "10,20;30,40", {"shape": "rect", "coords": "10, 20, 30, 40", "credit": 1.0}),
        ("polygon", "0,0;50,0;25,40",
         {"shape": "polygon", "coords": "0, 0, 50, 0, 25, 40", "credit": 1.0}),
    ],
)  # fmt: skip
def test_ddmarker_becomes_a_hotspot_with_its_background(shape, coords, zone):
    xml = question(
        "ddmarker",
        f'<file name="spine.png" encoding="base64">{png_base64(400, 300)}</file>'
        "<drag><no>1</no><text>Marker</text><noofdrags>1</noofdrags></drag>"
        f"<drop><no>1</no><shape>{shape}</shape><coords>{coords}</coords><choice>1</choice>"
        "</drop>",
        name="Find L4",
    )
    parsed = only_question(xml)
    assert parsed.kind == "hotspot"
    assert parsed.answer == {"image_alt": "Image for: Find L4", "zones": [zone]}
    assert (parsed.image.filename, parsed.image.width, parsed.image.height) == (
        "spine.png",
        400,
        300,
    )


def test_ddmarker_with_several_markers_is_skipped():
    xml = question("ddmarker", "<drag><no>1</no></drag><drag><no>2</no></drag>")
    [problem] = parse_moodle_xml(quiz(xml)).problems
    assert problem.skipped and "2 markers" in problem.message


def test_common_fields_category_cdata_and_embedded_image():
    xml = quiz(
        '<question type="category"><category><text>$course$/top/Safety/Needles</text>'
        "</category></question>",
        question(
            "truefalse",
            answer("100", "true") + answer("0", "false")
            + '<generalfeedback format="html"><text><![CDATA[<p>Why <b>so</b></p>]]></text>'
            "</generalfeedback>",
            name="Sharps",
            text='<p>Sharps bin? <img src="@@PLUGINFILE@@/bin.png" alt="A sharps bin"></p>',
            extra_text=f'<file name="bin.png" path="/" encoding="base64">{png_base64()}</file>',
        ).replace("<defaultgrade>1.0000000", "<defaultgrade>2.5000000"),
    )  # fmt: skip
    [parsed] = parse_moodle_xml(xml).questions
    assert parsed.location == "/quiz/question[2]"
    assert (parsed.title, parsed.category, parsed.points) == ("Sharps", "Needles", Decimal("2.50"))
    assert parsed.stem == "<p>Sharps bin?</p>"
    assert parsed.general_feedback == "<p>Why <b>so</b></p>"
    assert (parsed.image.filename, parsed.image_alt) == ("bin.png", "A sharps bin")


@pytest.mark.parametrize(
    ("qtype", "reason"),
    [
        ("essay", "the engine cannot mark free text"),
        ("description", "the engine has no text-only item type"),
        ("multianswer", "cloze"),
        ("calculated", "formula"),
        ("ddwtos", "not supported"),
    ],
)
def test_types_the_engine_cannot_hold_are_skipped(qtype, reason):
    [problem] = parse_moodle_xml(quiz(question(qtype, ""))).problems
    assert problem.skipped and reason in problem.message
    assert (problem.location, problem.source_type) == ("/quiz/question[1]", qtype)


def test_html_is_sanitised():
    xml = question(
        "truefalse",
        answer("100", "true") + answer("0", "false"),
        text='<p onmouseover="x()">Hi<script>alert(1)</script><img src=x onerror=alert(1)></p>',
    )
    stem = only_question(xml).stem
    assert stem == "<p>Hi</p>"


def test_multi_fractions_must_add_up():
    xml = question("multichoice", "<single>false</single>" + answer("50", "a") + answer("30", "b"))
    [problem] = parse_moodle_xml(quiz(xml)).problems
    assert (
        str(problem) == "/quiz/question[1]: The right options' fractions add up to 80%, not 100%."
    )


def test_tags():
    xml = question(
        "truefalse",
        answer("100", "true") + answer("0", "false")
        + "<tags><tag><text>safety</text></tag><tag><text> red  flags </text></tag>"
        "<tag><text>safety</text></tag></tags>",
    )  # fmt: skip
    assert only_question(xml).tags == ["safety", "red flags"]


def test_moodle_19_file_shape_legacy_image_and_default_format():
    """Old exports: no format attribute (moodle_auto_format), <image_base64>, padded texts."""
    xml = (
        '<question type="multichoice"><name><text>mcq with image</text>\n</name>'
        "<questiontext><text>Line one\nline two</text></questiontext>"
        f"<image>moodle.png</image><image_base64>\n{png_base64(16, 16)}\n</image_base64>"
        "<single>true</single>"
        '<answer fraction="0"><text>\nwrong answer\n        </text>'
        "<feedback><text>\n\n</text></feedback></answer>"
        '<answer fraction="100"><text>\nright answer\n</text></answer></question>'
    )
    parsed = only_question(xml)
    assert parsed.stem == "<p>Line one<br>line two</p>"
    assert parsed.answer == {"options": [option("wrong answer", 0.0), option("right answer", 1.0)]}
    assert (parsed.image.filename, parsed.image.width) == ("moodle.png", 16)
    assert parsed.points == Decimal("1.00")


def test_attachments_that_are_not_images_are_noted_and_alt_text_follows_its_image():
    xml = question(
        "truefalse",
        answer("100", "true") + answer("0", "false"),
        text='<p><img src="@@PLUGINFILE@@/other.png" alt="Wrong one">'
        '<img alt="A &amp; B" src="@@PLUGINFILE@@/bin%20x.png"></p>',
        extra_text=f'<file name="notes.pdf" encoding="base64">JVBERi0=</file>'
        f'<file name="bin x.png" encoding="base64">{png_base64()}</file>',
    )
    parsed = only_question(xml)
    assert parsed.image_alt == "A & B"
    assert parsed.notes == ["The attached file 'notes.pdf' was not kept: only images are imported."]


def test_combined_feedback_and_hints_are_noted():
    xml = question(
        "multichoice",
        "<single>true</single>" + answer("100", "a") + answer("0", "b")
        + '<correctfeedback format="html"><text>Your answer is correct.</text></correctfeedback>'
        "<incorrectfeedback><text></text></incorrectfeedback>"
        '<hint format="html"><text>Think again.</text></hint>',
    )  # fmt: skip
    assert only_question(xml).notes == [
        "The combined feedback (correct / partially correct / incorrect) was not kept.",
        "Hints for multiple tries were not kept.",
    ]


def test_ordering_select_count_in_non_ascii_digits_is_not_a_crash():
    xml = question(
        "ordering",
        "<gradingtype>ALL_OR_NOTHING</gradingtype><selecttype>RANDOM</selecttype>"
        "<selectcount>²</selectcount>" + answer("1", "a") + answer("2", "b"),
    )
    assert only_question(xml).answer == {"items": ["a", "b"], "partial": False}


@pytest.mark.parametrize("fmt", ["moodle_auto_format", "plain_text", "html", None])
def test_short_answers_are_literal_as_in_moodle(fmt):
    attribute = f' format="{fmt}"' if fmt else ""
    xml = question(
        "shortanswer", f'<answer fraction="100"{attribute}><text>C5&lt;C6</text></answer>'
    )
    assert only_question(xml).answer["answers"][0]["text"] == "C5<C6"


def numerical(units: str, tolerance: str = "0.5") -> str:
    return question(
        "numerical",
        f'<answer fraction="100"><text>12</text><tolerance>{tolerance}</tolerance></answer>'
        f"<units>{units}</units>",
    )


def unit(name: str, multiplier: str) -> str:
    return f"<unit><multiplier>{multiplier}</multiplier><unit_name>{name}</unit_name></unit>"


@pytest.mark.parametrize("multiplier", ["1", "1.00", "1.0000000", "1e0"])
def test_the_main_unit_is_found_by_its_multiplier_as_a_number(multiplier):
    parsed = only_question(numerical(unit("mm", multiplier)))
    assert parsed.answer["unit"] == "mm"
    assert parsed.notes == []


def test_units_that_are_not_kept_are_noted():
    parsed = only_question(numerical(unit("mm", "1.00") + unit("cm", "0.1")))
    assert parsed.answer["unit"] == "mm"
    assert parsed.notes == ["The unit 'cm' was not kept: only the main unit 'mm' is kept."]
    parsed = only_question(numerical(unit("cm", "0.1")))
    assert parsed.answer["unit"] == ""
    assert parsed.notes == ["The unit 'cm' was not kept: no unit has multiplier 1."]


def test_a_negative_tolerance_is_refused_not_made_positive():
    [problem] = parse_moodle_xml(quiz(numerical("", tolerance="-0.5"))).problems
    assert str(problem) == "/quiz/question[1]/answer[1]: The tolerance -0.5 is negative."
