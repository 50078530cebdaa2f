"""What the trainee and the external supervisor see and post: the skill page, logging a session,
requesting sign-off, inviting a supervisor and co-signing through the emailed link."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from notifications.models import OutboxEmail
from practice.models import PracticeSession, SignOffRequest, SupervisorInvitation
from practice.services import (
    practice_session_log,
    signoff_request_submit,
    signoff_return,
    supervisor_invitation_create,
)
from tests.factories import UserFactory
from tests.practice.skill_data import PASSWORD, skill_course

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def session_post(data, **overrides):
    return {
        "practised_on": TODAY().isoformat(),
        "setting": "course",
        "supervisor": str(data.instructor.pk),
        "criteria": [str(c) for c in data.criteria_ids],
        "reflection": "Checked the red flags first.",
    } | overrides


def logged(data, user, times=1, **fields):
    fields = {"supervisor": data.instructor, "criteria_ids": data.criteria_ids} | fields
    for _ in range(times):
        practice_session_log(
            user=user, skill=data.skill, practised_on=TODAY(), setting="course", **fields
        )


def awaiting(data, user, external: str = ""):
    """Two sessions logged and sign-off requested; with `external`, the second session was
    supervised by that external clinician (whom the trainee may then invite to sign)."""
    logged(data, user, times=1 if external else 2)
    if external:
        logged(data, user, supervisor=None, external_supervisor=external)
    return signoff_request_submit(user=user, skill=data.skill)


def log_url(skill):
    return reverse("practice:log_session", args=[skill.id])


def text(response) -> str:
    return response.content.decode()


# --- The skill page --------------------------------------------------------------------------


def test_anonymous_visitor_is_told_to_log_in(client):
    data = skill_course()
    page = text(client.get(data.skill.url))
    assert "What to demonstrate" in page and "Screens for contraindications" in page
    assert 'data-testid="skill-login"' in page
    assert 'data-testid="session-form"' not in page


def test_a_user_not_enrolled_is_told_to_enrol(client):
    data = skill_course()
    client.force_login(UserFactory())
    page = text(client.get(data.skill.url))
    assert 'data-testid="skill-not-enrolled"' in page and data.course.url in page
    assert 'data-testid="session-form"' not in page


def test_before_the_quiz_the_page_says_why_and_links_to_it(client):
    data = skill_course()
    client.force_login(data.enrol())
    page = text(client.get(data.skill.url))
    assert 'data-testid="skill-locked"' in page
    assert "Safety quiz" in page and f'href="{data.quiz.url}"' in page
    assert 'data-testid="session-form"' not in page
    assert "Not started" in page


def test_ready_trainee_sees_the_form_with_the_course_instructors(client):
    data = skill_course()
    client.force_login(data.ready_to_practise())
    page = text(client.get(data.skill.url))
    assert 'data-testid="session-form"' in page
    assert f'<option value="{data.instructor.pk}">{data.instructor.full_name}</option>' in page
    assert 'value="external"' not in page  # this skill is for instructors only
    assert 'data-testid="request-form"' not in page


# --- Logging a session -----------------------------------------------------------------------


def test_logging_a_session_through_the_form(client):
    data = skill_course()
    trainee = data.ready_to_practise()
    client.force_login(trainee)
    response = client.post(log_url(data.skill), session_post(data))
    assert response.status_code == 302 and response["Location"].endswith("#sessions")
    session = PracticeSession.objects.get()
    assert session.supervisor == data.instructor and len(session.criteria_met) == 2
    page = text(client.get(data.skill.url))
    assert "Session logged." in page and "Checked the red flags first." in page
    assert "Practising (1 of 2 logged)" in page


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"practised_on": "2999-01-01"}, "cannot be in the future"),
        ({"practised_on": "yesterday"}, "Enter a valid date"),
        ({"setting": "beach"}, "Select a valid choice"),
        ({"supervisor": ""}, "Choose who supervised the session."),
        ({"supervisor": "external", "external_supervisor": "Dr Who"}, "Select a valid choice"),
        ({"criteria": ["999999"]}, "Select a valid choice"),
        ({"criteria": ["١"]}, "Select a valid choice"),
        ({"supervisor": str(2**64)}, "Select a valid choice"),
    ],
)
def test_bad_sessions_are_refused_with_the_form_kept(client, overrides, message):
    data = skill_course()
    client.force_login(data.ready_to_practise())
    response = client.post(log_url(data.skill), session_post(data, **overrides))
    assert response.status_code == 400
    page = text(response)
    assert page.count(message) == 1  # said once, in the form
    assert "The session was not logged" in page
    assert "Checked the red flags first." in page  # what was typed is kept
    assert not PracticeSession.objects.exists()


def test_another_courses_instructor_is_refused(client):
    data, other = skill_course(), skill_course()
    client.force_login(data.ready_to_practise())
    response = client.post(
        log_url(data.skill), session_post(data, supervisor=str(other.instructor.pk))
    )
    assert response.status_code == 400 and "Select a valid choice" in text(response)
    assert not PracticeSession.objects.exists()


def test_logging_before_the_quiz_is_refused(client):
    data = skill_course()
    client.force_login(data.enrol())
    response = client.post(log_url(data.skill), session_post(data))
    assert response.status_code == 400 and "Safety quiz" in text(response)
    assert not PracticeSession.objects.exists()


def test_a_skill_of_a_course_the_trainee_is_not_enrolled_in(client):
    data, other = skill_course(), skill_course()
    client.force_login(data.ready_to_practise())
    response = client.post(log_url(other.skill), session_post(other))
    assert response.status_code == 403
    assert "Enrol in" in text(response)
    assert not PracticeSession.objects.exists()


def test_posts_need_a_login_and_a_live_skill(client):
    data = skill_course()
    response = client.post(log_url(data.skill), session_post(data))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(data.ready_to_practise())
    assert client.post(f"/skills/{2**70}/sessions/", session_post(data)).status_code == 404
    assert client.get(log_url(data.skill)).status_code == 405
    assert not PracticeSession.objects.exists()


def test_external_supervisor_named_in_a_session(client):
    data = skill_course(allow_external_supervisor=True)
    client.force_login(data.ready_to_practise())
    page = text(client.get(data.skill.url))
    assert 'value="external"' in page and 'id="external-supervisor"' in page
    missing = client.post(log_url(data.skill), session_post(data, supervisor="external"))
    assert missing.status_code == 400 and "Give the external supervisor" in text(missing)
    ok = client.post(
        log_url(data.skill),
        session_post(data, supervisor="external", external_supervisor="Dr Ana Silva"),
    )
    assert ok.status_code == 302
    assert PracticeSession.objects.get().external_supervisor == "Dr Ana Silva"


# --- Requesting sign-off ----------------------------------------------------------------------


def test_request_signoff_only_when_enough_is_logged(client):
    data = skill_course()
    trainee = data.ready_to_practise()
    client.force_login(trainee)
    logged(data, trainee)
    url = reverse("practice:request_signoff", args=[data.skill.id])
    early = client.post(url)
    assert early.status_code == 400 and "Log 2 supervised sessions" in text(early)
    assert not SignOffRequest.objects.exists()
    logged(data, trainee)
    assert 'data-testid="request-form"' in text(client.get(data.skill.url))
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a double click: still one request
    assert SignOffRequest.objects.get().status == "awaiting"
    page = text(client.get(data.skill.url))
    assert 'data-testid="awaiting"' in page and "Awaiting sign-off" in page
    assert 'data-testid="request-form"' not in page


def test_a_returned_request_shows_the_comment_and_can_be_resubmitted(client):
    data = skill_course()
    trainee = data.ready_to_practise()
    request = awaiting(data, trainee)
    signoff_return(
        request_id=request.pk, by=data.instructor, comment="Practise the <b>landmarks</b>."
    )
    client.force_login(trainee)
    page = text(client.get(data.skill.url))
    assert 'data-testid="returned"' in page
    assert "Practise the &lt;b&gt;landmarks&lt;/b&gt;." in page  # escaped
    assert data.instructor.full_name in page
    assert "Request sign-off again" in page


# --- Inviting an external supervisor and co-signing ------------------------------------------


def invite_url(skill):
    return reverse("practice:invite_supervisor", args=[skill.id])


def test_invite_form_only_when_allowed_and_awaiting(client):
    data = skill_course()
    trainee = data.ready_to_practise()
    awaiting(data, trainee)
    client.force_login(trainee)
    assert 'data-testid="invite-form"' not in text(client.get(data.skill.url))
    response = client.post(invite_url(data.skill), {"name": "Dr X", "email": "x@example.org"})
    assert response.status_code == 400 and "instructors only" in text(response)
    assert not SupervisorInvitation.objects.exists()


def test_invite_then_cosign_through_the_emailed_link(client):
    data = skill_course(allow_external_supervisor=True)
    trainee = data.ready_to_practise(full_name="Tess Trainee")
    client.force_login(trainee)
    early = client.post(
        invite_url(data.skill), {"name": "Dr Ana Silva", "email": "ana@example.org"}
    )
    assert early.status_code == 400 and "Request sign-off first" in text(early)
    awaiting(data, trainee, external="Dr  Ana Silva")
    bad = client.post(invite_url(data.skill), {"name": "Dr Ana Silva", "email": "not-an-email"})
    assert bad.status_code == 400 and "Enter a valid email address" in text(bad)
    response = client.post(
        invite_url(data.skill), {"name": "Dr Ana Silva", "email": "ana@example.org"}
    )
    assert response.status_code == 302
    page = text(client.get(data.skill.url))
    assert "ana@example.org" in page and "not used yet" in page
    body = OutboxEmail.objects.get(to="ana@example.org").body_text
    link = re.search(r"https?://\S+/practice/cosign/\S+/", body).group(0)
    path = link[link.index("/practice/") :]

    client.logout()  # the supervisor has no account
    form = client.get(path)
    assert form.status_code == 200 and form["Referrer-Policy"] == "same-origin"
    assert "Tess Trainee" in text(form) and "Screens for contraindications" in text(form)
    assert 'value="Dr Ana Silva"' in text(form)

    incomplete = client.post(path, {"name": "Dr Ana Silva", "criteria": [data.criteria_ids[0]]})
    assert incomplete.status_code == 400
    assert "Nothing was signed yet" in text(incomplete)
    assert "Give your professional registration number." in text(incomplete)
    partial = client.post(
        path,
        {
            "name": "Dr Ana Silva",
            "registration": "PT-12345",
            "criteria": [data.criteria_ids[0]],
            "confirm": "on",
        },
    )
    assert partial.status_code == 400
    assert "Every criterion must be observed" in text(partial)
    assert SignOffRequest.objects.get().status == "awaiting"
    assert SupervisorInvitation.objects.get().used_at is None  # a refusal keeps the link usable

    done = client.post(
        path,
        {
            "name": "Dr Ana Silva",
            "registration": "PT-12345",
            "criteria": data.criteria_ids,
            "confirm": "on",
        },
    )
    assert done.status_code == 200 and 'data-testid="cosign-done"' in text(done)
    signed = SignOffRequest.objects.get()
    assert signed.status == "signed" and signed.external_signer_registration == "PT-12345"

    replay = client.get(path)
    assert replay.status_code == 410 and "already been used" in text(replay)
    replay_post = client.post(
        path,
        {"name": "Eve", "registration": "X", "criteria": data.criteria_ids, "confirm": "on"},
    )
    assert replay_post.status_code == 410
    signed.refresh_from_db()
    assert signed.external_signer_name == "Dr Ana Silva"

    client.force_login(trainee)
    page = text(client.get(data.skill.url))
    assert 'data-testid="signed-off"' in page and "Dr Ana Silva" in page and "PT-12345" in page
    assert 'data-testid="session-form"' not in page


def test_forged_and_expired_links_are_refused(client):
    data = skill_course(allow_external_supervisor=True)
    trainee = data.ready_to_practise()
    awaiting(data, trainee, external="Ana")
    invitation, token = supervisor_invitation_create(
        user=trainee, skill=data.skill, email="ana@example.org", name="Ana"
    )
    forged = client.get(reverse("practice_cosign", args=[token[:-2] + "xx"]))
    assert forged.status_code == 410 and "This link is not valid." in text(forged)
    SupervisorInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    post = {"name": "Ana", "registration": "1", "criteria": data.criteria_ids, "confirm": "on"}
    expired = client.post(reverse("practice_cosign", args=[token]), post)
    assert expired.status_code == 410 and "expired" in text(expired)
    assert SignOffRequest.objects.get().status == "awaiting"


def test_a_link_for_a_request_no_longer_awaiting_is_refused(client):
    data = skill_course(allow_external_supervisor=True)
    trainee = data.ready_to_practise()
    request = awaiting(data, trainee, external="Ana")
    _, token = supervisor_invitation_create(
        user=trainee, skill=data.skill, email="ana@example.org", name="Ana"
    )
    signoff_return(request_id=request.pk, by=data.instructor, comment="More practice.")
    response = client.get(reverse("practice_cosign", args=[token]))
    assert response.status_code == 410 and "no longer awaiting" in text(response)


# --- The outline -----------------------------------------------------------------------------


def test_the_outline_shows_the_skill_its_lock_and_when_it_is_signed(client):
    data = skill_course()
    trainee = data.enrol()
    client.force_login(trainee)
    page = text(client.get(data.course.url))
    row = page[page.index(f'href="{data.skill.url}"') :][:1200]
    assert "Practical skill" in row and "Pass “Safety quiz” first." in row
    assert 'data-testid="logbook-pdf"' in page
    dashboard = text(client.get(reverse("courses:dashboard")))
    assert "practical skills 0/1" in dashboard
    lesson = text(client.get(data.lesson.url))
    assert "Practical skill" in lesson


# --- Query counts ----------------------------------------------------------------------------


def queries_for_skill_page(client, data, trainee) -> int:
    client.force_login(trainee)
    client.get(data.skill.url)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(data.skill.url)
    assert response.status_code == 200
    return len(queries)


def test_skill_page_queries_do_not_grow_with_sessions(client):
    data = skill_course(allow_external_supervisor=True)
    one, many = data.ready_to_practise(), data.ready_to_practise()
    logged(data, one, times=1)
    logged(data, many, times=19)
    for trainee in (one, many):
        logged(data, trainee, supervisor=None, external_supervisor="Sup")
    for trainee in (one, many):
        request = signoff_request_submit(user=trainee, skill=data.skill)
        supervisor_invitation_create(
            user=trainee, skill=data.skill, email=f"sup{trainee.pk}@example.org", name="Sup"
        )
        assert request.status == "awaiting"
    few = queries_for_skill_page(client, data, one)
    lots = queries_for_skill_page(client, data, many)
    print(f"skill page queries: 2 sessions {few}, 20 sessions {lots}")
    assert few == lots


def test_more_sessions_than_required_fill_the_bar_no_further(client):
    data = skill_course()
    trainee = data.ready_to_practise()
    logged(data, trainee, times=3)
    client.force_login(trainee)
    page = text(client.get(data.skill.url))
    assert 'aria-valuenow="100"' in page and "width: 100%" in page
    assert "Ready to request sign-off (3 of 2 logged)" in page


def test_a_bad_form_where_no_form_is_shown_says_why(client):
    data, other = skill_course(), skill_course()
    client.force_login(data.enrol())
    locked = client.post(log_url(data.skill), {"practised_on": "nonsense"})
    assert locked.status_code == 400 and "Pass “Safety quiz” first." in text(locked)
    assert "correct the form below" not in text(locked)
    elsewhere = client.post(log_url(other.skill), {"practised_on": "nonsense"})
    assert elsewhere.status_code == 403
    assert f"Enrol in “{other.course.title}” before logging practice." in text(elsewhere)


def test_the_outline_says_where_a_skill_under_way_stands(client):
    """The course page and the lesson sidebar say "Awaiting sign-off", then "Returned with a
    comment"; once signed the step is simply done."""
    from practice.services import signoff_return, signoff_sign
    from tests.practice.test_services import requested

    data = skill_course()
    trainee = data.ready_to_practise()
    request = requested(data, trainee)
    client.force_login(trainee)
    for url in (data.course.url, data.lesson.url):
        assert "Awaiting sign-off" in client.get(url).content.decode(), url
    signoff_return(request_id=request.pk, by=data.instructor, comment="Count the needles.")
    assert "Returned with a comment" in client.get(data.course.url).content.decode()
    again = requested(data, trainee)
    signoff_sign(
        request_id=again.pk,
        signer=data.instructor,
        password=PASSWORD,
        observed_ids=data.criteria_ids,
    )
    html = client.get(data.course.url).content.decode()
    assert "Awaiting sign-off" not in html and "Returned with a comment" not in html


def test_the_session_date_defaults_to_today_in_the_format_a_date_input_accepts(client):
    """A date input drops any value that is not YYYY-MM-DD: a localised "07/12/2026" left the
    field empty and the first "Log this session" failed (found by a new-user walk)."""
    data = skill_course()
    trainee = data.ready_to_practise()
    client.force_login(trainee)
    html = client.get(data.skill.url).content.decode()
    [field] = re.findall(r'<input[^>]*name="practised_on"[^>]*>', html)
    assert f'value="{timezone.localdate().isoformat()}"' in field, field


def test_a_session_without_date_or_supervisor_says_what_is_missing(client):
    data = skill_course()
    trainee = data.ready_to_practise()
    client.force_login(trainee)
    response = client.post(
        reverse("practice:log_session", args=[data.skill.pk]),
        {"setting": "course", "criteria": data.criteria_ids},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Give the date of the session." in html
    assert "Choose who supervised the session." in html
    assert not PracticeSession.objects.exists()


def test_only_a_clinician_named_on_a_logged_session_can_be_invited(client):
    """The supervisor confirms that they supervised: inviting someone no session names would let
    a stranger sign practice they never saw (found by a new-user walk)."""
    data = skill_course(allow_external_supervisor=True)
    trainee = data.ready_to_practise()
    awaiting(data, trainee)  # both sessions under the instructor
    client.force_login(trainee)
    response = client.post(invite_url(data.skill), {"name": "Dr Jo", "email": "jo@example.org"})
    assert response.status_code == 400 and "named as the external supervisor" in text(response)
    logged(data, trainee, supervisor=None, external_supervisor="Dr Jo  Bloggs")
    wrong = client.post(invite_url(data.skill), {"name": "Dr Jo", "email": "jo@example.org"})
    assert wrong.status_code == 400
    right = client.post(invite_url(data.skill), {"name": "dr jo bloggs", "email": "jo@example.org"})
    assert right.status_code == 302
    assert SupervisorInvitation.objects.get().email == "jo@example.org"


def test_the_dashboard_lists_each_skill_and_where_it_stands(client):
    data = skill_course()
    trainee = data.ready_to_practise()
    client.force_login(trainee)
    html = text(client.get(reverse("courses:dashboard")))
    panel = html[html.index('data-testid="dashboard-skills"') :]
    assert data.skill.title in panel and "Not started" in panel
    logged(data, trainee)
    html = text(client.get(reverse("courses:dashboard")))
    assert "Practising (1 of 2 logged)" in html
    logged(data, trainee)
    signoff_request_submit(user=trainee, skill=data.skill)
    assert "Awaiting sign-off" in text(client.get(reverse("courses:dashboard")))


def test_the_dashboard_costs_the_same_queries_for_few_or_many_skills_and_sessions(client):
    from practice.models import PracticalSkillPage
    from tests.practice.skill_data import add_skill

    def dashboard_queries(trainee):
        client.force_login(trainee)
        client.get(reverse("courses:dashboard"))  # warm caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("courses:dashboard")).status_code == 200
        return len(queries)

    data = skill_course()
    few = data.ready_to_practise()
    logged(data, few)
    small = dashboard_queries(few)
    module = data.skill.get_parent().specific
    for n in range(4):
        add_skill(module, title=f"Extra skill {n}", requires=[data.quiz])
    many = data.ready_to_practise()
    logged(data, many, times=2)
    signoff_request_submit(user=many, skill=data.skill)
    for skill in PracticalSkillPage.objects.exclude(pk=data.skill.pk):
        practice_session_log(
            user=many,
            skill=skill,
            practised_on=TODAY(),
            setting="clinic",
            supervisor=data.instructor,
        )
    large = dashboard_queries(many)
    print(f"dashboard queries with skills: 1 skill {small}, 5 skills {large}")
    assert small == large
