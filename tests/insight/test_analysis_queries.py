"""Item analysis through the database, on SQLite and PostgreSQL: the hand-computed data set of
test_statistics.py comes back with the same values, the number of queries does not grow with the
attempts, and deleted questions, undrawn variants, hotspots and the filters behave."""

import datetime as dt

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from insight.analysis import Filters, quiz_analysis
from quizzes.models import Question, QuizSlot, VariantSet
from tests.factories import build_course
from tests.factories.quizzes import QuestionFactory, body, quiz_with_questions
from tests.insight.analysis_data import right_response, submit_attempts, wrong_response
from tests.insight.test_statistics import ITEMS

pytestmark = pytest.mark.django_db

# Which distractor each wrong answer of the fixed data set chose (0: "Recent holiday",
# 1: "Mild tiredness"): in F the top attempts A1–A3 chose "Recent holiday".
DISTRACTOR = {"G": {5: 0, 6: 1, 7: 0, 8: 1}, "F": {0: 0, 1: 0, 2: 0, 4: 1}}


def fixed_quiz():
    course = build_course(modules=1, lessons_per_module=1)
    questions = [QuestionFactory(title=f"Item {name}") for name in ITEMS]
    quiz = quiz_with_questions(course, questions, pass_mark=70)
    table = list(ITEMS.items())

    def respond(index, attempt, snapshot, rng):
        name, scores = table[index]
        attempt = int(attempt)
        if scores[attempt]:
            return right_response(snapshot)
        return wrong_response(snapshot, rng, option=DISTRACTOR.get(name, {}).get(attempt, 0))

    submit_attempts(quiz=quiz, questions=questions, abilities=list(range(9)), respond=respond)
    return quiz


def test_the_fixed_data_set_gives_the_hand_computed_values(on_each_database):
    analysis = quiz_analysis(quiz=fixed_quiz(), filters=Filters(), min_attempts=9)
    rows = {row.label: row for row in analysis.rows}
    good, flawed = rows["Item G"], rows["Item F"]
    assert good.attempts == 9 and good.facility == pytest.approx(5 / 9)
    assert good.discrimination == pytest.approx(0.316227766)
    assert good.efficiency == pytest.approx(0.4)
    assert good.sd == pytest.approx(0.527046277)
    assert flawed.discrimination == pytest.approx(-0.839146392)
    assert rows["Item B"].discrimination == pytest.approx(-0.111803399)
    assert analysis.alpha == pytest.approx(-0.8)
    # percent per attempt: 75 ×4, 50 ×3, 25 ×2
    assert analysis.mean == pytest.approx(500 / 9)
    assert analysis.median == pytest.approx(50)
    assert analysis.sd == pytest.approx(25 * 5 / 6)
    assert analysis.pass_rate == pytest.approx(4 / 9)
    assert analysis.histogram == [0, 0, 2, 0, 0, 3, 0, 4, 0, 0]
    # thirds by (total, attempt): bottom A8 A9 A5, middle A6 A7 A1, top A2 A3 A4
    holiday = next(o for o in flawed.options if o.text == "Recent holiday")
    assert holiday.chosen == (0, 1, 2) and holiday.shown == (3, 3, 3)
    assert any("negative" in flag for flag in flawed.flags)
    assert any("Recent holiday" in flag for flag in flawed.flags)
    assert good.flags == []


def test_queries_do_not_grow_with_the_attempts(on_each_database):
    course = build_course(modules=1, lessons_per_module=1)
    counts = {}
    for size in (10, 200):
        questions = [QuestionFactory(kind=kind) for kind in ("single_choice", "short_text")]
        quiz = quiz_with_questions(course, questions)
        submit_attempts(quiz=quiz, questions=questions, abilities=[i / size for i in range(size)])
        quiz_analysis(quiz=quiz, filters=Filters())  # warm caches (content types, locale)
        with CaptureQueriesContext(connection) as queries:
            analysis = quiz_analysis(quiz=quiz, filters=Filters())
        assert analysis.attempts == size
        counts[size] = len(queries)
    print(f"\nitem-analysis queries for 10 and 200 attempts: {counts}")
    assert counts[10] == counts[200] >= 7, counts


def test_no_submitted_attempts_says_so(on_each_database):
    course = build_course(modules=1, lessons_per_module=1)
    quiz = quiz_with_questions(course, [QuestionFactory()])
    analysis = quiz_analysis(quiz=quiz, filters=Filters())
    assert analysis.attempts == 0 and analysis.items == []
    assert analysis.mean is None and analysis.alpha is None and analysis.pass_rate is None


def test_a_question_deleted_since_is_analysed_from_the_snapshots(on_each_database):
    course = build_course(modules=1, lessons_per_module=1)
    kept, gone = QuestionFactory(), QuestionFactory(stem="<p>Which nerve &amp; why?</p>")
    quiz = quiz_with_questions(course, [kept, gone])
    submit_attempts(quiz=quiz, questions=[kept, gone], abilities=[0.2, 0.5, 0.9])
    QuizSlot.objects.filter(question=gone).delete()
    gone_id = gone.pk
    Question.objects.filter(pk=gone_id).delete()
    rows = {row.question_id: row for row in quiz_analysis(quiz=quiz, filters=Filters()).rows}
    assert rows[gone_id].deleted and rows[gone_id].label == "Which nerve & why?"
    assert rows[gone_id].attempts == 3 and rows[gone_id].options
    assert not rows[kept.pk].deleted


def test_a_variant_set_has_a_row_and_one_per_variant_drawn(on_each_database):
    course = build_course(modules=1, lessons_per_module=1)
    variants = VariantSet.objects.create(name="Needle depth")
    first, second, never = (QuestionFactory(variant_set=variants) for _ in range(3))
    fixed = QuestionFactory()
    quiz = quiz_with_questions(course, [fixed])
    QuizSlot.objects.create(quiz=quiz, variant_set=variants, sort_order=5)
    submit_attempts(quiz=quiz, questions=[fixed, first], abilities=[0.1, 0.6, 0.9])
    submit_attempts(quiz=quiz, questions=[fixed, second], abilities=[0.3, 0.8], seed=9)
    analysis = quiz_analysis(quiz=quiz, filters=Filters())
    (set_row,) = [row for row in analysis.items if row.is_set]
    assert set_row.label == "Needle depth" and set_row.attempts == 5
    assert {m.question_id: m.attempts for m in set_row.members} == {first.pk: 3, second.pk: 2}
    assert never.pk not in {row.question_id for row in analysis.rows}
    assert [row.number for row in analysis.rows] == ["1", "2", "2a", "2b"]


def test_hotspot_clicks_become_a_heat_map_with_the_zones(on_each_database):
    course = build_course(modules=1, lessons_per_module=1)
    image = wagtail_factories.ImageFactory()
    zones = [{"shape": "circle", "coords": "10, 10, 5", "credit": 1.0}]
    hotspot = QuestionFactory(body=body("hotspot", image=image.pk, image_alt="Back", zones=zones))
    quiz = quiz_with_questions(course, [hotspot])
    submit_attempts(quiz=quiz, questions=[hotspot], abilities=[0, 0.5, 1, 1])
    (row,) = quiz_analysis(quiz=quiz, filters=Filters()).rows
    assert row.heat is not None and row.heat.clicks == 4
    assert row.heat.zones[0]["shape"] == "circle"
    assert sum(cell[3] for cell in row.heat.cells) == round(row.facility * 4)


def test_filters_pick_first_attempts_and_a_date_range(on_each_database):
    course = build_course(modules=1, lessons_per_module=1)
    question = QuestionFactory()
    quiz = quiz_with_questions(course, [question])
    old = timezone.now() - dt.timedelta(days=40)
    submit_attempts(quiz=quiz, questions=[question], abilities=[1, 1], submitted_at=old)
    submit_attempts(quiz=quiz, questions=[question], abilities=[0, 0, 0], numbers=[2, 2, 1])
    assert quiz_analysis(quiz=quiz, filters=Filters()).attempts == 3
    assert quiz_analysis(quiz=quiz, filters=Filters(first_only=False)).attempts == 5
    recent = Filters(date_from=timezone.localdate() - dt.timedelta(days=7), first_only=False)
    assert quiz_analysis(quiz=quiz, filters=recent).attempts == 3
    until = Filters(date_to=timezone.localdate() - dt.timedelta(days=30), first_only=False)
    assert quiz_analysis(quiz=quiz, filters=until).attempts == 2
    far = Filters(date_from=dt.date.min, date_to=dt.date.max, first_only=False)
    assert quiz_analysis(quiz=quiz, filters=far).attempts == 5


def test_short_text_wrong_answers_are_ranked_and_must_pass_failures_counted(on_each_database):
    """Hand-counted: 7 attempts. Short text: 3 × "haemothorax" (in two spellings of case and
    space, counted as one answer), 2 × "bruising", 1 × "lung", 1 right. The must-pass item is
    missed by attempts 0, 1 and 2: three must-pass failures, and those three attempts fail."""
    course = build_course(modules=1, lessons_per_module=1)
    short = QuestionFactory(kind="short_text", title="Name it")
    critical = QuestionFactory(kind="true_false", title="Must pass", critical=True)
    quiz = quiz_with_questions(course, [short, critical], pass_mark=50)
    texts = ["haemothorax", "Haemothorax ", "HAEMOTHORAX", "bruising", "Bruising", "lung", None]

    def respond(index, attempt, snapshot, rng):
        attempt = int(attempt)
        if index == 0:
            text = texts[attempt]
            return right_response(snapshot) if text is None else {"text": text}
        return wrong_response(snapshot, rng) if attempt < 3 else right_response(snapshot)

    submit_attempts(
        quiz=quiz, questions=[short, critical], abilities=list(range(7)), respond=respond
    )
    analysis = quiz_analysis(quiz=quiz, filters=Filters(), min_attempts=1)
    rows = {row.label: row for row in analysis.rows}
    assert rows["Name it"].wrong_answers == [("haemothorax", 3), ("bruising", 2), ("lung", 1)]
    assert rows["Must pass"].critical and rows["Must pass"].critical_failures == 3
    assert rows["Name it"].critical_failures == 0
    assert analysis.failed_critical == 3
