"""Kept course outlines (courses/outline_cache.py): reused while they hold, never after a change."""

import pytest
from django.core.cache import caches

from courses import outline_cache
from courses.models import LessonPage
from courses.outline import outline_around
from courses.services import enrollment_create
from tests.factories import build_course, lessons_of

pytestmark = pytest.mark.django_db


def titles(outline) -> list[str]:
    return [row.title for row in outline.rows]


@pytest.fixture
def course():
    return build_course(modules=2, lessons_per_module=2)


def test_a_kept_outline_costs_no_query(course, django_assert_num_queries):
    lesson = lessons_of(course)[0]
    outline_around(lesson)
    with django_assert_num_queries(0):
        assert len(outline_around(lesson).lessons) == 4


@pytest.mark.parametrize("change", ["rename", "unpublish", "add", "delete", "move"])
def test_every_change_to_the_tree_shows_at_once(course, change):
    lessons = lessons_of(course)
    first = lessons[0]
    assert titles(outline_around(first))[1] == lessons[1].title
    second = LessonPage.objects.get(pk=lessons[1].pk)
    if change == "rename":
        second.title = "Renamed lesson"
        second.save_revision().publish()
        expected = "Renamed lesson"
    elif change == "unpublish":
        second.unpublish()
        expected = lessons[2].title
    elif change == "add":
        first.get_parent().add_child(
            instance=LessonPage(title="Added lesson", summary="s", body=[])
        )
        first.get_parent().get_children().get(title="Added lesson").move(second, "left")
        expected = "Added lesson"
    elif change == "delete":
        second.delete()
        expected = lessons[2].title
    else:  # move it to the next module
        second.move(lessons[2], "right")
        expected = lessons[2].title
    assert titles(outline_around(first))[1] == expected


def test_another_process_change_is_seen_through_the_shared_token(course, monkeypatch):
    lesson = lessons_of(course)[0]
    built = []
    outline_around(lesson)
    monkeypatch.setattr(
        "courses.outline._built_outlines",
        lambda courses: built.append(courses) or {courses[0][0]: "rebuilt"},
    )
    assert outline_around(lesson) != "rebuilt"  # kept: the token has not moved
    caches["shared"].set(outline_cache.TOKEN_KEY, "set-by-another-process")
    assert outline_around(lesson) == "rebuilt"
    assert len(built) == 1


def test_the_token_is_replaced_again_after_the_change_commits(
    course, django_capture_on_commit_callbacks
):
    """A process that rebuilt between the change and its commit kept the old rows under the new
    token; the second replacement, after the commit, makes that outline unusable."""
    path = course.path
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outline_cache.pages_changed()
    during = outline_cache.current_token()
    outline_cache._kept[path] = (during, 0.0, "built from the uncommitted change's old rows")
    outline_cache.MAX_AGE_SECONDS, saved = float("inf"), outline_cache.MAX_AGE_SECONDS
    try:
        assert outline_cache.kept_outlines([(path, course.depth)], lambda m: {}) == {
            path: "built from the uncommitted change's old rows"
        }
        for callback in callbacks:
            callback()
        assert outline_cache.current_token() != during
        fresh = outline_cache.kept_outlines([(path, course.depth)], lambda m: {path: "fresh"})
        assert fresh == {path: "fresh"}
    finally:
        outline_cache.MAX_AGE_SECONDS = saved


def test_a_kept_outline_is_dropped_after_max_age(course, monkeypatch):
    """Bounds staleness when a change could not replace the token (Redis down at that moment)."""
    path, depth = course.path, course.depth
    clock = [1000.0]
    monkeypatch.setattr(outline_cache.time, "monotonic", lambda: clock[0])
    outline_cache.kept_outlines([(path, depth)], lambda m: {path: "first"})
    clock[0] += outline_cache.MAX_AGE_SECONDS - 1
    assert outline_cache.kept_outlines([(path, depth)], lambda m: {path: "second"})[path] == (
        "first"
    )
    clock[0] += 2
    assert outline_cache.kept_outlines([(path, depth)], lambda m: {path: "third"})[path] == (
        "third"
    )


class Unreachable:
    calls = 0

    def get(self, *args, **kwargs):
        Unreachable.calls += 1
        raise ConnectionError("Redis is down")

    add = set = get_many = delete = get


def test_without_the_shared_cache_outlines_are_built_afresh_and_retried_later(
    course, monkeypatch, client, trainee
):
    monkeypatch.setattr(outline_cache, "_shared_cache", Unreachable)
    monkeypatch.setattr(outline_cache, "_retry_at", 0.0)
    lesson = lessons_of(course)[0]
    enrollment_create(user=trainee, course=course)  # tries to replace the trainee's token
    client.force_login(trainee)
    Unreachable.calls = 0
    for _ in range(3):
        response = client.get(lesson.url)
        assert response.status_code == 200 and lesson.title in response.content.decode()
    assert Unreachable.calls == 1  # one failure, then left alone for RETRY_SECONDS
    monkeypatch.setattr(outline_cache, "_retry_at", 0.0)
    outline_around(lesson)
    assert Unreachable.calls == 2


def test_a_prerequisite_written_on_its_own_locks_the_quiz_at_once(course, trainee):
    """Prerequisites are kept with the outline; a row written outside a page publish (an import,
    a script) still drops them."""
    from courses.outline import course_view
    from quizzes.models import QuizPrerequisite
    from tests.factories.quizzes import QuestionFactory, quiz_with_questions

    module = lessons_of(course)[0].get_parent()
    first, second = (
        quiz_with_questions(module, [QuestionFactory(kind="true_false")]) for _ in range(2)
    )
    enrollment_create(user=trainee, course=course)
    assert course_view(user=trainee, course=course).steps[second.id].lock is None
    QuizPrerequisite.objects.create(quiz=second, required_quiz=first)
    lock = course_view(user=trainee, course=course).steps[second.id].lock
    assert lock is not None and first.title in lock.reason
