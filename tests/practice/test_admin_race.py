"""Two instructors sign the same request at the same moment: exactly one signature (PostgreSQL:
real row locks; the request's row is locked before anything is checked)."""

import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from certificates.models import Certificate
from courses.models import Enrollment
from practice import services
from practice.models import SignOffRequest
from tests.factories import wagtail_initial_data
from tests.insight.grade_data import instructor_of
from tests.parallel import in_parallel
from tests.practice.skill_data import PASSWORD, skill_course
from tests.practice.test_services import requested


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_instructors_signing_at_once_give_one_signature(monkeypatch):
    wagtail_initial_data()
    data = skill_course()
    trainee = data.ready_to_practise()
    data.finish_theory(trainee)
    request = requested(data, trainee)
    signers = [data.instructor, instructor_of(data.course, name="Second instructors")]
    url = reverse("practice_signoff", args=[request.pk])

    real_course_of = services.course_of

    def slow_course_of(skill):  # runs after the row lock: the winner holds it a while
        time.sleep(0.4)
        return real_course_of(skill)

    monkeypatch.setattr(services, "course_of", slow_course_of)

    def sign(index):
        client = Client()
        client.force_login(signers[index])
        response = client.post(
            url, {"action": "sign", "password": PASSWORD, "criteria": data.criteria_ids}
        )
        return response.status_code, response.content.decode()

    results, errors = in_parallel(sign, 2)
    assert errors == []
    statuses = sorted(status for status, _ in results)
    assert statuses == [302, 400], statuses
    refused = next(html for status, html in results if status == 400)
    assert "no longer awaiting sign-off" in refused
    signed = SignOffRequest.objects.get(pk=request.pk)
    assert signed.status == "signed" and signed.decided_by in signers
    assert signed.signed_content["signer"]["user_id"] == signed.decided_by_id
    assert PageLogEntry.objects.filter(action="practice.signed").count() == 1
    enrollment = Enrollment.objects.get(pk=request.enrollment_id)
    assert enrollment.completed_at is not None
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
