"""GIFT parser: one case per feature of Moodle's format, with the exact parsed question."""

import re
from decimal import Decimal

import pytest

from quizzes.importers.gift import parse_gift


def only_question(source: str):
    result = parse_gift(source.encode())
    assert result.problems == []
    assert len(result.questions) == 1
    return result.questions[0]


def option(text, credit, feedback=""):
    return {"text": text, "credit": credit, "feedback": feedback}


def number(value=None, tolerance=None, minimum=None, maximum=None, credit=1.0):
    return {
        "value": value,
        "tolerance": tolerance,
        "minimum": minimum,
        "maximum": maximum,
        "credit": credit,
    }


CASES = [
    (
        "single choice with = and ~",
        "Who is buried in Grant's tomb?{~Grant ~Jefferson =no one}",
        "single_choice",
        {"options": [option("Grant", 0.0), option("Jefferson", 0.0), option("no one", 1.0)]},
    ),
    (
        "per-answer feedback and a negative weight",
        "Pick one {=Pregnancy#Right: a contraindication ~%-50%Age 30#No ~Holiday}",
        "single_choice",
        {
            "options": [
                option("Pregnancy", 1.0, "Right: a contraindication"),
                option("Age 30", -0.5, "No"),
                option("Holiday", 0.0),
            ]
        },
    ),
    (
        "multiple response from partial weights",
        "Which happen? {~%50%Bruising ~%50%Soreness ~%-100%Better eyesight}",
        "multiple_response",
        {
            "options": [
                option("Bruising", 0.5),
                option("Soreness", 0.5),
                option("Better eyesight", -1.0),
            ]
        },
    ),
    (
        "thirds add up to 100%",
        "Three? {~%33.33333%a ~%33.33333%b ~%33.33334%c ~d}",
        "multiple_response",
        {
            "options": [
                option("a", 0.3333333),
                option("b", 0.3333333),
                option("c", 0.3333334),
                option("d", 0.0),
            ]
        },
    ),
    (
        "true/false T with wrong and right feedback",
        "The sun rises in the east.{T#Look again#Yes}",
        "true_false",
        {"answer": True, "feedback_true": "Yes", "feedback_false": "Look again"},
    ),
    (
        "true/false FALSE",
        "Needles may be reused.{FALSE#Never#Right, never}",
        "true_false",
        {"answer": False, "feedback_true": "Never", "feedback_false": "Right, never"},
    ),
    (
        "true/false F",
        "x {F}",
        "true_false",
        {"answer": False, "feedback_true": "", "feedback_false": ""},
    ),
    (
        "true/false TRUE",
        "x {TRUE}",
        "true_false",
        {"answer": True, "feedback_true": "", "feedback_false": ""},
    ),
    (
        "short answer with several accepted answers and weights",
        "Which lung complication? {=pneumothorax =%50%collapsed lung =pneumothora*}",
        "short_text",
        {
            "answers": [
                {"text": "pneumothorax", "credit": 1.0},
                {"text": "collapsed lung", "credit": 0.5},
                {"text": "pneumothora*", "credit": 1.0},
            ],
            "case_sensitive": False,
        },
    ),
    (
        "numeric exact",
        "Year of the review? {#2018}",
        "numeric",
        {"answers": [number("2018", "0")], "unit": ""},
    ),
    (
        "numeric value:tolerance",
        "Depth in mm? {#25:5}",
        "numeric",
        {"answers": [number("25", "5")], "unit": ""},
    ),
    (
        "numeric min..max",
        "Between? {#1.5..4}",
        "numeric",
        {"answers": [number(minimum="1.5", maximum="4")], "unit": ""},
    ),
    (
        "numeric weighted alternatives",
        "When? {#=2018:0 =%50%2018:2 =%25%2010..2020}",
        "numeric",
        {
            "answers": [
                number("2018", "0"),
                number("2018", "2", credit=0.5),
                number(minimum="2010", maximum="2020", credit=0.25),
            ],
            "unit": "",
        },
    ),
    (
        "matching with a distractor (empty left side)",
        "Match {=Dry needling -> Western anatomy =Acupuncture -> Meridians = -> Homeopathy}",
        "matching",
        {
            "pairs": [
                {"prompt": "Dry needling", "answer": "Western anatomy"},
                {"prompt": "Acupuncture", "answer": "Meridians"},
            ],
            "distractors": ["Homeopathy"],
        },
    ),
    (
        "multi-line question and answers",
        "::Multi::\nWhich is a\ncontraindication?\n{\n  =Pregnancy\n  ~Age 30\n}",
        "single_choice",
        {"options": [option("Pregnancy", 1.0), option("Age 30", 0.0)]},
    ),
]


@pytest.mark.parametrize(("name", "source", "kind", "answer"), CASES, ids=[c[0] for c in CASES])
def test_gift_feature(name, source, kind, answer):
    question = only_question(source)
    assert question.kind == kind
    assert question.answer == answer
    assert question.points == Decimal(1)


def test_title_category_and_comments():
    source = (
        "// exported from Moodle\n$CATEGORY: $course$/top/Safety/Red flags\n\n"
        "// comment inside\n::Consent:: Always ask? {T}\n"
    )
    question = only_question(source)
    assert (question.title, question.category, question.location) == (
        "Consent",
        "Red flags",
        "line 5",
    )
    assert question.stem == "<p>Always ask?</p>"


def test_title_derived_from_stem_when_missing():
    assert only_question("Is bruising common after needling? {T}").title == (
        "Is bruising common after needling?"
    )


def test_missing_word_puts_a_blank_in_the_stem():
    question = only_question("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert question.stem == "<p>Grant is _____ in Grant's tomb.</p>"
    assert question.kind == "single_choice"


def test_general_feedback():
    question = only_question("Q {T####Dry needling is not acupuncture.}")
    assert question.general_feedback == "<p>Dry needling is not acupuncture.</p>"
    assert question.answer["answer"] is True


@pytest.mark.parametrize(
    ("source", "stem"),
    [
        ("[html]<p>A <b>bold</b> claim</p>{T}", "<p>A <b>bold</b> claim</p>"),
        ("[plain]1 < 2 <b>not bold</b>{T}", "<p>1 &lt; 2 &lt;b&gt;not bold&lt;/b&gt;</p>"),
        ("[markdown]A **strong** _claim_{T}", "<p>A <b>strong</b> <i>claim</i></p>"),
        ("[moodle]Line one\nline two{T}", "<p>Line one<br>line two</p>"),
        ("Default is moodle {T}", "<p>Default is moodle</p>"),
    ],
    ids=["html", "plain", "markdown", "moodle", "default"],
)
def test_text_formats(source, stem):
    assert only_question(source).stem == stem


def test_escapes():
    source = r"::a\:b:: 1 \= 1, \{x\} \~ \# \\ end\nnext {=\=\#\~\{\}\:\\#fb \# hash}"
    question = only_question(source)
    assert question.title == "a:b"
    assert question.stem == "<p>1 = 1, {x} ~ # \\ end<br>next</p>"
    assert question.answer == {
        "answers": [{"text": "=#~{}:\\", "credit": 1.0}],
        "case_sensitive": False,
    }
    assert question.notes == ["Feedback for '=#~{}:\\' was not kept."]


def test_html_is_sanitised():
    question = only_question(
        '[html]<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror=alert(1)></p>{T}'
    )
    assert question.stem == "<p>Hi</p>"
    assert "script" not in question.stem and "onerror" not in question.stem


@pytest.mark.parametrize(
    ("source", "source_type", "message"),
    [
        ("::E:: Describe your technique. {}", "essay", "the engine cannot mark free text"),
        ("::D:: Read this case first.", "description", "the engine has no text-only item type"),
    ],
)
def test_essay_and_description_are_skipped_with_a_reason(source, source_type, message):
    result = parse_gift(source.encode())
    assert result.questions == []
    [problem] = result.problems
    assert problem.skipped and problem.source_type == source_type and message in problem.message
    assert problem.location == "line 1"


def test_questions_are_separated_by_blank_lines_with_line_numbers():
    result = parse_gift(b"Q1 {T}\n\n\n// c\nQ2\n{F}\n\nQ3 {=a =b}\n")
    assert [q.location for q in result.questions] == ["line 1", "line 5", "line 8"]
    assert [q.kind for q in result.questions] == ["true_false", "true_false", "short_text"]


def test_line_lookups_do_not_rescan_the_question(monkeypatch):
    """Each location used to count newlines from the question's start: quadratic in the size of
    the answer block (160,000 numeric answers took 16 s). Newlines are now found once."""
    from quizzes.importers import gift_chunks

    scans = []

    class CountingRe:
        def finditer(self, pattern, text):
            scans.append(text)
            return re.finditer(pattern, text)

    monkeypatch.setattr(gift_chunks, "re", CountingRe())
    source = "::Q::\nPick\n{#\n" + "".join(f"=%{i}%{i}\n" for i in range(1, 60)) + "}"
    question = only_question(source)
    assert len(question.answer["answers"]) == 59
    assert 1 <= len(scans) <= 2  # once per text (the chunk, the chunk with escapes protected)


def test_locations_count_lines_after_escapes():
    result = parse_gift(b"Q \\{ \\} \\~\n{=a\n~b\n~%x%c}")
    assert [str(problem) for problem in result.problems] == [
        "line 4: The weight '%x%' is not a percentage like %50%."
    ]


def test_short_and_matching_answers_are_literal_as_in_moodle():
    assert only_question("Q {=C5<C6}").answer["answers"][0]["text"] == "C5<C6"
    assert only_question("[plain]Q {=a<b}").answer["answers"][0]["text"] == "a<b"
    assert only_question("[html]Q {=C5<C6 =a&amp;b}").answer["answers"] == [
        {"text": "C5<C6", "credit": 1.0},
        {"text": "a&amp;b", "credit": 1.0},  # Moodle compares '&amp;' as typed too
    ]
    pairs = only_question("Q {=x -> C5<C6 =y -> b}").answer["pairs"]
    assert pairs[0]["answer"] == "C5<C6"


def test_an_equals_option_is_fully_right_whatever_follows_as_in_moodle():
    """Moodle's GIFT reader gives '=' answers weight 1 and keeps '%50%' as their text."""
    question = only_question("Q {=%50%a ~b}")
    assert question.answer["options"] == [option("%50%a", 1.0), option("b", 0.0)]
    assert any("counts as fully right" in note for note in question.notes)
