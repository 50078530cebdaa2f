"""Kept trainee views (courses/trainee_cache.py): reused while they hold, never after a write to
the trainee's state, whichever way that write is made."""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from courses import trainee_cache
from courses.models import Enrollment
from courses.selectors import course_page_context, dashboard_rows
from courses.services import enrollment_create, enrollment_start_cycle, lesson_complete
from practice.models import SignOffRequest
from practice.services import signoff_return, signoff_withdraw
from quizzes.models import Attempt
from tests.factories import UserFactory, lessons_of
from tests.insight.grade_data import take
from tests.practice.skill_data import skill_course
from tests.practice.test_services import requested, sign

pytestmark = pytest.mark.django_db


def view_of(data, user):
    """The course page's kept view, as a trainee's request reads it."""
    return course_page_context(course=data.course, user=user)["view"]


def done_steps(data, user) -> set[str]:
    view = view_of(data, user)
    return {step.key for step in view.steps.values() if step.done}


def test_a_kept_view_costs_no_query(django_assert_num_queries):
    data = skill_course()
    trainee = data.enrol()
    view_of(data, trainee)
    with django_assert_num_queries(0):
        view = view_of(data, trainee)
    assert view.enrollment.user_id == trainee.pk


def test_each_trainee_has_their_own():
    data = skill_course()
    first, second = data.enrol(), data.enrol()
    data.finish_theory(first)
    assert f"lesson:{data.lesson.id}" in done_steps(data, first)
    assert done_steps(data, second) == set()


def test_every_write_to_the_trainee_state_shows_at_once():
    data = skill_course()
    trainee = UserFactory()
    lesson, quiz, skill = (f"{kind}:{page.id}" for kind, page in data_steps(data))
    assert view_of(data, trainee).enrollment is None

    enrollment_create(user=trainee, course=data.course)  # Enrollment saved
    assert view_of(data, trainee).enrollment is not None

    lesson_complete(user=trainee, lesson=data.lesson)  # LessonCompletion saved
    assert done_steps(data, trainee) == {lesson}

    take(data.quiz, trainee, right=True)  # the marking UPDATE
    assert done_steps(data, trainee) == {lesson, quiz}

    request = requested(data, trainee)  # SignOffRequest saved: "Awaiting sign-off"
    assert view_of(data, trainee).steps[data.skill.id].note
    sign(data, request)  # signed, and the enrolment's completing UPDATE
    view = view_of(data, trainee)
    assert {s.key for s in view.steps.values() if s.done} == {lesson, quiz, skill}
    assert view.progress.is_complete

    enrollment_start_cycle(user=trainee, course=data.course)  # a new Enrollment row
    assert done_steps(data, trainee) == set()


def data_steps(data):
    return [("lesson", data.lesson), ("quiz", data.quiz), ("skill", data.skill)]


def test_a_returned_request_shows_at_once():
    data = skill_course()
    trainee = data.ready_to_practise()
    request = requested(data, trainee)
    assert view_of(data, trainee).steps[data.skill.id].note == ("Awaiting sign-off")
    signoff_return(request_id=request.pk, by=data.instructor, comment="Log one more.")
    step = view_of(data, trainee).steps[data.skill.id]
    assert step.note == "Returned with a comment" and not step.done


def test_a_withdrawn_signature_shows_at_once():
    data = skill_course()
    trainee = data.ready_to_practise()
    sign(data, requested(data, trainee))
    assert f"skill:{data.skill.id}" in done_steps(data, trainee)
    signed = SignOffRequest.objects.get(enrollment__user=trainee)
    signoff_withdraw(request_id=signed.pk, by=data.instructor, reason="Error.")
    assert f"skill:{data.skill.id}" not in done_steps(data, trainee)


@pytest.mark.parametrize("how", ["attempt deleted", "enrolment deleted"])
def test_rows_deleted_show_at_once(how):
    data = skill_course()
    trainee = data.ready_to_practise()
    assert f"quiz:{data.quiz.id}" in done_steps(data, trainee)
    if how == "attempt deleted":
        Attempt.objects.filter(user=trainee).delete()
        assert done_steps(data, trainee) == set()
    else:
        Enrollment.objects.filter(user=trainee).delete()
        assert view_of(data, trainee).enrollment is None


def test_a_page_change_drops_every_trainee_view():
    data = skill_course()
    trainee = data.enrol()
    before = view_of(data, trainee)
    data.lesson.title = "Renamed lesson"
    data.lesson.save_revision().publish()
    after = view_of(data, trainee)
    assert after is not before
    assert "Renamed lesson" in [row.title for row in after.outline.rows]


def test_another_process_write_is_seen_through_the_shared_token(monkeypatch):
    data = skill_course()
    trainee = data.enrol()
    first = view_of(data, trainee)
    assert view_of(data, trainee) is first
    caches["shared"].set(trainee_cache.token_key(trainee.pk), "set-by-another-process")
    assert view_of(data, trainee) is not first


def test_the_token_is_replaced_again_after_the_write_commits(django_capture_on_commit_callbacks):
    """A request that read the old rows between the write and its commit kept them under the
    token of that moment; the second replacement, after the commit, makes them unusable."""
    data = skill_course()
    trainee = data.enrol()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        trainee_cache.trainee_changed(trainee.pk)
        stale = view_of(data, trainee)  # "before the commit"
    assert view_of(data, trainee) is stale
    for callback in callbacks:
        callback()
    assert view_of(data, trainee) is not stale


def test_without_the_shared_cache_nothing_is_kept(monkeypatch):
    data = skill_course()
    trainee = data.enrol()
    monkeypatch.setattr("courses.outline_cache.current_tokens", lambda *keys: None)
    first = view_of(data, trainee)
    assert view_of(data, trainee) is not first


def test_kept_views_expire(monkeypatch):
    data = skill_course()
    trainee = data.enrol()
    first = view_of(data, trainee)
    monkeypatch.setattr(trainee_cache, "MAX_AGE_SECONDS", 0.0)
    assert view_of(data, trainee) is not first


def test_the_least_recently_used_go_first(monkeypatch):
    data = skill_course()
    trainees = [data.enrol() for _ in range(3)]
    monkeypatch.setattr(trainee_cache, "MAX_ENTRIES", 2)
    views = [view_of(data, t) for t in trainees]
    assert len(trainee_cache._kept) == 2
    assert view_of(data, trainees[2]) is views[2]
    assert view_of(data, trainees[0]) is not views[0]


def test_the_dashboard_keeps_progress_but_asks_panels_every_time():
    data = skill_course()
    trainee = data.ready_to_practise()
    [row] = dashboard_rows(user=trainee)
    assert not row.progress.is_complete
    data.finish_theory(trainee)
    [row] = dashboard_rows(user=trainee)
    assert row.progress.done == 2


def test_the_lesson_page_shows_a_completion_at_once():
    """Through the pages: the sidebar and the button are kept, and a completion replaces them."""
    data = skill_course()
    trainee = data.enrol()
    client = Client()
    client.force_login(trainee)
    lesson = lessons_of(data.course)[0]
    first = client.get(lesson.url).content.decode()
    assert "Mark lesson complete" in first and "✔ Completed" not in first
    client.post(reverse("courses:complete_lesson", args=[lesson.id]))
    again = client.get(lesson.url).content.decode()
    assert "✔ Completed" in again
    assert "1 of 3 steps done" in again


def test_marking_a_submitted_attempt_shows_at_once():
    """Marking is a guarded UPDATE, which sends no signal; it replaces the token itself."""
    from quizzes.services import attempt_save_responses, attempt_start, attempt_submit
    from tests.insight.grade_data import key_response

    data = skill_course()
    trainee = data.enrol()
    attempt, _ = attempt_start(quiz=data.quiz, user=trainee)
    answers = {row.position: key_response(row) for row in attempt.questions.all()}
    attempt_save_responses(attempt=attempt, responses=answers)
    assert done_steps(data, trainee) == set()  # kept while the attempt is open
    attempt_submit(attempt=attempt)
    assert done_steps(data, trainee) == {f"quiz:{data.quiz.id}"}


def test_recording_a_completion_shows_at_once():
    """Completing an enrolment is a guarded UPDATE too."""
    from courses.services import enrollment_evaluate_completion

    data = skill_course(is_required=False)
    trainee = data.ready_to_practise()
    data.finish_theory(trainee)
    Enrollment.objects.filter(user=trainee).update(completed_at=None)  # met, not yet recorded
    trainee_cache.forget_all()
    assert not view_of(data, trainee).progress.is_complete
    enrollment_evaluate_completion(enrollment=Enrollment.objects.get(user=trainee))
    assert view_of(data, trainee).progress.is_complete


def test_threads_sharing_a_process_can_keep_and_drop_at_once(monkeypatch):
    """Threaded workers (gunicorn gthread) share the store: a write dropping a trainee's views
    while another thread keeps and reads them must never fail (found by the new-user walk: the
    drop iterated the store while it changed)."""
    import sys
    import threading
    import time

    monkeypatch.setattr(
        "courses.outline_cache.current_tokens", lambda *keys: dict.fromkeys(keys, "t")
    )
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often: the race shows within a second
    try:
        for n in range(2000):
            trainee_cache.kept_for_trainee(n, ("lesson", n), int)
        errors, stop = [], time.monotonic() + 1.5

        def dropping():
            while time.monotonic() < stop:
                try:
                    trainee_cache._replace(1)
                except Exception as error:  # noqa: BLE001 - collected for the assertion
                    errors.append(error)

        def keeping():
            n = 0
            while time.monotonic() < stop:
                n += 1
                try:
                    trainee_cache.kept_for_trainee(10_000 + n % 2000, ("lesson", n % 7), int)
                except Exception as error:  # noqa: BLE001
                    errors.append(error)

        threads = [threading.Thread(target=dropping), threading.Thread(target=keeping)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch_interval)
    assert errors == []
