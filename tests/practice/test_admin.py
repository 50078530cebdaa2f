"""The instructor's side in the Wagtail admin: the queue and one request's page, scoped to the
instructor's courses; sign with the password, return, withdraw."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from certificates.models import Certificate
from courses.models import Enrollment
from practice.models import SignOffRequest
from tests.factories import UserFactory
from tests.insight.grade_data import instructor_of
from tests.practice.skill_data import PASSWORD, skill_course
from tests.practice.test_services import log, requested, sign

pytestmark = pytest.mark.django_db
QUEUE = reverse("practice_queue")


def detail(request) -> str:
    return reverse("practice_signoff", args=[request.pk])


@pytest.fixture
def data():
    return skill_course()


@pytest.fixture
def awaiting(data):
    trainee = data.ready_to_practise(full_name="Tess Trainee")
    data.finish_theory(trainee)
    return requested(data, trainee)


@pytest.fixture
def teacher(client, data):
    client.force_login(data.instructor)
    return client


def post_sign(client, request, *, password=PASSWORD, criteria=None, data=None):
    ids = criteria if criteria is not None else data.criteria_ids
    return client.post(detail(request), {"action": "sign", "password": password, "criteria": ids})


def test_queue_lists_awaiting_requests_and_the_menu_counts_them(teacher, awaiting):
    response = teacher.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tess Trainee" in html and detail(awaiting) in html
    assert '2 <span class="insight-muted">(2 required)</span>' in html
    assert "Sign-off requests (1)" in html  # the menu item's count (in the sidebar's JSON)


def test_queue_filters(teacher, data, awaiting):
    assert "Tess Trainee" in teacher.get(QUEUE, {"q": "tess"}).content.decode()
    assert "Tess Trainee" not in teacher.get(QUEUE, {"q": "nobody"}).content.decode()
    assert "Tess Trainee" not in teacher.get(QUEUE, {"status": "signed"}).content.decode()
    assert "Tess Trainee" in teacher.get(QUEUE, {"status": "any"}).content.decode()
    assert "Tess Trainee" in teacher.get(QUEUE, {"skill": data.skill.pk}).content.decode()
    assert "Tess Trainee" in teacher.get(QUEUE, {"course": data.course.pk}).content.decode()
    assert "Tess Trainee" in teacher.get(QUEUE, {"sessions": "enough"}).content.decode()
    assert "Tess Trainee" not in teacher.get(QUEUE, {"sessions": "short"}).content.decode()
    today = awaiting.submitted_at.date()
    assert "Tess Trainee" in teacher.get(QUEUE, {"submitted_from": today}).content.decode()
    tomorrow = today.replace(year=today.year + 1)
    page = teacher.get(QUEUE, {"submitted_from": tomorrow}).content.decode()
    assert "Tess Trainee" not in page
    garbage = teacher.get(QUEUE, {"course": "１", "submitted_to": "never", "status": "\x00"})
    assert garbage.status_code == 200 and "ignored" in garbage.content.decode()


def test_another_courses_instructor_sees_nothing_and_gets_404(client, awaiting):
    other = instructor_of(skill_course().course, name="Other course")
    client.force_login(other)
    assert "Tess Trainee" not in client.get(QUEUE).content.decode()
    assert client.get(detail(awaiting)).status_code == 404
    assert client.post(detail(awaiting), {"action": "return", "comment": "x"}).status_code == 404
    awaiting.refresh_from_db()
    assert awaiting.status == "awaiting"


def test_a_trainee_cannot_reach_the_admin(client, awaiting):
    client.force_login(awaiting.enrollment.user)
    for url in (QUEUE, detail(awaiting)):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Tess Trainee" not in response.content.decode()
    response = client.post(detail(awaiting), {"action": "sign", "password": PASSWORD})
    assert response.status_code in (302, 403)
    awaiting.refresh_from_db()
    assert awaiting.status == "awaiting"


def test_detail_shows_what_is_needed(teacher, data, awaiting):
    response = teacher.get(detail(awaiting))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Tess Trainee",
        data.course.title,
        "Safe needling with the precautions taught",
        "Screens for contraindications",
        "Went well.",
        "Practical course day",
        "Signing is a deliberate act",
        'name="password"',
        "Return with this comment",
    ):
        assert text in html, text


def test_sign_through_the_admin(teacher, data, awaiting):
    response = post_sign(teacher, awaiting, data=data)
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == "signed" and awaiting.decided_by == data.instructor
    page = teacher.get(detail(awaiting)).content.decode()
    assert awaiting.signed_hash in page and "Withdraw sign-off" in page
    assert Enrollment.objects.get(pk=awaiting.enrollment_id).completed_at is not None
    assert PageLogEntry.objects.filter(action="practice.signed").count() == 1


@pytest.mark.parametrize(
    "password, criteria, message",
    [
        ("wrong", None, "password is not right"),
        ("", None, "Check the form"),
        (PASSWORD, "first", "Every criterion must be observed"),
        (PASSWORD, ["１"], "Check the form"),
        (PASSWORD, [str(10**30)], "Check the form"),
    ],
)
def test_refused_signatures_change_nothing(teacher, data, awaiting, password, criteria, message):
    if criteria == "first":
        criteria = data.criteria_ids[:1]
    response = post_sign(teacher, awaiting, password=password, criteria=criteria, data=data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "correct-horse" not in html  # the password is never echoed
    awaiting.refresh_from_db()
    assert awaiting.status == "awaiting" and not awaiting.signed_hash
    assert Enrollment.objects.get(pk=awaiting.enrollment_id).completed_at is None
    assert not PageLogEntry.objects.filter(action="practice.signed").exists()


def test_refused_signature_keeps_the_ticks(teacher, data, awaiting):
    first = data.criteria_ids[0]
    html = post_sign(teacher, awaiting, password="nope", criteria=[first], data=data)
    html = html.content.decode()
    assert f'value="{first}" checked' in html
    assert f'value="{data.criteria_ids[1]}" checked' not in html


def test_return_through_the_admin(teacher, awaiting):
    assert teacher.post(detail(awaiting), {"action": "return", "comment": ""}).status_code == 400
    response = teacher.post(detail(awaiting), {"action": "return", "comment": "Recheck the count."})
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == "returned" and awaiting.comment == "Recheck the count."
    assert "Recheck the count." in teacher.get(detail(awaiting)).content.decode()


def test_earlier_requests_show_their_comments(teacher, data, awaiting):
    teacher.post(detail(awaiting), {"action": "return", "comment": "Needs a clinic session."})
    trainee = awaiting.enrollment.user
    log(data, trainee)
    from practice.services import signoff_request_submit

    again = signoff_request_submit(user=trainee, skill=data.skill)
    html = teacher.get(detail(again)).content.decode()
    assert "Needs a clinic session." in html and "Other requests for this skill" in html


def test_unknown_action_is_refused(teacher, awaiting):
    assert teacher.post(detail(awaiting), {"action": "delete"}).status_code == 400


def test_withdraw_through_the_admin(teacher, data, awaiting):
    sign(data, awaiting)
    assert teacher.post(detail(awaiting), {"action": "withdraw", "reason": " "}).status_code == 400
    response = teacher.post(
        detail(awaiting), {"action": "withdraw", "reason": "Signed the wrong trainee."}
    )
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == "withdrawn" and awaiting.withdrawn_by == data.instructor
    enrollment = Enrollment.objects.get(pk=awaiting.enrollment_id)
    assert enrollment.completed_at is not None  # a recorded completion stands
    html = teacher.get(detail(awaiting)).content.decode()
    assert "Signed the wrong trainee." in html and awaiting.signed_hash in html
    entry = PageLogEntry.objects.get(action="practice.withdrawn")
    assert entry.user == data.instructor and entry.data["reason"] == "Signed the wrong trainee."
    certificate = Certificate.objects.get(enrollment=enrollment)  # flagged, not revoked
    assert certificate.status == "valid" and certificate.review_flagged_at is not None
    assert "Signed the wrong trainee." in certificate.review_reason


def queue_queries(client, data, count: int) -> int:
    for n in range(count):
        trainee = data.ready_to_practise(full_name=f"Trainee {n:02d}")
        requested(data, trainee)
    assert SignOffRequest.objects.filter(skill=data.skill, status="awaiting").count() == count
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE, {"status": "awaiting"})
    assert response.status_code == 200
    assert response.content.decode().count('data-testid="queue-row"') == count
    import os

    if os.environ.get("DUMP_QUERIES"):
        print("\n".join(q["sql"][:160] for q in queries.captured_queries))
    return len(queries)


def test_the_queue_costs_the_same_for_1_and_30_requests(client):
    one = skill_course()
    client.force_login(one.instructor)
    few = queue_queries(client, one, 1)
    many_data = skill_course()
    teacher = instructor_of(many_data.course, name="Second")
    client.force_login(teacher)
    many = queue_queries(client, many_data, 30)
    assert few == many  # 15 queries for 1 request and for 30 (SQLite, Wagtail admin included)


def test_a_plain_admin_user_without_courses_sees_an_empty_queue(client, awaiting):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(QUEUE)
    assert response.status_code == 200 and "Tess Trainee" not in response.content.decode()
    assert client.get(detail(awaiting)).status_code == 404


def test_nothing_logged_twice(teacher, data, awaiting):
    post_sign(teacher, awaiting, data=data)
    post_sign(teacher, awaiting, data=data)
    assert PageLogEntry.objects.filter(action="practice.signed").count() == 1
    assert not ModelLogEntry.objects.filter(action="practice.signed").exists()


def detail_queries(client, data, sessions: int) -> int:
    trainee = data.ready_to_practise()
    for _ in range(sessions):
        log(data, trainee)
    from practice.services import signoff_request_submit

    request = signoff_request_submit(user=trainee, skill=data.skill)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(detail(request))
    assert response.status_code == 200
    assert response.content.decode().count("<h3>Session ") == sessions
    return len(queries)


def test_the_request_page_costs_the_same_for_2_and_12_sessions(client):
    few_data = skill_course()
    client.force_login(few_data.instructor)
    few = detail_queries(client, few_data, 2)
    many_data = skill_course()
    client.force_login(instructor_of(many_data.course, name="Second"))
    many = detail_queries(client, many_data, 12)
    assert few == many  # 16 queries for 2 sessions and for 12 (SQLite, Wagtail admin included)


def test_the_menu_counts_with_one_query_per_page(teacher, awaiting):
    with CaptureQueriesContext(connection) as queries:
        response = teacher.get("/admin/")
    assert response.status_code == 200
    assert "Sign-off requests (1)" in response.content.decode()
    counting = [q["sql"] for q in queries.captured_queries if "practice_signoffrequest" in q["sql"]]
    assert len(counting) == 1 and "COUNT" in counting[0]
