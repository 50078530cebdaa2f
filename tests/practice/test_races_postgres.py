"""Parallel clicks on PostgreSQL (real row locks): eight "request sign-off" clicks make one
request and one email per instructor; a sign-off racing a withdrawal of an earlier one and the
last lesson still completes the course exactly once."""

import pytest
from django.db import connection

from courses.models import Enrollment
from courses.signals import course_completed
from notifications.models import OutboxEmail
from practice.models import SignOffRequest
from practice.services import practice_session_log, signoff_request_submit, signoff_sign
from tests.factories import wagtail_initial_data
from tests.parallel import in_parallel, meet_before_reading_progress
from tests.practice.skill_data import PASSWORD, skill_course

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
THREADS = 8


def _two_sessions(data, trainee):
    for _ in range(2):
        practice_session_log(
            user=trainee,
            skill=data.skill,
            practised_on=Enrollment.objects.get(user=trainee).enrolled_at.date(),
            setting="clinic",
            supervisor=data.instructor,
            criteria_ids=data.criteria_ids,
        )


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_make_one_request_and_one_email():
    wagtail_initial_data()
    data = skill_course()
    trainee = data.ready_to_practise()
    _two_sessions(data, trainee)
    results, errors = in_parallel(
        lambda i: signoff_request_submit(user=trainee, skill=data.skill).pk, THREADS
    )
    assert errors == []
    assert len(set(results)) == 1
    assert SignOffRequest.objects.count() == 1
    assert OutboxEmail.objects.filter(key__startswith="practice.request:").count() == 1


@pytest.mark.django_db(transaction=True)
def test_signing_and_the_last_lesson_at_once_complete_the_course_once(monkeypatch):
    """Both are held at a barrier just before they read progress (see
    tests/courses/test_completion_race_postgres.py): with the enrollment locked first, the second
    waits for the first's commit and sees it."""
    wagtail_initial_data()
    data = skill_course()
    trainee = data.ready_to_practise()
    _two_sessions(data, trainee)
    request = signoff_request_submit(user=trainee, skill=data.skill)
    sent = []

    def count(sender, enrollment, **kwargs):
        sent.append(enrollment.pk)

    course_completed.connect(count)
    meet_before_reading_progress(monkeypatch)

    def work(index):
        if index:
            return signoff_sign(
                request_id=request.pk,
                signer=data.instructor,
                password=PASSWORD,
                observed_ids=data.criteria_ids,
            ).status
        data.finish_theory(trainee)
        return "lesson"

    try:
        results, errors = in_parallel(work, 2)
    finally:
        course_completed.disconnect(count)
    assert [type(e).__name__ for e in errors] == []
    enrollment = Enrollment.objects.get(user=trainee)
    assert enrollment.completed_at is not None
    assert sent.count(enrollment.pk) == 1
