"""The completion check (one UNION over every kind of requirement) agrees with the progress that
pages show, in every combination of lesson, quiz and skill done, and across a new cycle."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.completion import progress_for_enrollments, requirements_met
from courses.models import Enrollment
from courses.outline import course_outlines
from courses.services import enrollment_start_cycle
from tests.insight.grade_data import take
from tests.practice.skill_data import skill_course
from tests.practice.test_services import requested, sign

pytestmark = pytest.mark.django_db


def shown_as_met(enrollment) -> bool:
    return progress_for_enrollments([enrollment])[enrollment.id].is_met


@pytest.mark.parametrize(
    ("lesson", "quiz", "skill"), list(itertools.product([False, True], repeat=3))
)
def test_the_check_matches_the_progress_shown(lesson, quiz, skill):
    data = skill_course()
    trainee = data.enrol()
    if lesson:
        data.finish_theory(trainee)
    if quiz or skill:  # the skill needs the quiz passed before its sign-off is asked for
        take(data.quiz, trainee, right=True)
    if skill:
        sign(data, requested(data, trainee))
    if skill and not quiz:  # signed off, but the pass predates this cycle: it does not count
        Enrollment.objects.filter(user=trainee).update(enrolled_at="2100-01-01T00:00Z")
    enrollment = Enrollment.objects.select_related("course").get(user=trainee)
    course_outlines(courses=[data.course])  # kept, as on a running server
    with CaptureQueriesContext(connection) as queries:
        met = requirements_met(enrollment)
    assert met == shown_as_met(enrollment) == (lesson and quiz and skill)
    assert len(queries) == 1


def test_a_new_cycle_asks_for_everything_again():
    data = skill_course()
    trainee = data.ready_to_practise()
    data.finish_theory(trainee)
    sign(data, requested(data, trainee))
    enrollment = Enrollment.objects.get(user=trainee)
    assert enrollment.completed_at is not None and requirements_met(enrollment)
    fresh = enrollment_start_cycle(user=trainee, course=data.course)
    assert not requirements_met(fresh) and not shown_as_met(fresh)
