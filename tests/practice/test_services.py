"""The logbook's rules, through the services: log, request, sign, return, withdraw."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import Enrollment
from courses.outline import course_view
from notifications.models import OutboxEmail
from practice.models import PracticeSession, SignOffRequest
from practice.rules import record_hash
from practice.services import (
    PracticeError,
    practice_session_log,
    signoff_request_submit,
    signoff_return,
    signoff_sign,
    signoff_withdraw,
)
from tests.factories import UserFactory
from tests.insight.grade_data import instructor_of
from tests.practice.skill_data import PASSWORD, skill_course

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def log(data, user, **overrides):
    fields = {
        "user": user,
        "skill": data.skill,
        "practised_on": TODAY(),
        "setting": "course",
        "supervisor": data.instructor,
        "criteria_ids": data.criteria_ids[:1],
        "reflection": "Went well.",
    } | overrides
    return practice_session_log(**fields)


def requested(data, user):
    log(data, user)
    log(data, user)
    return signoff_request_submit(user=user, skill=data.skill)


def sign(data, request, **overrides):
    fields = {
        "request_id": request.pk,
        "signer": data.instructor,
        "password": PASSWORD,
        "observed_ids": data.criteria_ids,
    } | overrides
    return signoff_sign(**fields)


def test_the_whole_path_ends_in_completion_once():
    data = skill_course()
    trainee = data.ready_to_practise()
    data.finish_theory(trainee)
    enrollment = Enrollment.objects.get(user=trainee)
    assert enrollment.completed_at is None  # the skill is still outstanding
    request = requested(data, trainee)
    assert OutboxEmail.objects.filter(to=data.instructor.email).count() == 1
    sign(data, request)
    request.refresh_from_db()
    assert request.status == "signed" and request.decided_by == data.instructor
    assert request.signed_hash == record_hash(request.signed_content)
    assert [c["text"] for c in request.signed_content["criteria_observed"]] == [
        "Screens for contraindications",
        "Disposes of sharps at once",
    ]
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert OutboxEmail.objects.filter(to=trainee.email, subject__startswith="Signed off").exists()
    view = course_view(user=trainee, course=data.course)
    assert view.steps[data.skill.id].done and view.progress.percent == 100


def test_practice_cannot_be_logged_before_the_prerequisite_quiz():
    data = skill_course()
    trainee = data.enrol()
    with pytest.raises(PracticeError, match="Pass “Safety quiz” first"):
        log(data, trainee)
    assert not PracticeSession.objects.exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"practised_on": "tomorrow"}, "future"),
        ({"practised_on": "last year"}, "before you enrolled"),
        ({"supervisor": "trainee"}, "your own practice"),
        ({"supervisor": "other course"}, "not an instructor of this course"),
        ({"supervisor": "plain user"}, "not an instructor of this course"),
        ({"supervisor": None}, "Name the supervisor"),
        ({"supervisor": None, "external_supervisor": "Dr Who"}, "one of the course's instructors"),
        ({"criteria_ids": [10**9]}, "not one of this skill's criteria"),
        ({"setting": "beach"}, "where the session took place"),
    ],
)
def test_bad_sessions_are_refused_and_nothing_is_logged(overrides, message):
    data = skill_course()
    trainee = data.ready_to_practise()
    people = {
        "trainee": trainee,
        "other course": instructor_of(skill_course().course, name="Other instructors"),
        "plain user": UserFactory(),
    }
    dates = {"tomorrow": TODAY() + timedelta(days=1), "last year": TODAY() - timedelta(days=365)}
    if overrides.get("supervisor") in people:
        overrides["supervisor"] = people[overrides["supervisor"]]
    if overrides.get("practised_on") in dates:
        overrides["practised_on"] = dates[overrides["practised_on"]]
    with pytest.raises(PracticeError, match=message):
        log(data, trainee, **overrides)
    assert not PracticeSession.objects.exists()


def test_not_enrolled_is_refused():
    data = skill_course()
    with pytest.raises(PracticeError, match="Enrol in"):
        log(data, UserFactory())


def test_sign_off_needs_the_repetitions_and_a_double_click_requests_once():
    data = skill_course()
    trainee = data.ready_to_practise()
    log(data, trainee)
    with pytest.raises(PracticeError, match="Log 2 supervised sessions"):
        signoff_request_submit(user=trainee, skill=data.skill)
    log(data, trainee)
    first = signoff_request_submit(user=trainee, skill=data.skill)
    again = signoff_request_submit(user=trainee, skill=data.skill)
    assert first.pk == again.pk and SignOffRequest.objects.count() == 1
    assert OutboxEmail.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"password": "wrong"}, "password is not right"),
        ({"password": ""}, "password is not right"),
        ({"observed_ids": "one"}, "Every criterion must be observed"),
        ({"signer": "trainee"}, "Only an instructor"),
        ({"signer": "other course"}, "Only an instructor"),
    ],
)
def test_signing_is_refused_without_its_conditions(overrides, message):
    data = skill_course()
    trainee = data.ready_to_practise()
    request = requested(data, trainee)
    people = {
        "trainee": trainee,
        "other course": instructor_of(skill_course().course, name="Other instructors"),
    }
    if overrides.get("signer") in people:
        overrides["signer"] = people[overrides["signer"]]
    if overrides.get("observed_ids") == "one":
        overrides["observed_ids"] = data.criteria_ids[:1]
    with pytest.raises(PracticeError, match=message):
        sign(data, request, **overrides)
    request.refresh_from_db()
    assert request.status == "awaiting" and not request.signed_hash


def test_an_instructor_who_is_also_enrolled_cannot_sign_their_own_request():
    data = skill_course()
    data.instructor.set_password(PASSWORD)
    data.instructor.save()
    from courses.services import enrollment_create
    from tests.insight.grade_data import take

    enrollment_create(user=data.instructor, course=data.course)
    take(data.quiz, data.instructor, right=True)
    colleague = instructor_of(data.course, name="Colleagues")
    log(data, data.instructor, supervisor=colleague)
    log(data, data.instructor, supervisor=colleague)
    request = signoff_request_submit(user=data.instructor, skill=data.skill)
    with pytest.raises(PracticeError, match="your own skill"):
        sign(data, request)


def test_signed_twice_is_refused_and_the_first_signature_stands():
    data = skill_course()
    trainee = data.ready_to_practise()
    request = requested(data, trainee)
    sign(data, request)
    first_hash = SignOffRequest.objects.get().signed_hash
    with pytest.raises(PracticeError, match="no longer awaiting"):
        sign(data, request)
    assert SignOffRequest.objects.get().signed_hash == first_hash


def test_a_later_edit_of_the_criteria_does_not_change_a_past_sign_off():
    data = skill_course()
    trainee = data.ready_to_practise()
    request = requested(data, trainee)
    sign(data, request)
    data.skill.criteria.update(text="Something else entirely")
    request.refresh_from_db()
    assert "Screens for contraindications" in str(request.signed_content)
    assert request.signed_hash == record_hash(request.signed_content)


def test_returned_then_resubmitted_then_signed():
    data = skill_course()
    trainee = data.ready_to_practise()
    request = requested(data, trainee)
    with pytest.raises(PracticeError, match="Say what the trainee"):
        signoff_return(request_id=request.pk, by=data.instructor, comment="  ")
    signoff_return(request_id=request.pk, by=data.instructor, comment="Recheck the count.")
    assert OutboxEmail.objects.filter(to=trainee.email, subject__startswith="Returned").exists()
    log(data, trainee)
    again = signoff_request_submit(user=trainee, skill=data.skill)
    assert again.pk != request.pk
    sign(data, again)
    statuses = list(
        SignOffRequest.objects.order_by("submitted_at").values_list("status", flat=True)
    )
    assert statuses == ["returned", "signed"]


def test_withdrawal_reopens_the_requirement_and_needs_a_reason():
    data = skill_course()
    trainee = data.ready_to_practise()
    data.finish_theory(trainee)
    request = requested(data, trainee)
    sign(data, request)
    with pytest.raises(PracticeError, match="Give the reason"):
        signoff_withdraw(request_id=request.pk, by=data.instructor, reason="")
    with pytest.raises(PracticeError, match="Only an instructor"):
        signoff_withdraw(request_id=request.pk, by=trainee, reason="mine")
    signoff_withdraw(request_id=request.pk, by=data.instructor, reason="Signed the wrong trainee.")
    [email] = OutboxEmail.objects.filter(to=trainee.email, subject__startswith="Sign-off withdrawn")
    assert "Signed the wrong trainee." in email.body_text
    view = course_view(user=trainee, course=data.course)
    assert not view.steps[data.skill.id].done
    assert view.enrollment.completed_at is not None  # a recorded completion stands
    assert [r.key for r in view.progress.new_since_completion] == [f"skill:{data.skill.id}"]
    # the trainee can ask again
    assert signoff_request_submit(user=trainee, skill=data.skill).status == "awaiting"
