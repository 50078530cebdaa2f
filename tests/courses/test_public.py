"""View restrictions are kept (courses/public.py); setting or removing one counts at once, on
every page type of a course, and pages under one are checked by Wagtail as before."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.public import Privacy
from courses.services import EnrollmentClosed, enrollment_create
from quizzes.models import Attempt
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.practice.skill_data import skill_course

pytestmark = pytest.mark.django_db


def test_a_quiz_under_a_new_restriction_cannot_be_started_and_can_once_it_goes(
    client, trainee, course
):
    quiz = quiz_with_questions(course, [QuestionFactory(kind="true_false")])
    enrollment_create(user=trainee, course=course)
    client.force_login(trainee)
    start = reverse("quizzes:start", args=[quiz.id])
    client.post(start)  # allowed: the (empty) restrictions are now kept
    Attempt.objects.all().delete()
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Cohort 2027"))
    assert client.post(start).status_code == 404
    assert not Attempt.objects.exists()
    restriction.delete()
    assert client.post(start).status_code == 302
    assert Attempt.objects.filter(user=trainee, quiz=quiz).count() == 1


def restrict_to_a_group(page) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name=f"Cohort of {page.title}"))
    return restriction


def sent_to_log_in(response) -> bool:
    """Wagtail's answer to a request a restriction refuses (a module page, served, redirects to
    its place on the course page instead)."""
    assert response.status_code in (200, 302)
    return response.status_code == 302 and "/login/" in response["Location"]


def pages_of_a_course():
    """One page of each type a course holds, and the course."""
    data = skill_course()
    return data.course, [data.course, data.module, data.lesson, data.quiz, data.skill]


@pytest.mark.parametrize("kind", ["course", "module", "lesson", "quiz", "skill"])
def test_a_page_under_a_new_restriction_is_refused_at_once_and_served_once_it_goes(
    client, trainee, kind
):
    course, pages = pages_of_a_course()
    page = dict(zip(["course", "module", "lesson", "quiz", "skill"], pages, strict=True))[kind]
    client.force_login(trainee)
    assert not sent_to_log_in(client.get(page.url))  # the open course's restrictions now kept
    restriction = restrict_to_a_group(course)
    assert sent_to_log_in(client.get(page.url))
    restriction.delete()
    assert not sent_to_log_in(client.get(page.url))


def test_a_password_restriction_on_a_module_asks_for_the_password_on_its_lessons(client, trainee):
    data = skill_course()
    client.force_login(trainee)
    assert client.get(data.lesson.url).status_code == 200
    PageViewRestriction.objects.create(
        page=data.module, restriction_type=PageViewRestriction.PASSWORD, password="cohort-27"
    )
    response = client.get(data.lesson.url)
    assert response.status_code == 200
    assert data.lesson.title not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_visitor_is_sent_to_log_in_for_a_page_restricted_to_signed_in_users(client):
    data = skill_course()
    assert client.get(data.lesson.url).status_code == 200
    PageViewRestriction.objects.create(page=data.course, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(data.lesson.url).status_code == 302


def test_an_alias_of_a_restricted_lesson_is_restricted_like_its_source(client, trainee):
    """Wagtail applies a restriction on the source page to its alias wherever the alias sits."""
    restricted, elsewhere = skill_course(), skill_course()
    restrict_to_a_group(restricted.lesson)
    alias = restricted.lesson.create_alias(parent=elsewhere.module, update_slug="alias-lesson")
    client.force_login(trainee)
    assert client.get(elsewhere.lesson.url).status_code == 200
    assert client.get(alias.url).status_code == 302


def test_an_open_course_page_reads_no_restriction_and_a_restricted_one_asks_wagtail(
    client, trainee
):
    """Every page of an open course answers from the kept restrictions, without a query; a page
    under a restriction runs Wagtail's own lookup."""
    data = skill_course()
    with CaptureQueriesContext(connection) as queries:
        assert not data.lesson.get_view_restrictions()
        assert not data.lesson.get_view_restrictions()
    assert len(queries) == 2  # restrictions and aliases, read once, then kept
    restrict_to_a_group(data.course)
    assert [r.page_id for r in data.lesson.get_view_restrictions()] == [data.course.id]


def test_enrolling_checks_restrictions_afresh_not_the_kept_ones(trainee, monkeypatch):
    """Enrolment is a write: a restriction the kept copy has not seen yet still closes it."""
    data = skill_course()
    restrict_to_a_group(data.course)
    monkeypatch.setattr(
        "courses.public.privacy", lambda: Privacy(restricted_sections=[], alias_paths=[])
    )
    with pytest.raises(EnrollmentClosed):
        enrollment_create(user=trainee, course=data.course)
