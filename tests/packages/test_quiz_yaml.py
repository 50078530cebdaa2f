"""A quiz's settings and slots ↔ YAML: applied to a page and exported back unchanged; draw
feasibility and prerequisite cycles reported at their lines."""

import pytest
import wagtail_factories

from packages.bank_write import bank_write
from packages.bank_yaml import bank_parse
from packages.quiz_apply import quiz_apply, quiz_export, quizzes_check
from packages.quiz_yaml import quiz_parse
from packages.source import dump_yaml, load_yaml
from quizzes.models import QuizPage
from tests.packages.bank_sample import SAMPLE

QUIZ = """\
intro: <p>Safety first.</p>
pass_mark: 90
time_limit_minutes: 20
attempts_allowed: 2
shuffle_questions: false
review_policy: score
slots:
- question: soreness-common
- variant_set: Pregnancy variants
- category: Safety
  count: 3
  always_include:
  - thorax-hotspot
  one_with_each_tag:
  - contraindication
prerequisites:
- intro-quiz
"""


def bank():
    parsed, problems, _ = bank_parse(
        load_yaml(SAMPLE, file="questions.yaml"), file="questions.yaml", assets={"assets/back.png"}
    )
    assert problems == []
    return parsed


def parse(text):
    return quiz_parse(load_yaml(text, file="course.yaml"), file="course.yaml", bank=bank())


def test_draw_rules_that_cannot_be_met_are_located_at_their_slot():
    broken = QUIZ.replace("  count: 3\n", "  count: 1\n")
    _, problems, _ = parse(broken)
    assert [(p.line, "always includes" in p.message or "needs" in p.message) for p in problems] == [
        (10, True)
    ], problems
    _, problems, _ = parse(QUIZ.replace("- question: soreness-common", "- question: nope"))
    assert problems[0].line == 8 and "not a question" in problems[0].message


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("pass_mark: 90", "pass_mark: 900", "less than or equal to 100"),
        ("pass_mark: 90", "pass_mark: true", "wrong type"),
        ("review_policy: score", "review_policy: everything", "not a valid choice"),
        ("intro: <p>Safety first.</p>", "intro: <p><img src=x></p>", "allowed subset"),
    ],
)
def test_settings_go_through_the_model_fields_own_checks(old, new, message):
    _, problems, _ = parse(QUIZ.replace(old, new))
    assert len(problems) == 1 and message in problems[0].message and problems[0].line, problems


def test_prerequisite_cycles_are_refused_at_the_rule_that_closes_them():
    first, _, _ = parse(QUIZ)
    second, _, _ = parse(QUIZ.replace("- intro-quiz", "- safety-quiz"))
    problems = quizzes_check({"safety-quiz": first, "intro-quiz": second})
    assert len(problems) == 1
    assert problems[0].line == 17 and "circle" in problems[0].message


@pytest.mark.django_db
def test_settings_and_slots_apply_to_a_quiz_and_export_back_unchanged(course):
    parsed_bank = bank()
    written = bank_write(
        parsed=parsed_bank,
        update=False,
        images={"assets/back.png": wagtail_factories.ImageFactory()},
    )
    other = QuizPage(title="Intro", slug="intro-quiz")
    course.add_child(instance=other)
    parsed, problems, warnings = parse(QUIZ)
    assert problems == []
    quiz = QuizPage(title="Safety", slug="safety-quiz")
    quiz_apply(quiz, parsed, questions=written.questions, quizzes={"intro-quiz": other}, modules={})
    course.add_child(instance=quiz)
    quiz.save_revision().publish()
    exported = quiz_export(QuizPage.objects.get(pk=quiz.pk))
    assert dump_yaml(exported) == dump_yaml(parsed.entry)
    assert exported["pass_mark"] == 90 and exported["slots"][2]["always_include"] == [
        "thorax-hotspot"
    ]


def test_a_quiz_intro_may_link_out_but_not_run_script():
    _, problems, _ = parse(
        QUIZ.replace("<p>Safety first.</p>", '<p><a href="https://x.org/a">A</a></p>')
    )
    assert problems == []
    _, problems, _ = parse(
        QUIZ.replace("<p>Safety first.</p>", '<p><a href="javascript:x">A</a></p>')
    )
    assert "a link other than" in problems[0].message


def test_questions_that_answer_each_other_in_one_quiz_are_warnings():
    cued = SAMPLE.replace(
        "  stem: <p>Soreness after needling is common.</p>",
        "  stem: <p>Soreness after needling is common, and a pneumothorax is the lung"
        " complication of needling the chest wall.</p>",
    )
    parsed_bank, problems, _ = bank_parse(
        load_yaml(cued, file="questions.yaml"), file="questions.yaml", assets={"assets/back.png"}
    )
    assert problems == []
    _, problems, warnings = quiz_parse(
        load_yaml(QUIZ, file="course.yaml"), file="course.yaml", bank=parsed_bank
    )
    assert problems == []
    assert any(
        "gives the answer away" in w.message.lower()
        or "cross" in w.message.lower()
        or "another question" in w.message.lower()
        for w in warnings
    ), warnings


def test_variants_of_one_set_may_restate_each_other_a_slot_never_shows_both():
    """As the quiz's own item review (quizzes/item_review.py) treats them: no false warning."""
    restated = "  stem: <p>She is pregnant, so you postpone treatment and refer her. What next?</p>"
    cued = SAMPLE.replace(
        "  stem: <p>A patient says she is pregnant. What do you do first?</p>", restated
    ).replace("Postpone needling and explain why", "Postpone treatment and refer her")

    def cross_cues(bank_text: str, slots: str) -> list[str]:
        parsed_bank, problems, _ = bank_parse(
            load_yaml(bank_text, file="questions.yaml"),
            file="questions.yaml",
            assets={"assets/back.png"},
        )
        assert problems == []
        quiz = f"pass_mark: 50\nslots:\n{slots}"
        _, problems, warnings = quiz_parse(
            load_yaml(quiz, file="course.yaml"), file="course.yaml", bank=parsed_bank
        )
        assert problems == []
        return [w.message for w in warnings if "gives the answer away" in w.message]

    assert cross_cues(cued, "- variant_set: Pregnancy variants\n") == []
    # Out of the set, the restating question can share an attempt with the case: a warning.
    alone = cued.replace(
        "  category: Pregnancy\n  variant_set: Pregnancy variants\n  tags:\n  - pregnancy\n",
        "  category: Pregnancy\n  tags:\n  - pregnancy\n",
    )
    assert alone != cued
    slots = "- variant_set: Pregnancy variants\n- question: pregnancy-case-b\n"
    assert cross_cues(alone, slots) != []
