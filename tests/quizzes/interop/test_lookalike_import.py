"""Imports must not show the trainee two things that look the same but are marked differently:
the engine gives every matching answer, distractor, option and ordering item its own id, and a
prompt that is only an image is not a distractor."""

import random

import pytest

from quizzes.importers.gift import parse_gift
from quizzes.importers.moodle_xml import parse_moodle_xml
from quizzes.marking import mark
from quizzes.snapshots import BUILDERS
from tests.quizzes.interop.xml_samples import answer, question, quiz


def sub(prompt: str, answer: str) -> str:
    return (
        f'<subquestion format="html"><text><![CDATA[{prompt}]]></text>'
        f"<answer><text>{answer}</text></answer></subquestion>"
    )


def only_problem(result):
    assert result.questions == []
    assert len(result.problems) == 1
    assert not result.problems[0].skipped
    return result.problems[0]


def test_why_shared_answers_are_refused_the_engine_marks_them_wrong():
    value = {
        "pairs": [
            {"prompt": "dog", "answer": "mammal"},
            {"prompt": "cat", "answer": "mammal"},
            {"prompt": "frog", "answer": "amphibian"},
        ],
        "distractors": [],
    }
    display, key, _ = BUILDERS["matching"](value, random.Random(1), False)
    by_text = {choice["text"]: choice["id"] for choice in display["choices"]}  # one "mammal"
    matches = {prompt["id"]: by_text[text] for prompt, text in
               zip(display["prompts"], ["mammal", "mammal", "amphibian"], strict=True)}  # fmt: skip
    assert not mark("matching", key, {"matches": matches}).is_correct


@pytest.mark.parametrize(
    "source, line",
    [
        ("Q {\n=dog -> mammal\n=cat -> mammal\n=frog -> amphibian\n}", 3),
        ("Q {\n=dog -> mammal\n=frog -> amphibian\n= -> mammal\n}", 4),
        ("Q {\n=dog -> mammal\n=frog -> amphibian\n= -> fish\n= -> fish\n}", 5),
    ],
    ids=["two pairs", "distractor equals an answer", "two distractors"],
)
def test_gift_matching_with_a_repeated_answer_is_refused(source, line):
    problem = only_problem(parse_gift(source.encode()))
    assert problem.location == f"line {line}"
    assert "appears more than once" in problem.message


def test_moodle_xml_matching_with_a_shared_answer_is_refused():
    inner = sub("dog", "mammal") + sub("cat", "mammal") + sub("frog", "amphibian")
    problem = only_problem(parse_moodle_xml(quiz(question("matching", inner))))
    assert problem.location == "/quiz/question[1]/subquestion[2]"
    assert "'mammal' appears more than once" in problem.message


def test_moodle_xml_distractor_equal_to_an_answer_is_refused():
    inner = sub("dog", "mammal") + sub("frog", "amphibian") + sub("", "mammal")
    problem = only_problem(parse_moodle_xml(quiz(question("matching", inner))))
    assert problem.location == "/quiz/question[1]/subquestion[3]"


def test_moodle_xml_image_only_prompt_is_refused_not_made_a_distractor():
    inner = sub('<img src="@@PLUGINFILE@@/a.png">', "mammal") + sub("frog", "amphibian")
    inner += sub("cat", "bird")
    problem = only_problem(parse_moodle_xml(quiz(question("matching", inner))))
    assert problem.location == "/quiz/question[1]/subquestion[1]"
    assert "no text after conversion" in problem.message


def test_gift_image_only_prompt_is_refused_not_made_a_distractor():
    source = 'Q {\n=<img src\\="x.png"> -> mammal\n=frog -> amphibian\n=cat -> bird\n}'
    problem = only_problem(parse_gift(source.encode()))
    assert problem.location == "line 2"
    assert "no text after conversion" in problem.message


def test_empty_prompts_are_still_distractors():
    source = "Q {=dog -> mammal =frog -> amphibian = -> fish}"
    assert parse_gift(source.encode()).questions[0].answer["distractors"] == ["fish"]
    inner = sub("dog", "mammal") + sub("frog", "amphibian") + sub("", "fish")
    assert parse_moodle_xml(quiz(question("matching", inner))).questions[0].answer[
        "distractors"
    ] == ["fish"]


def test_repeated_prompts_are_refused_in_both_formats():
    problem = only_problem(parse_gift(b"Q {\n=dog -> mammal\n=dog -> pet\n=frog -> amphibian\n}"))
    assert problem.location == "line 3" and "prompt 'dog' appears more than once" in problem.message
    inner = sub("dog", "mammal") + sub("dog", "pet") + sub("frog", "amphibian")
    problem = only_problem(parse_moodle_xml(quiz(question("matching", inner))))
    assert problem.location == "/quiz/question[1]/subquestion[2]"


def test_look_alike_options_marked_differently_are_refused():
    problem = only_problem(parse_gift(b"Q {\n=Yes\n~No\n~Yes\n}"))
    assert problem.location == "line 4" and "Two options read 'Yes'" in problem.message
    assert parse_gift(b"Q {~%50%a ~%50%b ~c ~c}").questions  # same text, same credit: harmless
    xml = question("multichoice", answer("100", "Yes") + answer("0", "Yes"))
    problem = only_problem(parse_moodle_xml(quiz(xml)))
    assert problem.location == "/quiz/question[1]/answer[2]"


def test_ordering_items_that_look_the_same_are_refused():
    inner = "<gradingtype>ALL_OR_NOTHING</gradingtype><selecttype>ALL</selecttype>"
    inner += answer("1", "Clean") + answer("2", "Insert") + answer("3", "Clean")
    problem = only_problem(parse_moodle_xml(quiz(question("ordering", inner))))
    assert problem.location == "/quiz/question[1]/answer[3]"
    assert "Two items read 'Clean'" in problem.message
