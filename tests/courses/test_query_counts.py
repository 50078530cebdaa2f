"""Lesson page and dashboard cost the same number of queries whatever the course or trainee size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from courses.models import LessonPage
from courses.services import enrollment_create, lesson_complete
from courses.trainee_cache import trainee_changed
from tests.factories import build_course, lessons_of

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def lesson_queries(client, trainee, *, modules, lessons_per_module) -> int:
    course = build_course(modules=modules, lessons_per_module=lessons_per_module)
    enrollment_create(user=trainee, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[:2]:
        lesson_complete(user=trainee, lesson=lesson)
    client.force_login(trainee)
    url = lessons[1].url
    client.get(url)  # warm caches (site root paths) as on a running server
    trainee_changed(trainee.pk)  # the trainee's state read afresh, as after any write
    return count_queries(client, url)


def test_lesson_page_queries_constant_in_number_of_lessons(client, trainee):
    small = lesson_queries(client, trainee, modules=1, lessons_per_module=3)
    large = lesson_queries(client, trainee, modules=3, lessons_per_module=10)
    print(f"lesson page queries: 3 lessons={small}, 30 lessons={large}")
    assert small == large


def serve_as_a_bare_wagtail_page(monkeypatch, page_type):
    """`page_type` served as Wagtail serves any page: no outline, enrolment or progress, and
    view restrictions read from the database."""
    monkeypatch.setattr(page_type, "template", "tests/bare_lesson.html")
    monkeypatch.setattr(page_type, "get_context", Page.get_context)
    monkeypatch.setattr(page_type, "get_view_restrictions", Page.get_view_restrictions)


def test_lesson_page_costs_two_queries_less_than_a_bare_page_while_kept(
    client, trainee, monkeypatch
):
    """While the trainee's view is kept (courses/trainee_cache.py), a lesson page costs two
    queries less than a plain Wagtail page: its view restrictions are kept (courses/public.py).
    After a write to their state it costs what the plain page does: the enrolment with completed
    lessons and the quiz passes (the course below has quizzes, no skills; the outline stays
    kept). A course with skills adds one."""
    from tests.factories.quizzes import QuestionFactory, quiz_with_questions

    course = build_course(modules=2, lessons_per_module=5)
    quiz_with_questions(course, [QuestionFactory(kind="true_false")], is_required=True)
    enrollment_create(user=trainee, course=course)
    lesson = lessons_of(course)[3]
    client.force_login(trainee)
    client.get(lesson.url)
    kept = count_queries(client, lesson.url)
    lesson_complete(user=trainee, lesson=lessons_of(course)[0])
    after_write = count_queries(client, lesson.url)

    serve_as_a_bare_wagtail_page(monkeypatch, LessonPage)
    bare = count_queries(client, lesson.url)
    print(f"lesson page queries: kept={kept}, after a write={after_write}, bare={bare}")
    assert kept == bare - 2
    assert after_write == bare


def dashboard_queries(client, trainee, *, courses) -> int:
    for _ in range(courses):
        course = build_course(modules=2, lessons_per_module=3)
        enrollment_create(user=trainee, course=course)
        lesson_complete(user=trainee, lesson=lessons_of(course)[0])
    client.force_login(trainee)
    client.get("/learning/")  # warm caches (site root paths) as on a running server
    trainee_changed(trainee.pk)  # the trainee's state read afresh, as after any write
    return count_queries(client, "/learning/")


def test_dashboard_queries_constant_in_number_of_enrollments(client, django_user_model):
    from tests.factories import UserFactory

    one = dashboard_queries(client, UserFactory(), courses=1)
    ten = dashboard_queries(client, UserFactory(), courses=10)
    print(f"dashboard queries: 1 enrollment={one}, 10 enrollments={ten}")
    assert one == ten


def course_page_queries(client, trainee, *, modules, lessons_per_module) -> int:
    from tests.factories.quizzes import QuestionFactory, quiz_with_questions

    course = build_course(modules=modules, lessons_per_module=lessons_per_module)
    first_module, second_module = list(course.get_children().specific())[:2]
    quiz_with_questions(
        first_module, [QuestionFactory(kind="true_false")], unlocks_module=second_module
    )
    quiz_with_questions(course, [QuestionFactory(kind="true_false")], is_required=True)
    enrollment_create(user=trainee, course=course)
    lesson_complete(user=trainee, lesson=lessons_of(course)[0])
    client.force_login(trainee)
    client.get(course.url)  # warm caches (site root paths) as on a running server
    trainee_changed(trainee.pk)  # the trainee's state read afresh, as after any write
    return count_queries(client, course.url)


def test_course_page_queries_constant_and_three_for_outline_progress_and_locks(
    client, trainee, monkeypatch
):
    small = course_page_queries(client, trainee, modules=2, lessons_per_module=2)
    large = course_page_queries(client, trainee, modules=4, lessons_per_module=8)
    print(f"course page queries: 4 lessons={small}, 32 lessons={large}")
    assert small == large

    course = build_course(modules=2, lessons_per_module=2)
    from courses.models import CoursePage

    serve_as_a_bare_wagtail_page(monkeypatch, CoursePage)
    client.get(course.url)
    bare = count_queries(client, course.url)
    print(f"course page queries: full={large}, bare={bare}")
    # Outline, enrolment with completed lessons, quiz passes; less the two restriction queries.
    assert large - bare <= 1
