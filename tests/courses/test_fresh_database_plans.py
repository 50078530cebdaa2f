"""Lesson, course and dashboard queries stay cheap on a never-analysed PostgreSQL (issue 9, #25).

Right after `migrate` + `load_demo` no course table has statistics, and a demo-sized site never
crosses autovacuum's analyse threshold. The planner then guesses row counts; a query built on
correlated subqueries was estimated above `jit_above_cost` and JIT-compiled on every request
(~0.5 s per lesson). Here every query these pages run is explained on such a database, with JIT on
at PostgreSQL's default threshold: no plan may be JIT-compiled, and each must stay an order of
magnitude below that threshold, so that no plausible guess by the planner brings JIT back.
"""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import enrollment_create, lesson_complete
from quizzes.models import QuizPrerequisite
from tests.courses.test_progress_pages import pass_quiz
from tests.factories import build_course, lessons_of
from tests.factories.quizzes import QuestionFactory, quiz_with_questions

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db,
]

COURSE_TABLES = [
    "wagtailcore_page",
    "courses_coursepage",
    "courses_modulepage",
    "courses_lessonpage",
    "courses_enrollment",
    "courses_lessoncompletion",
    "quizzes_quizpage",
    "quizzes_attempt",
    "quizzes_quizprerequisite",
]
JIT_ABOVE_COST = 100_000  # PostgreSQL's default


def never_analysed(tables) -> dict[str, bool]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, last_analyze IS NULL AND last_autoanalyze IS NULL"
            " FROM pg_stat_user_tables WHERE relname = ANY(%s)",
            [list(tables)],
        )
        return dict(cursor.fetchall())


def explain(sql: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        (plan,) = cursor.fetchone()
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]


def page_queries(client, url) -> list[str]:
    client.get(url)  # warm per-process caches, as on a running server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [
        q["sql"] for q in captured.captured_queries if q["sql"].lstrip(" (").startswith("SELECT")
    ]


def test_page_queries_are_never_jit_compiled_on_a_fresh_database(client, trainee):
    course = build_course(modules=3, lessons_per_module=5)
    safety_module, technique_module, _ = course.get_children().specific()
    safety = quiz_with_questions(
        safety_module,
        [QuestionFactory(kind="true_false")],
        unlocks_module=technique_module,
        is_required=True,
    )
    final = quiz_with_questions(course, [QuestionFactory(kind="true_false")], is_required=True)
    QuizPrerequisite.objects.create(quiz=final, required_quiz=safety)  # rides with the passes
    enrollment_create(user=trainee, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[:5]:
        lesson_complete(user=trainee, lesson=lesson)
    pass_quiz(safety, trainee)
    client.force_login(trainee)
    assert never_analysed(COURSE_TABLES) == dict.fromkeys(COURSE_TABLES, True)

    with connection.cursor() as cursor:
        cursor.execute("SET jit = on")
        cursor.execute(f"SET jit_above_cost = {JIT_ABOVE_COST}")
    costs = {}
    for url in (lessons[6].url, course.url, "/learning/"):
        for sql in page_queries(client, url):
            plan = explain(sql)
            costs[sql] = max(costs.get(sql, 0), plan["Plan"]["Total Cost"])
            assert "JIT" not in plan, f"JIT-compiled on {url}: {sql}"
            assert plan["Plan"]["Total Cost"] < JIT_ABOVE_COST / 10, (url, sql, plan["Plan"])
    # Marking a lesson complete: module locks, then completion across every provider.
    with CaptureQueriesContext(connection) as captured:
        response = client.post(reverse("courses:complete_lesson", args=[lessons[7].id]))
        assert response.status_code == 302
    for query in captured.captured_queries:
        if query["sql"].lstrip(" (").startswith("SELECT"):
            plan = explain(query["sql"])
            costs[query["sql"]] = max(costs.get(query["sql"], 0), plan["Plan"]["Total Cost"])
            assert "JIT" not in plan, f"JIT-compiled on complete: {query['sql']}"
            assert plan["Plan"]["Total Cost"] < JIT_ABOVE_COST / 10, (query["sql"], plan["Plan"])
    print(
        "\n".join(
            f"{cost:10.1f}  {sql[:3000]}"
            for sql, cost in sorted(costs.items(), key=lambda x: -x[1])
        )
    )
    assert never_analysed(COURSE_TABLES) == dict.fromkeys(COURSE_TABLES, True)
