"""questions.yaml ↔ the bank: every type round-trips, every mistake is located, the item
checks come back as warnings, an update adds a revision and leaves started attempts alone."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from packages.bank_export import bank_data
from packages.bank_write import bank_write
from packages.bank_yaml import bank_parse
from packages.problems import PackageInvalid
from packages.source import dump_yaml, load_yaml
from quizzes.models import Question, QuestionCategory
from tests.packages.bank_sample import SAMPLE

FILE = "questions.yaml"


def parse(text, assets=("assets/back.png",)):
    return bank_parse(load_yaml(text, file=FILE), file=FILE, assets=set(assets))


def written(text=SAMPLE, *, update=False, image=None):
    parsed, problems, _ = parse(text)
    assert [str(p) for p in problems] == []
    image = image or wagtail_factories.ImageFactory()
    return bank_write(parsed=parsed, update=update, images={"assets/back.png": image}), image


def test_the_sample_parses_cleanly_and_is_already_canonical():
    data = load_yaml(SAMPLE, file=FILE)
    parsed, problems, _ = parse(SAMPLE)
    assert problems == []
    assert [q.entry for q in parsed.questions.values()] == data["questions"]
    assert {q.kind for q in parsed.questions.values()} == {
        "single_choice",
        "multiple_response",
        "true_false",
        "numeric",
        "short_text",
        "matching",
        "ordering",
        "hotspot",
    }


@pytest.mark.django_db
def test_every_type_round_trips_yaml_to_models_to_yaml():
    result, image = written()
    exported = bank_data(question_ids=[q.pk for q in result.questions.values()])
    assert exported.assets == {"assets/an-image.jpg": image}  # its title, not its stored name
    text = dump_yaml(exported.data).replace(next(iter(exported.assets)), "assets/back.png")
    assert text == dump_yaml(load_yaml(SAMPLE, file=FILE))
    pregnancy = QuestionCategory.objects.get(name="Pregnancy")
    assert pregnancy.parent.name == "Safety"
    hotspot = result.questions["thorax-hotspot"]
    assert hotspot.image is None and hotspot.body[0].value["image"] == image


@pytest.mark.django_db
def test_a_second_import_without_update_is_refused_and_with_update_changes_nothing():
    first, image = written()
    with pytest.raises(PackageInvalid, match="already in the bank"):
        written(image=image)
    again, _ = written(update=True, image=image)
    assert again.created == [] and again.changed == []
    assert len(again.unchanged) == 9
    assert {q.latest_revision_id for q in again.questions.values()} == {
        q.latest_revision_id for q in first.questions.values()
    }


PROBLEMS = [
    (
        "  type: single_choice\n  category: Pregnancy\n  scenario",
        "  type: essay\n  category: Pregnancy\n  scenario",
        22,
        "is not a question type",
    ),
    (
        "    credit: 0.5\n  - text: Haemophilia",
        "    credit: 0.9\n  - text: Haemophilia",
        54,
        "must add up to 1",
    ),
    (
        "  - text: Postpone needling and explain why\n    credit: 1",
        "  - text: Postpone needling and explain why\n    credit: 0",
        20,
        "credit 1",
    ),
    (
        "  must_pass_reason: Needling in early pregnancy is contraindicated.\n",
        "",
        31,
        "Say why this item is safety-critical",
    ),
    (
        "    credit: 1\n    feedback: Right.",
        "    credit: 7\n    feedback: Right.",
        35,
        "between -1 and 1",
    ),
    (
        "  - minimum: 24\n    maximum: 48",
        "  - minimum: 50\n    maximum: 48",
        83,
        "minimum must not be above",
    ),
    (
        "  model_answer: Pneumothorax",
        "  model_answer: Haemothorax",
        101,
        "model answer must earn full marks",
    ),
    (
        "  distractors:\n  - A skin rash",
        "  distractors:\n  - A brief contraction",
        112,
        "no distractor",
    ),
    ("  - coords: 120, 80, 30", "  - coords: 120, 80", 135, "circle needs x, y and a radius"),
    (
        "  image: assets/back.png\n",
        "  image: assets/front.png\n",
        130,
        "not in the package's assets",
    ),
    ("  category: Bleeding\n", "  category: Bleeds\n", 57, "not a category listed"),
    (
        "- name: Pregnancy\n  parent: Safety",
        "- name: Pregnancy\n  parent: Pregnancy",
        10,
        "inside itself",
    ),
    (
        "  stem: <p>Put the steps in order.</p>",
        "  stem: <p onclick=x>Put</p><script>",
        118,
        "outside the allowed subset",
    ),
    ("  points: 2\n", "  points: 1000000000000000000000000\n", 30, "between 0 and 999.99"),
    ("  answer: true\n", "  answer: yes please\n", 73, "true or false"),
    ("- key: bleeding-signs", "- key: Bleeding Signs", 54, "lower-case letters"),
    ("- key: pregnancy-case-b", "- key: pregnancy-case", 41, "used twice"),
    (
        "  title: Session order\n",
        "  title: Session order\n  colour: red\n",
        116,
        "not a known field",
    ),
]


@pytest.mark.parametrize(("old", "new", "line", "message"), PROBLEMS, ids=[p[3] for p in PROBLEMS])
def test_each_kind_of_mistake_is_reported_at_its_line(old, new, line, message):
    assert old in SAMPLE
    _, problems, _ = parse(SAMPLE.replace(old, new, 1))
    assert any(p.line == line and message in p.message for p in problems), problems


def test_item_writing_checks_come_back_as_warnings_at_the_question():
    cue = SAMPLE.replace(
        "  - text: Stop and reassess whether to needle\n",
        "  - text: Stop, ask about the pregnancy, explain the risks in detail and reassess"
        " whether to needle at all today\n",
    )
    parsed, problems, warnings = parse(cue)
    assert problems == []
    assert any(w.line == 41 and "clearly the longest" in w.message for w in warnings), warnings


def _frozen_attempt(question):
    from courses.models import CoursePage
    from quizzes.services import attempt_start
    from tests.factories import UserFactory, build_course
    from tests.factories.quizzes import quiz_with_questions

    course = build_course(modules=1, lessons_per_module=1)
    assert isinstance(course, CoursePage)
    from courses.services import enrollment_create

    quiz = quiz_with_questions(course, [question])
    user = UserFactory()
    enrollment_create(user=user, course=course)
    attempt, _ = attempt_start(quiz=quiz, user=user)
    return attempt


@pytest.mark.django_db
def test_update_adds_a_revision_and_a_started_attempt_keeps_its_snapshot():
    first, image = written()
    question = first.questions["soreness-common"]
    attempt = _frozen_attempt(question)
    snapshot = attempt.questions.get().snapshot
    revisions = question.revisions.count()
    changed = SAMPLE.replace(
        "<p>Soreness after needling is common.</p>", "<p>Soreness is rare.</p>"
    )
    changed = changed.replace("  answer: true\n", "  answer: false\n")
    again, _ = written(changed, update=True, image=image)
    assert again.changed == ["soreness-common"] and again.created == []
    question.refresh_from_db()
    assert question.stem == "<p>Soreness is rare.</p>"
    assert question.revisions.count() == revisions + 1
    assert question.latest_revision.content["stem"] == "<p>Soreness is rare.</p>"
    assert attempt.questions.get().snapshot == snapshot
    assert Question.objects.count() == 9


def _generated(n: int) -> str:
    head, _, _ = SAMPLE.partition("questions:\n")
    lines = [head, "questions:\n"]
    for i in range(n):
        lines.append(
            f"- key: q{i}\n  title: Question {i}\n  type: single_choice\n  category: Technique\n"
            f"  tags:\n  - t{i % 7}\n  scenario: case-anna\n  stem: <p>Stem {i}</p>\n"
            f"  options:\n  - text: Right {i}\n    credit: 1\n  - text: Wrong {i}\n"
        )
    return "".join(lines)


QUERY_COUNTS: dict = {}


@pytest.mark.django_db
@pytest.mark.parametrize("size", [10, 100, 400])
def test_writing_costs_the_same_queries_whatever_the_bank_size(size):
    text = _generated(size)
    parsed, problems, _ = parse(text, assets=())
    assert problems == []
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_model(Question)  # cached for the process: not the write's cost
    with CaptureQueriesContext(connection) as created:
        bank_write(parsed=parsed, update=False)
    changed = text.replace("<p>Stem", "<p>New stem")
    parsed, _, _ = parse(changed, assets=())
    with CaptureQueriesContext(connection) as updated:
        result = bank_write(parsed=parsed, update=True)
    assert len(result.changed) == size
    QUERY_COUNTS[(connection.vendor, size)] = (len(created), len(updated))
    print(f"{connection.vendor} size {size}: create {len(created)}, update {len(updated)} queries")
    if connection.vendor == "postgresql":  # one statement per batch of 500, whatever the size
        assert len(created) <= 30 and len(updated) <= 30
    else:  # SQLite splits an INSERT every ~50 rows (its variable limit), and Wagtail's fallback
        # search backend (SQLite) updates an existing index entry row by row
        assert len(created) <= 30 + size // 25
        assert len(updated) <= 30 + size + size // 25


@pytest.mark.django_db
def test_editor_block_keys_are_left_out_so_an_admin_edit_of_nothing_is_no_change():
    first, image = written()
    question = first.questions["soreness-common"]
    question.stem = '<p data-block-key="a1b2c">Soreness after needling is common.</p>'
    question.save()
    exported = bank_data(question_ids=[question.pk]).data["questions"][0]
    assert exported["stem"] == "<p>Soreness after needling is common.</p>"
    again, _ = written(update=True, image=image)
    assert again.changed == []


@pytest.mark.django_db
def test_an_import_drops_the_kept_category_tree():
    """Categories are written in bulk (no signals); draws keep the tree (quizzes/draw_data.py)."""
    from quizzes.draw_data import draw_bank

    draw_bank(slots=[])  # keeps the (empty) tree
    written()
    kept = draw_bank(slots=[])
    assert set(kept.category_names.values()) == set(
        QuestionCategory.objects.values_list("name", flat=True)
    )
    assert kept.category_names
