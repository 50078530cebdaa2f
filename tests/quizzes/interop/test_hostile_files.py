"""Hostile and broken files: a precise error with its location, nothing imported, no hang."""

import base64
import time

import pytest
from django.core.management import CommandError, call_command

from quizzes.importers.gift import parse_gift
from quizzes.importers.model import QuestionFileError
from quizzes.importers.moodle_xml import parse_moodle_xml
from quizzes.importers.parse import parse_file
from quizzes.importers.services import questions_import, questions_preview
from quizzes.models import Question, QuestionBank
from tests.quizzes.interop.xml_samples import answer, png_base64, question, quiz

pytestmark = pytest.mark.django_db

XXE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><name><text>&xxe;</text></name></question></quiz>
"""
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<quiz><question type="truefalse"><name><text>&lol9;</text></name></question></quiz>
"""
DTD_REFUSED = (
    "The file declares a DTD (<!DOCTYPE …>). Moodle XML needs none, and DTDs allow entity "
    "attacks (external entities, entity expansion), so it is refused."
)

FILE_ERRORS = [
    (
        "gift not utf-8",
        "gift",
        b"Q {T}\n\nCaf\xe9 au lait? {T}\n",
        "line 3: The file is not UTF-8 text (byte 0xe9 at column 4). Save it as UTF-8 and try "
        "again.",
    ),
    (
        "xml not utf-8",
        "moodlexml",
        b"<quiz>\n<question type='truefalse'><name><text>\xff</text></name></question></quiz>",
        "line 2: The file is not UTF-8 text (byte 0xff at column 40). Save it as UTF-8 and try "
        "again.",
    ),
    (
        "xml declares another encoding",
        "moodlexml",
        b'<?xml version="1.0" encoding="ISO-8859-1"?><quiz></quiz>',
        "line 1: The file declares ISO-8859-1; save it as UTF-8.",
    ),
    ("xxe", "moodlexml", XXE, f"line 2: {DTD_REFUSED}"),
    ("billion laughs", "moodlexml", BILLION_LAUGHS, f"line 2: {DTD_REFUSED}"),
    (
        "xml not well-formed",
        "moodlexml",
        b"<quiz>\n<question type='truefalse'>\n</quiz>",
        "line 3, column 3: The XML is not well-formed (mismatched tag).",
    ),
    ("xml wrong root", "moodlexml", b"<html></html>", "/html: The root element must be <quiz>."),
]


@pytest.mark.parametrize(
    ("name", "file_format", "data", "message"), FILE_ERRORS, ids=[c[0] for c in FILE_ERRORS]
)
def test_file_level_errors(name, file_format, data, message):
    with pytest.raises(QuestionFileError) as raised:
        parse_file(data, file_format)
    assert str(raised.value) == message


@pytest.mark.parametrize("file_format", ["gift", "moodlexml"])
def test_oversized_file(settings, file_format):
    settings.QUESTION_IMPORT_MAX_BYTES = 1000
    with pytest.raises(QuestionFileError) as raised:
        parse_file(b" " * 1001, file_format)
    assert str(raised.value) == "file: The file is 1,001 bytes; the limit is 1,000 bytes."


def test_too_many_questions(settings):
    settings.QUESTION_IMPORT_MAX_QUESTIONS = 3
    with pytest.raises(QuestionFileError, match="more than 3 questions"):
        parse_gift(b"\n\n".join([b"Q {T}"] * 4))


QUESTION_ERRORS = [
    ("unbalanced: no closing", "gift", b"Q1 {T}\n\nQ2 {=a\n~b\n",
     "line 3: Unbalanced braces: missing the '}' closing this '{' (escape literal braces as "
     "\\{ and \\})."),
    ("unbalanced: closing first", "gift", b"Q } {T}",
     "line 1: Unbalanced braces: missing '{' before this '}' (escape literal braces as \\{ and "
     "\\})."),
    ("unbalanced: nested", "gift", b"Q {=a\n{ ~b}",
     "line 2: Unbalanced braces: '{' inside an answer block (escape it as \\{)."),
    ("weights do not add up", "gift", b"Q {~%50%a ~%30%b ~c}",
     "line 1: The right options' weights add up to 80%, not 100%."),
    ("weight not a number", "gift", b"Q {=a ~%half%b}",
     "line 1: The weight '%half%' is not a percentage like %50%."),
    ("numeric not a number", "gift", b"Q {#abc}", "line 1: The answer 'abc' is not a number."),
    ("numeric empty range", "gift", b"Q {#5..1}",
     "line 1: The range 5..1 is empty: the minimum is above the maximum."),
    ("numeric negative tolerance", "gift", b"Q\n{#\n=1:-2}",
     "line 3: The tolerance -2 is negative."),
    ("numeric infinity", "gift", b"Q {#inf}", "line 1: The answer 'inf' is not a number."),
    ("numeric huge exponent", "gift", b"Q {#1e99999}",
     "line 1: The answer '1e99999' is not a number."),
    ("xml fraction not a number", "moodlexml",
     quiz(question("multichoice", answer("lots", "a") + answer("0", "b"))),
     "/quiz/question[1]/answer[1]: The fraction 'lots' is not a number."),
    ("xml image not an image", "moodlexml",
     quiz(question("truefalse", answer("100", "true") + answer("0", "false"),
                   extra_text='<file name="evil.png" encoding="base64">PHNjcmlwdD4=</file>')),
     "/quiz/question[1]/questiontext/file[1]: The file 'evil.png' is not an image we can read "
     "(UnidentifiedImageError)."),
    ("xml image not base64", "moodlexml",
     quiz(question("truefalse", answer("100", "true") + answer("0", "false"),
                   extra_text='<file name="a.png" encoding="base64">@@@@</file>')),
     "/quiz/question[1]/questiontext/file[1]: The image 'a.png' is not valid base64."),
    ("xml default grade NaN", "moodlexml",
     quiz(question("truefalse", answer("100", "true") + answer("0", "false"))
          .replace("1.0000000</defaultgrade>", "NaN</defaultgrade>")),
     "/quiz/question[1]/defaultgrade: The default grade 'NaN' is not a finite number."),
    ("xml default grade -Infinity", "moodlexml",
     quiz(question("truefalse", answer("100", "true") + answer("0", "false"))
          .replace("1.0000000</defaultgrade>", "-Infinity</defaultgrade>")),
     "/quiz/question[1]/defaultgrade: The default grade '-Infinity' is not a finite number."),
    ("xml fraction NaN", "moodlexml",
     quiz(question("multichoice", answer("NaN", "a") + answer("100", "b"))),
     "/quiz/question[1]/answer[1]: The fraction 'NaN' is not a number."),
    ("xml numeric tolerance NaN", "moodlexml",
     quiz(question("numerical", '<answer fraction="100"><text>1</text>'
                   "<tolerance>NaN</tolerance></answer>")),
     "/quiz/question[1]/answer[1]: The tolerance 'NaN' is not a number."),
    ("gift weight NaN", "gift", b"Q {=a ~%NaN%b}",
     "line 1: The weight '%NaN%' is not a percentage like %50%."),
    ("xml numeric nonsense", "moodlexml",
     quiz(question("numerical", '<answer fraction="100"><text>12..</text></answer>')),
     "/quiz/question[1]/answer[1]: The answer '12..' is not a number."),
]  # fmt: skip


# Readable questions the engine cannot hold: skipped with the reason, the neighbours imported.
SKIPPED_QUESTIONS = [
    ("xml svg image", "moodlexml",
     quiz(question("truefalse", answer("100", "true") + answer("0", "false"),
                   extra_text='<file name="ribs.svg" encoding="base64">'
                   + base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg"/>').decode()
                   + "</file>")),
     "/quiz/question[1]/questiontext/file[1]: The image 'ribs.svg' is SVG, which the engine "
     "does not take: use PNG, JPEG, GIF or WebP."),
    ("weight out of range", "gift", b"Q {=a ~%150%b}",
     "line 1: The weight 150% cannot be represented: option credits run from -100% to 100%."),
    ("single choice without a right answer", "moodlexml",
     quiz(question("multichoice", answer("50", "a") + answer("0", "b"))),
     "/quiz/question[1]: Give one option credit 1, so full marks are possible."),
    ("numeric beyond float range", "gift", b"Q {#1e400}",
     "line 1: The answer '1e400' is out of range: numbers must be 0 or between about 1e-308 and "
     "1e308 in size."),
    ("numeric underflowing to 0", "gift", b"Q\n{#\n=1:1e-400}",
     "line 3: The tolerance '1e-400' is out of range: numbers must be 0 or between about 1e-308 "
     "and 1e308 in size."),
    ("xml numeric beyond float range", "moodlexml",
     quiz(question("numerical", '<answer fraction="100"><text>-2e308</text></answer>')),
     "/quiz/question[1]/answer[1]: The answer '-2e308' is out of range: numbers must be 0 or "
     "between about 1e-308 and 1e308 in size."),
    ("option too long", "gift", b"Q {=" + b"x" * 501 + b" ~b}",
     "line 1: options[1].text: Ensure this value has at most 500 characters (it has 501)."),
    ("xml ordering graded relative (the plugin's default)", "moodlexml",
     quiz(question("ordering", answer("1", "a") + answer("2", "b"))),
     "/quiz/question[1]/gradingtype: The ordering grading type 'RELATIVE' cannot be represented: "
     "the engine marks all or nothing (ALL_OR_NOTHING) or per position (ABSOLUTE_POSITION)."),
    ("xml ordering shows a subset", "moodlexml",
     quiz(question("ordering", "<gradingtype>ALL_OR_NOTHING</gradingtype><selecttype>RANDOM"
                   "</selecttype><selectcount>2</selectcount>"
                   + answer("1", "a") + answer("2", "b") + answer("3", "c"))),
     "/quiz/question[1]/selecttype: This ordering question shows 2 of its 3 items (RANDOM); the "
     "engine always orders every item."),
    ("xml default grade 1e40", "moodlexml",
     quiz(question("truefalse", answer("100", "true") + answer("0", "false"))
          .replace("1.0000000</defaultgrade>", "1e40</defaultgrade>")),
     "/quiz/question[1]/defaultgrade: The default grade '1e40' is too large."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "file_format", "data", "message"), QUESTION_ERRORS, ids=[c[0] for c in QUESTION_ERRORS]
)
def test_rejected_question_reports_location_and_imports_nothing(
    name, file_format, data, message, tmp_path
):
    report = questions_preview(result=parse_file(data, file_format))
    assert [str(problem) for problem in report.rejected] == [message]
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(CommandError):
        call_command("import_questions", str(path), "--format", file_format, "--bank", "Hostile")
    assert Question.objects.count() == 0
    assert not QuestionBank.objects.filter(name="Hostile").exists()


GOOD_XML = question("truefalse", answer("100", "true") + answer("0", "false"), name="Good")


@pytest.mark.parametrize(
    ("name", "file_format", "data", "message"),
    SKIPPED_QUESTIONS,
    ids=[c[0] for c in SKIPPED_QUESTIONS],
)
def test_what_the_engine_cannot_hold_is_skipped_and_never_blocks_its_neighbours(
    name, file_format, data, message
):
    report = questions_preview(result=parse_file(data, file_format))
    assert report.rejected == [] and [str(problem) for problem in report.skipped] == [message]
    if file_format == "gift":
        data = b"Good {T}\n\n" + data + b"\n\nAlso good {F}"
    else:
        data = data.replace(b"</quiz>", (GOOD_XML + GOOD_XML + "</quiz>").encode())
    bank = QuestionBank.objects.create(name="Neighbours")
    report = questions_import(bank=bank, result=parse_file(data, file_format))
    assert report.imported == 2 and len(report.skipped) == 1 and not report.rejected
    assert bank.questions.count() == 2


@pytest.mark.parametrize(("name", "file_format", "data", "message"), FILE_ERRORS[:5])
def test_file_errors_import_nothing_through_the_command(name, file_format, data, message, tmp_path):
    path = tmp_path / "bad"
    path.write_bytes(data)
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_questions", str(path), "--format", file_format, "--bank", "Hostile")
    assert Question.objects.count() == 0


def test_decompression_bomb_image_is_refused():
    import base64
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")  # tiny file, 400 megapixels
    bomb = base64.b64encode(buffer.getvalue()).decode()
    data = quiz(
        question(
            "ddmarker",
            f'<file name="bomb.png" encoding="base64">{bomb}</file>'
            "<drag><no>1</no></drag><drop><shape>circle</shape><coords>1,1;1</coords></drop>",
        )
    )
    [problem] = parse_moodle_xml(data).problems
    assert problem.location == "/quiz/question[1]/file"
    assert "bomb.png" in problem.message and not problem.skipped


PATHOLOGICAL = [
    ("100,000 options", "gift", b"Q {" + b"~a " * 100_000 + b"}",
     "line 1: More than 100 answers in one question: no question type holds that many."),
    ("160,000 numeric answers on their own lines", "gift", b"Q {#\n" + b"=1\n" * 160_000 + b"}",
     "line 102: More than 100 answers in one question: no question type holds that many."),
    ("a million escapes", "gift", b"Q " + b"\\{" * 1_000_000 + b" {T}",
     "line 1: The question text is 1,000,003 characters; the limit is 65,536."),
    ("200,000 nested divs", "gift", b"[html]" + b"<div>" * 200_000 + b"x{T}",
     "line 1: The question text is 1,000,001 characters; the limit is 65,536."),
    ("5,000 nested divs", "gift", b"[html]" + b"<div>" * 5_000 + b"x{T}",
     "line 1: The question text has more than 2,000 HTML tags."),
    ("markdown brackets", "gift", b"[markdown]" + b"[" * 65_000 + b"{T}", None),
    ("markdown emphasis", "gift", b"[markdown]" + b"*a" * 32_000 + b"{T}", None),
    ("deep XML", "moodlexml", b"<quiz>" + b"<a>" * 100_000 + b"</a>" * 100_000
     + b"<question type=\"essay\"/></quiz>", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "file_format", "data", "message"), PATHOLOGICAL, ids=[c[0] for c in PATHOLOGICAL]
)
def test_pathological_files_are_fast(name, file_format, data, message):
    """HTML and Markdown parsers slow down on deep nesting: text size and tag count are capped."""
    start = time.perf_counter()
    report = questions_preview(result=parse_file(data, file_format))
    assert time.perf_counter() - start < 5
    assert [str(problem) for problem in report.rejected] == ([message] if message else [])


def test_valid_image_is_accepted():
    xml = quiz(
        question(
            "truefalse",
            answer("100", "true") + answer("0", "false"),
            extra_text=f'<file name="ok.png" encoding="base64">{png_base64()}</file>',
        )
    )
    assert parse_moodle_xml(xml).questions[0].image.width == 40


@pytest.mark.parametrize(
    ("data", "file_format", "message"),
    [
        (b"// only a comment\n\n$CATEGORY: x\n", "gift", "GIFT questions"),
        (b"<quiz></quiz>", "moodlexml", "<question> elements"),
    ],
)
def test_a_file_without_questions_is_an_error(data, file_format, message):
    with pytest.raises(
        QuestionFileError, match=f"file: No questions found: is this a file of {message}"
    ):
        parse_file(data, file_format)
