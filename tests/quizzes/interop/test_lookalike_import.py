"""Imports must not show the trainee two things that look the same but are marked differently:
the engine gives every option and ordering item its own id, and a matching prompt that is only an
image is not a distractor. Such questions are skipped with the reason; the rest of the file
imports. (Matching answers shared by several prompts: test_shared_matching_import.)"""

from quizzes.importers.gift import parse_gift
from quizzes.importers.moodle_xml import parse_moodle_xml
from tests.quizzes.interop.xml_samples import answer, question, quiz


def sub(prompt: str, answer: str) -> str:
    return (
        f'<subquestion format="html"><text><![CDATA[{prompt}]]></text>'
        f"<answer><text>{answer}</text></answer></subquestion>"
    )


def only_problem(result):
    assert result.questions == []
    assert len(result.problems) == 1
    assert result.problems[0].skipped
    return result.problems[0]


def test_moodle_xml_image_only_prompt_is_skipped_not_made_a_distractor():
    inner = sub('<img src="@@PLUGINFILE@@/a.png">', "mammal") + sub("frog", "amphibian")
    inner += sub("cat", "bird")
    problem = only_problem(parse_moodle_xml(quiz(question("matching", inner))))
    assert problem.location == "/quiz/question[1]/subquestion[1]"
    assert "no text after conversion" in problem.message


def test_gift_image_only_prompt_is_skipped_not_made_a_distractor():
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


def test_look_alike_options_marked_differently_are_skipped():
    problem = only_problem(parse_gift(b"Q {\n=Yes\n~No\n~Yes\n}"))
    assert problem.location == "line 4" and "Two options read 'Yes'" in problem.message
    assert parse_gift(b"Q {~%50%a ~%50%b ~c ~c}").questions  # same text, same credit: harmless
    xml = question("multichoice", answer("100", "Yes") + answer("0", "Yes"))
    problem = only_problem(parse_moodle_xml(quiz(xml)))
    assert problem.location == "/quiz/question[1]/answer[2]"


def test_ordering_items_that_look_the_same_are_skipped():
    inner = "<gradingtype>ALL_OR_NOTHING</gradingtype><selecttype>ALL</selecttype>"
    inner += answer("1", "Clean") + answer("2", "Insert") + answer("3", "Clean")
    problem = only_problem(parse_moodle_xml(quiz(question("ordering", inner))))
    assert problem.location == "/quiz/question[1]/answer[3]"
    assert "Two items read 'Clean'" in problem.message
