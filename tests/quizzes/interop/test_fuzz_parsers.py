"""Fuzzing: random text and mutations of valid files give a ParseResult or our own
QuestionFileError, never any other exception; the preview (block validation) never crashes."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.importers.gift import parse_gift
from quizzes.importers.model import QuestionFileError
from quizzes.importers.moodle_xml import parse_moodle_xml
from quizzes.importers.services import questions_preview
from tests.quizzes.interop.xml_samples import answer, question, quiz

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

VALID_GIFT = (
    "// sample\n$CATEGORY: $course$/top/Safety\n\n"
    "::Q1::[html]<p>Pick</p>{=a#yes ~%-50%b#no ~c####general}\n\n"
    "::Q2:: Multi {~%50%a ~%50%b ~%-100%c}\n\n"
    "Grant is {~buried =entombed} in the tomb.\n\n"
    "::TF:: Sun? {T#wrong#right}\n\n"
    "::SA:: Word {=one =%50%two#fb}\n\n"
    "::N:: Year {#=2018:0 =%50%2010..2020 ~other}\n\n"
    "::M:: Match {=a -> 1 =b -> 2 = -> 3}\n\n"
    "::E:: Essay {}\n\n"
    "Description only\n"
)
VALID_XML = quiz(
    '<question type="category"><category><text>$course$/top/A</text></category></question>',
    question("multichoice", "<single>false</single>" + answer("50", "a") + answer("50", "b")),
    question("truefalse", answer("100", "true") + answer("0", "false")),
    question("numerical", '<answer fraction="100"><text>3</text><tolerance>1</tolerance></answer>'),
    question(
        "ordering",
        "<gradingtype>ALL_OR_NOTHING</gradingtype>" + answer("1", "x") + answer("2", "y"),
    ),
    question(
        "matching", "<subquestion><text>p</text><answer><text>q</text></answer></subquestion>"
    ),
    question("essay", ""),
).decode()
GIFT_ALPHABET = "{}=~#:\\%->.\n T F 0123456789abc[]html/$CATEGORY"
XML_ALPHABET = "<>/=\"'&;![]CDATA quiz question type answer fraction text 0123456789\n"


def check(parse, data: bytes) -> None:
    try:
        result = parse(data)
    except QuestionFileError:
        return
    questions_preview(result=result)


def mutate(source: str, alphabet: str):
    edit = st.tuples(
        st.integers(0, len(source)), st.integers(0, 5), st.text(alphabet=alphabet, max_size=6)
    )
    return st.lists(edit, min_size=1, max_size=6).map(lambda edits: apply(source, edits))


def apply(source: str, edits) -> str:
    for position, delete, insert in edits:
        position = min(position, len(source))
        source = source[:position] + insert + source[position + delete :]
    return source


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(GIFT_ALPHABET)))
def test_gift_random_text(text):
    check(parse_gift, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=300))
def test_gift_random_bytes(data):
    check(parse_gift, data)


@FUZZ
@given(mutate(VALID_GIFT, GIFT_ALPHABET))
def test_gift_mutations(text):
    check(parse_gift, text.encode())


@FUZZ
@given(st.binary(max_size=300))
def test_xml_random_bytes(data):
    check(parse_moodle_xml, data)


@FUZZ
@given(mutate(VALID_XML, XML_ALPHABET))
def test_xml_mutations(text):
    check(parse_moodle_xml, text.encode())


def test_valid_samples_parse():
    assert len(parse_gift(VALID_GIFT.encode()).questions) == 7
    assert len(parse_moodle_xml(VALID_XML.encode()).questions) == 5
