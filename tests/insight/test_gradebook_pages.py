"""The gradebook page: rows and statuses as the trainee's own progress has them, filters, search,
sorting, pagination, and the separation between courses with their own instructor groups."""

import re

import pytest
from django.urls import reverse

from courses.models import Enrollment
from courses.roles import instructors_group_ensure
from tests.factories import UserFactory
from tests.insight.grade_data import gradebook_course, instructor_of

pytestmark = pytest.mark.django_db
URL = reverse("insight_gradebook")


@pytest.fixture
def cohort():
    data = gradebook_course()
    people = {
        "idle": data.not_started(full_name="Ada Idle"),
        "busy": data.in_progress(full_name="Ben Busy"),
        "stuck": data.stuck(full_name="Cleo Stuck", registration_number="HCPC-123"),
        "done": data.completed(full_name="Dan Done"),
    }
    return data, people


def names(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<th scope="row"><a href="/admin/insight/trainees/\d+/">([^<]+)</a>', html)


def test_instructor_sees_each_trainee_with_the_status_their_progress_gives(client, cohort):
    data, people = cohort
    client.force_login(instructor_of(data.course))
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Ada Idle", "Ben Busy", "Cleo Stuck", "Dan Done"]
    rows = {row.user.full_name: row for row in response.context["rows"]}
    assert {name: row.status for name, row in rows.items()} == {
        "Ada Idle": "not_started",
        "Ben Busy": "in_progress",
        "Cleo Stuck": "stuck",
        "Dan Done": "completed",
    }
    # the same percentage the trainee's dashboard shows: 1 of 6 requirements, all of them
    assert rows["Ben Busy"].progress.percent == 17
    assert rows["Dan Done"].progress.percent == 100
    gate = rows["Cleo Stuck"].quizzes[0]
    assert (gate.used, gate.passed, gate.must_pass_failures) == (1, False, 1)
    assert gate.best == gate.latest == 0
    done_gate = rows["Dan Done"].quizzes[0]
    assert (done_gate.used, done_gate.passed, done_gate.latest) == (2, True, 100)
    assert [cell.done for cell in rows["Ben Busy"].modules] == [1, 0]
    html = response.content.decode()
    assert "HCPC-123" in html and "Progress funnel per module" in html
    # the funnel, by hand: 4 enrolled, 3 started, only Dan got through module 1 (two lessons and
    # the gate) and module 2, completed and holds a certificate
    assert [(s.label.split(":")[0], s.count) for s in response.context["stages"]] == [
        ("Enrolled", 4),
        ("Started", 3),
        ("Done", 1),
        ("Done", 1),
        ("Completed the course", 1),
        ("Holds a valid certificate", 1),
    ]
    assert 'data-testid="funnel-table"' in html


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("stuck", ["Cleo Stuck"]),
        ("not_started", ["Ada Idle"]),
        ("in_progress", ["Ben Busy"]),
        ("completed", ["Dan Done"]),
    ],
)
def test_status_filters(client, cohort, status, expected):
    data, _ = cohort
    client.force_login(instructor_of(data.course))
    assert names(client.get(URL, {"status": status})) == expected


def test_revoked_or_expiring_certificate_filter(client, cohort):
    from certificates.models import Certificate

    data, people = cohort
    client.force_login(instructor_of(data.course))
    assert names(client.get(URL, {"status": "certificate"})) == []
    certificate = Certificate.objects.get(user=people["done"])
    certificate.status = Certificate.Status.REVOKED
    certificate.save()
    response = client.get(URL, {"status": "certificate"})
    assert names(response) == ["Dan Done"]
    assert "Revoked" in response.content.decode()
    assert reverse("certificate_register:inspect", args=[certificate.pk]) in (
        response.content.decode()
    )


def test_search_sort_and_cycle(client, cohort):
    data, people = cohort
    client.force_login(instructor_of(data.course))
    assert names(client.get(URL, {"q": "hcpc-1"})) == ["Cleo Stuck"]
    assert names(client.get(URL, {"q": people["busy"].email})) == ["Ben Busy"]
    assert names(client.get(URL, {"sort": "-name"}))[0] == "Dan Done"
    # a second cycle replaces the first in the default view; cycle=1 still shows the old one
    Enrollment.objects.create(user=people["done"], course=data.course, cycle=2)
    assert "Dan Done" not in names(client.get(URL, {"status": "completed"}))
    assert names(client.get(URL, {"status": "completed", "cycle": "1"})) == ["Dan Done"]


def test_pages_of_fifty(client, cohort):
    data, _ = cohort
    for n in range(60):
        data.enrol(full_name=f"Zed {n:03d}")
    client.force_login(instructor_of(data.course))
    first, second = client.get(URL), client.get(URL, {"p": "2"})
    assert len(names(first)) == 50 and len(names(second)) == 14
    assert "Page 2 of 2" in second.content.decode()
    assert len(names(client.get(URL, {"p": "999999"}))) == 14  # past the end: the last page


def test_a_second_course_with_its_own_instructors_is_invisible(client, cohort):
    data, _ = cohort
    other = gradebook_course(slug="cupping", title="Cupping basics")
    other.in_progress(full_name="Olga Other")
    alice, bob = instructor_of(data.course), instructor_of(other.course)
    client.force_login(bob)
    response = client.get(URL)
    assert names(response) == ["Olga Other"]
    assert [c.title for c in response.context["courses"]] == ["Cupping basics"]
    response = client.get(URL, {"course": str(data.course.pk)})  # asking for Alice's course
    assert names(response) == ["Olga Other"]
    assert "not one you can see" in response.content.decode()
    client.force_login(alice)
    assert "Olga Other" not in names(client.get(URL, {"course": str(other.course.pk)}))


def test_the_shared_instructors_group_still_sees_every_course(client, cohort):
    data, _ = cohort
    other = gradebook_course(slug="cupping", title="Cupping basics")
    other.in_progress(full_name="Olga Other")
    lead = UserFactory()
    lead.groups.add(instructors_group_ensure())  # page permissions at the root
    client.force_login(lead)
    response = client.get(URL, {"course": str(other.course.pk)})
    assert names(response) == ["Olga Other"]
    assert len(response.context["courses"]) == 2


def test_trainees_and_anonymous_users_never_reach_the_gradebook(client, cohort):
    data, people = cohort
    for url in (
        URL,
        reverse("insight_gradebook_export", args=["csv"]),
        reverse("insight_record", args=[people["busy"].pk]),
        reverse("insight_results"),
        reverse("insight_results_quiz", args=[data.gate.pk]),
        reverse("insight_attempt", args=[data.gate.attempts.first().pk]),
    ):
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and "/login/" in anonymous["Location"], url
    client.force_login(people["busy"])
    for url in (URL, reverse("insight_gradebook_export", args=["csv"])):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Ada Idle" not in response.content


def test_an_admin_user_without_a_course_is_refused(client, cohort):
    from django.contrib.auth.models import Permission

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for url in (URL, reverse("insight_gradebook_export", args=["csv"])):
        response = client.get(url)  # Wagtail turns the refusal into "back to the dashboard"
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
