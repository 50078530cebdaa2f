"""View restrictions are kept (courses/public.py); setting or removing one counts at once."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.services import enrollment_create
from quizzes.models import Attempt
from tests.factories.quizzes import QuestionFactory, quiz_with_questions

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
