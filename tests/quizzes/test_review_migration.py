"""The retake-safe data migration on real rows: the wait keeps its length in a unit; quizzes
that showed answers immediately become retake-safe, and so do their saved revisions; deliberate
choices stay."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import build_course, lessons_of, wagtail_initial_data
from tests.factories.quizzes import QuestionFactory, quiz_with_questions

BEFORE = [("quizzes", "0009_review_timing_and_cooldown_unit")]
AFTER = [("quizzes", "0011_remove_quizpage_cooldown_minutes")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_quizzes_are_migrated_deliberately():
    wagtail_initial_data()  # an earlier transactional test may have flushed Wagtail's rows
    module = lessons_of(build_course(modules=1, lessons_per_module=1))[0].get_parent()
    quizzes = {
        name: quiz_with_questions(module, [QuestionFactory()], title=name)
        for name in ("answers-now", "score-now", "after-close")
    }
    quizzes["answers-now"].save_revision()  # a draft saved before the migration
    try:
        old = migrate(BEFORE)
        QuizPage = old.get_model("quizzes", "QuizPage")
        settings = {
            "answers-now": ("answers", "immediately", 1440),
            "score-now": ("score", "immediately", 90),
            "after-close": ("answers", "after_close", 120),
        }
        for name, (policy, timing, minutes) in settings.items():
            QuizPage.objects.filter(pk=quizzes[name].pk).update(
                review_policy=policy, review_timing=timing, cooldown_minutes=minutes
            )
        Revision = old.get_model("wagtailcore", "Revision")
        revision = Revision.objects.get(object_id=str(quizzes["answers-now"].pk))
        revision.content = {
            **revision.content,
            "review_timing": "immediately",
            "review_policy": "answers",
            "cooldown_minutes": 30,
        }
        revision.save()
    finally:
        new = migrate(AFTER)
    QuizPage = new.get_model("quizzes", "QuizPage")
    rows = {
        row.title: (row.review_timing, row.cooldown_amount, row.cooldown_unit)
        for row in QuizPage.objects.filter(pk__in=[q.pk for q in quizzes.values()])
    }
    assert rows == {
        "answers-now": ("pass_or_last", 1, "days"),
        "score-now": ("immediately", 90, "minutes"),  # no key at any time: left alone
        "after-close": ("after_close", 2, "hours"),  # a deliberate choice: kept
    }
    content = new.get_model("wagtailcore", "Revision").objects.get(pk=revision.pk).content
    assert (content["review_timing"], content["cooldown_amount"], content["cooldown_unit"]) == (
        "pass_or_last",
        30,
        "minutes",
    )
