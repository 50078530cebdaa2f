"""GIFT read the way Moodle's own reader (question/format/gift/format.php) reads it: answers
without a leading marker, backslashes that escape nothing, HTML blocks, and what a stem loses."""

import pytest

from quizzes.importers.gift import parse_gift
from quizzes.importers.services import questions_preview
from tests.quizzes.interop.test_gift_parser import number, only_question, option


@pytest.mark.parametrize(
    ("source", "answers", "notes"),
    [
        ("Q {One}", [{"text": "One", "credit": 1.0}], []),
        ("Q {t#bien}", [{"text": "t", "credit": 1.0}], ["Feedback for 't' was not kept."]),
        ("Q {One =Two}", [{"text": "One", "credit": 1.0}, {"text": "Two", "credit": 1.0}], []),
        ("Q {%50%half =full}", [{"text": "half", "credit": 0.5}, {"text": "full", "credit": 1.0}],
         []),
    ],
    ids=["bare answer", "bare answer with feedback", "bare then =", "bare with a weight"],
)  # fmt: skip
def test_a_short_answer_needs_no_leading_equals(source, answers, notes):
    question = only_question(source)
    assert question.kind == "short_text"
    assert question.answer == {"answers": answers, "case_sensitive": False}
    assert question.notes == notes


def test_text_before_the_first_marker_is_an_answer_in_every_type_as_in_moodle():
    """Moodle splits at each marker and keeps a non-empty first part as an answer."""
    assert only_question("Q {Grant ~Jefferson =no one}").answer["options"] == [
        option("Grant", 0.0),
        option("Jefferson", 0.0),
        option("no one", 1.0),
    ]
    assert only_question("Q {a -> 1 =b -> 2}").answer["pairs"] == [
        {"prompt": "a", "answer": "1"},
        {"prompt": "b", "answer": "2"},
    ]
    assert only_question("Q {#1:0.5 =%50%2}").answer["answers"] == [
        number("1", "0.5"),
        number("2", "0", credit=0.5),
    ]


@pytest.mark.parametrize(
    ("source", "stem"),
    [
        (r"Solve \(x^2 = 4\) for x {=2}", r"<p>Solve \(x^2 = 4\) for x</p>"),
        (r"Brussels \ Bruxelles? {T}", r"<p>Brussels \ Bruxelles?</p>"),
        (
            "Ends with a backslash \\   \nthen more {T}",
            "<p>Ends with a backslash \\   <br>then more</p>",
        ),
        (r"Path C:\temp\files {T}", r"<p>Path C:\temp\files</p>"),
        (r"Two \\ make one, \n is a new line {T}", "<p>Two \\ make one, <br> is a new line</p>"),
    ],
    ids=["latex", "spaced backslash", "backslash then spaces", "windows path", "real escapes"],
)
def test_a_backslash_before_a_non_special_is_kept_as_typed(source, stem):
    assert only_question(source).stem == stem


def test_a_kept_backslash_still_escapes_nothing_special_in_answers():
    question = only_question(r"Q {=\(a\) =C:\temp}")
    assert [a["text"] for a in question.answer["answers"]] == [r"\(a\)", r"C:\temp"]


@pytest.mark.parametrize(
    ("source", "stem"),
    [
        ("[html]<div><p>Is x true?</p></div>{T}", "<p>Is x true?</p>"),
        ("[html]<div>Plain in a div</div>{T}", "<p>Plain in a div</p>"),
        ("[html]<div><ul><li>a</li></ul></div>{T}", "<ul><li>a</li></ul>"),
        ("[html]<div>Intro<p>Para</p>tail</div>{T}", "<p>Intro</p><p>Para</p><p>tail</p>"),
        ("[html]<blockquote><div><p>Deep</p></div></blockquote>{T}", "<p>Deep</p>"),
        ("[html]<table><tr><td>a</td><td>b</td></tr></table>{T}", "<p>a</p><p>b</p>"),
        ("[html]<h2>Title</h2><p>Body</p>{T}", "<p>Title</p><p>Body</p>"),
    ],
    ids=["div around p", "div of text", "div around list", "mixed", "deep", "table", "heading"],
)
def test_block_html_becomes_paragraphs_that_never_nest(source, stem):
    assert only_question(source).stem == stem


def test_nested_blocks_survive_a_gift_round_trip_unchanged(db):
    from quizzes.exporters.gift import export_gift
    from tests.factories.quizzes import QuestionFactory

    stem = only_question("[html]<div><p>Is x true?</p></div>{T}").stem
    question = QuestionFactory(kind="true_false", stem=stem, title="X")
    text, _ = export_gift([question])
    assert parse_gift(text.encode()).questions[0].stem == stem


@pytest.mark.parametrize(
    ("source", "note"),
    [
        ('[html]<p>See <img src="http://x/a.png" alt="rib"> here</p>{T}',
         "1 image in the question text was not kept"),
        ('[html]<p>A <img src="a.png"><img src="b.png"></p>{T}',
         "2 images in the question text were not kept"),
        ('[html]<p>Read <a href="https://example.org/guide">the guide</a></p>{T}',
         "The link to https://example.org/guide was not kept (its text was)"),
        ("[markdown]See ![rib](a.png) and [the guide](https://example.org/g){T}",
         "1 image in the question text was not kept"),
    ],
    ids=["image", "two images", "link", "markdown"],
)  # fmt: skip
def test_images_and_links_dropped_from_a_stem_are_reported(source, note):
    question = only_question(source.replace("=", "\\="))
    assert any(note in text for text in question.notes), question.notes
    report = questions_preview(result=parse_gift(source.replace("=", "\\=").encode()))
    assert any(note in text for text in report.notes)


def test_a_stem_without_images_or_links_has_no_such_note():
    assert only_question("[html]<p>Plain <b>bold</b></p>{T}").notes == []


def test_moodle_xml_reports_external_images_and_links_but_not_its_embedded_image():
    from quizzes.importers.moodle_xml import parse_moodle_xml
    from tests.quizzes.interop.xml_samples import answer, png_base64, question, quiz

    text = (
        '<div><p>See <img src="@@PLUGINFILE@@/a.png" alt="a"> and <img src="http://x/b.png">'
        ' in <a href="https://example.org/g">the guide</a></p></div>'
    )
    embedded = f'<file name="a.png" path="/" encoding="base64">{png_base64()}</file>'
    xml = question("truefalse", answer("100", "true") + answer("0", "false"), text=text,
                   extra_text=embedded)  # fmt: skip
    [parsed] = parse_moodle_xml(quiz(xml)).questions
    assert parsed.stem == "<p>See  and  in the guide</p>"
    assert parsed.image is not None
    assert any("1 image in the question text was not kept" in note for note in parsed.notes)
    assert any("The link to https://example.org/g was not kept" in note for note in parsed.notes)


def test_deeply_nested_blocks_are_flattened_without_recursion_errors():
    source = "[html]" + "<div>" * 1_900 + "<p>Deep</p>{T}"
    assert only_question(source).stem == "<p>Deep</p>"
