"""Quiz results with the responses, and the older admin listings (attempts, certificate register)
held to the same rule: an instructor sees the courses they may edit, nothing else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificates.models import Certificate
from quizzes.models import Attempt
from tests.insight.grade_data import gradebook_course, instructor_of
from tests.insight.test_record_pages import _bulk_attempts

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_courses():
    data = gradebook_course()
    data.stuck(full_name="Cleo Stuck")
    data.completed(full_name="Dan Done")
    other = gradebook_course(slug="cupping", title="Cupping basics")
    other.completed(full_name="Olga Other")
    return data, other


def test_results_list_only_the_instructors_quizzes(client, two_courses):
    data, other = two_courses
    client.force_login(instructor_of(data.course))
    html = client.get(reverse("insight_results")).content.decode()
    assert data.gate.title in html and data.final.title in html
    assert other.gate.title not in html
    assert client.get(reverse("insight_results_quiz", args=[other.gate.pk])).status_code == 404


def test_a_quiz_lists_its_attempts_by_outcome_with_links_to_the_responses(client, two_courses):
    data, _ = two_courses
    client.force_login(instructor_of(data.course))
    url = reverse("insight_results_quiz", args=[data.gate.pk])
    html = client.get(url).content.decode()
    for attempt in Attempt.objects.filter(quiz=data.gate):
        assert reverse("insight_attempt", args=[attempt.pk]) in html
    failed = client.get(url, {"outcome": "must_pass"}).content.decode()
    assert "Cleo Stuck" in failed
    assert client.get(url, {"outcome": "\x00bogus", "p": "-3"}).status_code == 200


def test_quiz_results_page_queries_do_not_grow_with_attempts(client, two_courses):
    data, _ = two_courses
    client.force_login(instructor_of(data.course))
    url = reverse("insight_results_quiz", args=[data.final.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    trainee = Attempt.objects.filter(quiz=data.final).first().user
    _bulk_attempts(data.final, trainee, 500)
    with CaptureQueriesContext(connection) as large:
        client.get(url, {"p": "3"})
    assert len(large) == len(small)


def test_the_attempts_listing_is_scoped_too(client, two_courses):
    data, other = two_courses
    client.force_login(instructor_of(data.course))
    html = client.get("/admin/quiz_results/").content.decode()
    assert "Cleo Stuck" in html and "Olga Other" not in html
    theirs = Attempt.objects.filter(quiz=other.gate).first()
    assert client.get(f"/admin/quiz_results/inspect/{theirs.pk}/").status_code == 404
    mine = Attempt.objects.filter(quiz=data.gate).first()
    assert client.get(f"/admin/quiz_results/inspect/{mine.pk}/").status_code == 200


def test_the_certificate_register_is_scoped_too(client, two_courses):
    data, other = two_courses
    client.force_login(instructor_of(data.course))
    html = client.get(reverse("certificate_register:index")).content.decode()
    assert "Dan Done" in html and "Olga Other" not in html
    assert "Cupping basics" not in html  # nor among the course filter's choices
    theirs = Certificate.objects.get(course=other.course)
    for name in ("inspect", "history", "revoke", "reissue"):
        url = reverse(f"certificate_register:{name}", args=[theirs.pk])
        assert client.get(url).status_code == 404, name
    assert client.post(
        reverse("certificate_register:revoke", args=[theirs.pk]), {"reason": "x"}
    ).status_code in (403, 404)
    theirs.refresh_from_db()
    assert theirs.status == Certificate.Status.VALID
    export = client.get(reverse("certificate_register:index") + "?export=csv")
    assert b"Olga Other" not in b"".join(export.streaming_content)
