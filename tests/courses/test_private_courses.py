"""A course (or module) under Wagtail's Privacy: whoever may read it may also act on it (enrol,
start a quiz, complete a lesson, take an attempt), and nobody else; refusals look like the site."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.models import Enrollment, LessonCompletion
from quizzes.models import Attempt
from tests.factories import UserFactory
from tests.practice.skill_data import skill_course

pytestmark = pytest.mark.django_db


def restrict(page, kind, **fields) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def cohort_course(*, member: bool):
    """The skill course private to a cohort group, and a trainee in it or not."""
    data = skill_course()
    cohort = Group.objects.create(name="Cohort 2027")
    restrict(data.course, PageViewRestriction.GROUPS).groups.add(cohort)
    trainee = UserFactory()
    if member:
        trainee.groups.add(cohort)
    return data, trainee


def act(client, data):
    """Enrol, complete the lesson, start the quiz: the status of each answer."""
    return [
        client.post(reverse("courses:enrol", args=[data.course.id])).status_code,
        client.post(reverse("courses:complete_lesson", args=[data.lesson.id])).status_code,
        client.post(reverse("quizzes:start", args=[data.quiz.id])).status_code,
    ]


def test_a_member_of_the_cohort_can_enrol_complete_and_start(client):
    data, trainee = cohort_course(member=True)
    client.force_login(trainee)
    assert client.get(data.lesson.url).status_code == 200
    assert act(client, data) == [302, 302, 302]
    assert Enrollment.objects.filter(user=trainee, course=data.course).exists()
    assert LessonCompletion.objects.filter(enrollment__user=trainee, lesson=data.lesson).exists()
    assert Attempt.objects.filter(user=trainee, quiz=data.quiz).exists()


def test_someone_outside_the_cohort_can_do_none_of_it(client):
    data, trainee = cohort_course(member=False)
    client.force_login(trainee)
    assert act(client, data) == [404, 404, 404]
    assert not Enrollment.objects.filter(user=trainee).exists()
    assert not Attempt.objects.filter(user=trainee).exists()


def test_a_course_for_signed_in_users_lets_a_trainee_act(client):
    data = skill_course()
    restrict(data.course, PageViewRestriction.LOGIN)
    trainee = UserFactory()
    client.force_login(trainee)
    assert act(client, data) == [302, 302, 302]
    assert Attempt.objects.filter(user=trainee, quiz=data.quiz).exists()


def test_a_password_course_opens_to_enrolment_once_the_password_is_given(client):
    data = skill_course()
    restriction = restrict(data.course, PageViewRestriction.PASSWORD, password="cohort-27")
    trainee = UserFactory()
    client.force_login(trainee)
    enrol = reverse("courses:enrol", args=[data.course.id])
    assert client.post(enrol).status_code == 404
    asked = client.get(data.course.url)
    assert asked.status_code == 200 and "Password required" in asked.content.decode()
    assert "Needlepoint Academy" in asked.content.decode()  # the site's own page, not Wagtail's
    given = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, data.course.id])
    wrong = client.post(given, {"password": "guess", "return_url": data.course.url})
    assert "is-invalid" in wrong.content.decode()
    assert (
        client.post(given, {"password": "cohort-27", "return_url": data.course.url}).status_code
        == 302
    )
    assert client.post(enrol).status_code == 302
    assert Enrollment.objects.filter(user=trainee, course=data.course).exists()


def test_enrolling_without_the_password_is_refused_by_the_service_too(client):
    from courses.services import EnrollmentClosed, enrollment_create

    data = skill_course()
    restriction = restrict(data.course, PageViewRestriction.PASSWORD, password="cohort-27")
    trainee = UserFactory()
    with pytest.raises(EnrollmentClosed):
        enrollment_create(user=trainee, course=data.course)
    enrollment, created = enrollment_create(
        user=trainee, course=data.course, passed_passwords=[restriction.id]
    )
    assert created and enrollment.user == trainee


def test_an_attempt_closes_to_a_trainee_the_quiz_was_made_private_from(client):
    data = skill_course()
    trainee = data.enrol()
    client.force_login(trainee)
    client.post(reverse("quizzes:start", args=[data.quiz.id]))
    attempt = Attempt.objects.get(user=trainee)
    page = reverse("quizzes:attempt", args=[attempt.id])
    assert client.get(page).status_code == 200
    restriction = restrict(data.quiz.get_parent(), PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Another cohort"))
    assert client.get(page).status_code == 404
    autosave = reverse("quizzes:autosave", args=[attempt.id])
    assert client.post(autosave, "{}", content_type="application/json").status_code == 404
    restriction.delete()
    assert client.get(page).status_code == 200


def test_a_visitor_is_sent_to_the_site_log_in_page(client):
    data = skill_course()
    restrict(data.course, PageViewRestriction.LOGIN)
    response = client.get(data.lesson.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
