"""Matching questions where prompts share an answer import from both formats (Moodle allows them,
and its own matching fixtures have one), survive a round trip, and mark right; what the engine
cannot hold is skipped with its reason and never blocks the rest of the file."""

import pytest

from quizzes.exporters import questions_export
from quizzes.importers.gift import parse_gift
from quizzes.importers.moodle_xml import parse_moodle_xml
from quizzes.importers.parse import parse_file
from quizzes.importers.services import questions_import, questions_preview
from quizzes.models import QuestionBank
from tests.quizzes.interop.conftest import answer_of
from tests.quizzes.interop.xml_samples import question, quiz

SHARED = [
    {"prompt": "dog", "answer": "mammal"},
    {"prompt": "cat", "answer": "mammal"},
    {"prompt": "frog", "answer": "amphibian"},
]
GIFT = "::Animals::Match them {\n=dog -> mammal\n=cat -> mammal\n=frog -> amphibian\n= -> fish\n}"


def sub(prompt: str, answer: str) -> str:
    return (
        f'<subquestion format="html"><text><![CDATA[{prompt}]]></text>'
        f"<answer><text>{answer}</text></answer></subquestion>"
    )


XML = question(
    "matching",
    sub("dog", "mammal") + sub("cat", "mammal") + sub("frog", "amphibian") + sub("", "fish"),
    name="Animals",
)


@pytest.mark.parametrize(
    "result", [parse_gift(GIFT.encode()), parse_moodle_xml(quiz(XML))], ids=["gift", "xml"]
)
def test_shared_answers_import(result):
    assert result.problems == []
    [parsed] = result.questions
    assert parsed.answer == {"pairs": SHARED, "distractors": ["fish"]}
    assert questions_preview(result=result).complete


@pytest.mark.parametrize("file_format", ["gift", "moodlexml"])
def test_shared_answers_survive_a_round_trip(db, file_format):
    data = GIFT if file_format == "gift" else quiz(XML).decode()
    first = QuestionBank.objects.create(name="First")
    questions_import(bank=first, result=parse_file(data.encode(), file_format))
    text, _ = questions_export(first.questions.all(), file_format)
    second = QuestionBank.objects.create(name="Second")
    report = questions_import(bank=second, result=parse_file(text.encode(), file_format))
    assert report.imported == 1 and report.complete
    assert answer_of(second.questions.get()) == (
        "matching",
        {"pairs": SHARED, "distractors": ["fish"]},
    )


@pytest.mark.parametrize(
    ("source", "note"),
    [
        ("Q {=dog -> mammal =frog -> amphibian = -> mammal}",
         "The distractor 'mammal' is also an answer: trainees see it once, as in Moodle."),
        ("Q {=dog -> mammal =frog -> amphibian = -> fish = -> fish}",
         "The distractor 'fish' appears more than once: trainees see it once, as in Moodle."),
    ],
    ids=["distractor equals an answer", "two equal distractors"],
)  # fmt: skip
def test_repeated_distractors_become_one_choice_with_a_note(source, note):
    [parsed] = parse_gift(source.encode()).questions
    assert parsed.answer["distractors"] == ([] if "mammal" in note else ["fish"])
    assert note in parsed.notes
    inner = sub("dog", "mammal") + sub("frog", "amphibian") + sub("", "mammal")
    [parsed] = parse_moodle_xml(quiz(question("matching", inner))).questions
    assert parsed.answer["distractors"] == []


def test_a_repeated_prompt_is_skipped_with_its_reason_and_the_rest_imports(db):
    source = (
        "Good {T}\n\nAmbiguous {\n=dog -> mammal\n=dog -> pet\n=frog -> amphibian\n}\n\nAlso {F}"
    )
    result = parse_gift(source.encode())
    [problem] = result.problems
    assert problem.skipped and problem.location == "line 5"
    assert "The prompt 'dog' appears more than once" in problem.message
    bank = QuestionBank.objects.create(name="B")
    report = questions_import(bank=bank, result=result)
    assert report.imported == 2 and not report.rejected and len(report.skipped) == 1
    inner = sub("dog", "mammal") + sub("dog", "pet") + sub("frog", "amphibian")
    [problem] = parse_moodle_xml(quiz(question("matching", inner))).problems
    assert problem.skipped and problem.location == "/quiz/question[1]/subquestion[2]"
