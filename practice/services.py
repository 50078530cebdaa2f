"""Business rules of the logbook: log practice, request sign-off, sign, return, withdraw, and
invite an external supervisor. Every write takes the enrollment's (or the request's) row lock
first, so concurrent clicks and two instructors signing at once give one outcome."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from courses.models import CoursePage, Enrollment
from courses.outline import course_view
from courses.scope import instructor_may_see_course
from courses.services import enrollment_evaluate_completion
from practice import notify
from practice.models import (
    PracticalSkillPage,
    PracticeSession,
    SignOffRequest,
    SupervisorInvitation,
)
from practice.rules import signed_record, signing_refusals, skill_state
from practice.signals import signoff_withdrawn

Status = SignOffRequest.Status
INVITATION_LIFETIME = timedelta(days=14)
INVITATIONS_PER_REQUEST = 3


class PracticeError(Exception):
    """An action the rules refuse; the message is shown as is."""


def course_of(skill: PracticalSkillPage) -> CoursePage:
    course = CoursePage.objects.ancestor_of(skill).first()
    if course is None:
        raise PracticeError("This skill is not part of a course.")
    return course


def _locked_enrollment(*, user, skill) -> Enrollment:
    if not skill.live:
        raise PracticeError("This skill is not published.")
    course = course_of(skill)
    enrollment = Enrollment.objects.select_for_update().current(user=user, course=course)
    if enrollment is None:
        raise PracticeError(f"Enrol in “{course.title}” before logging practice.")
    enrollment.course = course
    return enrollment


def prerequisite_reason(*, trainee, skill, course) -> str | None:
    """The reason the skill is locked for the trainee (quizzes to pass, a gated module), if so."""
    step = course_view(user=trainee, course=course).steps.get(skill.id)
    return step.lock.reason if step is not None and step.lock is not None else None


def _latest_status(enrollment, skill) -> str | None:
    latest = SignOffRequest.objects.filter(enrollment=enrollment, skill=skill).first()
    return latest.status if latest else None


def _criteria(skill) -> dict[int, str]:
    return dict(skill.criteria.values_list("id", "text"))


def _is_supervisor(user, course) -> bool:
    return bool(user and user.is_active and instructor_may_see_course(user=user, course=course))


@transaction.atomic
def practice_session_log(
    *,
    user,
    skill: PracticalSkillPage,
    practised_on: date,
    setting: str,
    supervisor=None,
    external_supervisor: str = "",
    criteria_ids=(),
    reflection: str = "",
) -> PracticeSession:
    enrollment = _locked_enrollment(user=user, skill=skill)
    course = enrollment.course
    reason = prerequisite_reason(trainee=user, skill=skill, course=course)
    if reason:
        raise PracticeError(reason)
    if _latest_status(enrollment, skill) == Status.SIGNED:
        raise PracticeError("This skill is already signed off.")
    today = timezone.localdate()
    if practised_on > today:
        raise PracticeError("The date of a session cannot be in the future.")
    if practised_on < timezone.localtime(enrollment.enrolled_at).date():
        raise PracticeError("The session is dated before you enrolled on this course.")
    if setting not in PracticeSession.Setting.values:
        raise PracticeError("Choose where the session took place.")
    external_supervisor = (external_supervisor or "").strip()
    if supervisor is not None:
        if external_supervisor:
            raise PracticeError("Name one supervisor: an instructor or an external clinician.")
        if supervisor.pk == user.pk:
            raise PracticeError("You cannot supervise your own practice.")
        if not _is_supervisor(supervisor, course):
            raise PracticeError("That person is not an instructor of this course.")
    elif external_supervisor:
        if not skill.allow_external_supervisor:
            raise PracticeError(
                "This skill must be practised under one of the course's instructors."
            )
    else:
        raise PracticeError("Name the supervisor of the session.")
    criteria = _criteria(skill)
    chosen = list(dict.fromkeys(criteria_ids))
    if any(criterion not in criteria for criterion in chosen):
        raise PracticeError("A ticked criterion is not one of this skill's criteria.")
    return PracticeSession.objects.create(
        enrollment=enrollment,
        skill=skill,
        practised_on=practised_on,
        setting=setting,
        supervisor=supervisor,
        external_supervisor=external_supervisor,
        criteria_met=[{"id": c, "text": criteria[c]} for c in chosen],
        reflection=reflection.strip(),
    )


@transaction.atomic
def signoff_request_submit(*, user, skill: PracticalSkillPage) -> SignOffRequest:
    """Ask for sign-off; a repeated click returns the request already waiting."""
    enrollment = _locked_enrollment(user=user, skill=skill)
    reason = prerequisite_reason(trainee=user, skill=skill, course=enrollment.course)
    if reason:
        raise PracticeError(reason)
    open_request = SignOffRequest.objects.filter(
        enrollment=enrollment, skill=skill, status__in=[Status.AWAITING, Status.SIGNED]
    ).first()
    if open_request is not None:
        if open_request.status == Status.SIGNED:
            raise PracticeError("This skill is already signed off.")
        return open_request
    logged = PracticeSession.objects.filter(enrollment=enrollment, skill=skill).count()
    state = skill_state(logged=logged, required=skill.min_repetitions, latest_request=None)
    if not state.may_request:
        raise PracticeError(
            f"Log {skill.min_repetitions} supervised sessions before asking for sign-off "
            f"({logged} logged so far)."
        )
    request = SignOffRequest.objects.create(enrollment=enrollment, skill=skill)
    notify.request_submitted(request=request, course=enrollment.course)
    return request


def _locked_request(request_id: int) -> SignOffRequest:
    """The request, locked after its enrollment: signing can complete the course, so it takes the
    enrollment's lock as lesson completion and quiz submission do (one order, no lost completion
    when the last lesson and the sign-off arrive together)."""
    enrollment_id = (
        SignOffRequest.objects.filter(pk=request_id).values_list("enrollment_id", flat=True).first()
    )
    if enrollment_id is None:
        raise PracticeError("No such sign-off request.")
    Enrollment.objects.select_for_update().filter(pk=enrollment_id).first()
    request = (
        SignOffRequest.objects.select_for_update(of=("self",))
        .select_related("enrollment__user", "skill")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise PracticeError("No such sign-off request.")
    return request


def _require_awaiting(request: SignOffRequest) -> None:
    if request.status != Status.AWAITING:
        raise PracticeError(
            f"This request is no longer awaiting sign-off ({request.get_status_display().lower()})."
        )


def _sign(request: SignOffRequest, *, observed_ids, signer: dict, course) -> None:
    trainee = request.enrollment.user
    skill = request.skill
    criteria = _criteria(skill)
    sessions = list(
        PracticeSession.objects.filter(enrollment=request.enrollment, skill=skill).select_related(
            "supervisor"
        )
    )
    observed = list(dict.fromkeys(observed_ids))
    refusals = signing_refusals(
        logged=len(sessions),
        required=skill.min_repetitions,
        criteria=criteria,
        observed=observed,
        prerequisites_unmet=prerequisite_reason(trainee=trainee, skill=skill, course=course),
    )
    if refusals:
        raise PracticeError(" ".join(refusals))
    now = timezone.now()
    record, digest = signed_record(
        skill={
            "id": skill.id,
            "title": skill.title,
            "course": course.title,
            "min_repetitions": skill.min_repetitions,
        },
        criteria=[{"id": c, "text": criteria[c]} for c in observed],
        sessions=[
            {
                "id": s.id,
                "practised_on": s.practised_on.isoformat(),
                "setting": s.setting,
                "supervisor": s.supervisor_name,
                "criteria_met": s.criteria_met,
            }
            for s in sessions
        ],
        signer=signer,
        signed_at=now.isoformat(),
    )
    request.status = Status.SIGNED
    request.decided_at = now
    request.signed_content = record
    request.signed_hash = digest
    request.save()
    log(instance=skill, action="practice.signed", data={"request": request.pk, "hash": digest})
    notify.request_signed(request=request, course=course)
    enrollment = Enrollment.objects.get(pk=request.enrollment_id)  # locked by _locked_request
    enrollment_evaluate_completion(enrollment=enrollment, already_locked=True)


@transaction.atomic
def signoff_sign(*, request_id: int, signer, password: str, observed_ids) -> SignOffRequest:
    """An instructor signs: password re-entered, every criterion observed, enough sessions."""
    request = _locked_request(request_id)
    course = course_of(request.skill)
    if not _is_supervisor(signer, course):
        raise PracticeError("Only an instructor of this course can sign off its skills.")
    if signer.pk == request.enrollment.user_id:
        raise PracticeError("You cannot sign off your own skill.")
    if not password or not signer.check_password(password):
        raise PracticeError("That password is not right: re-enter yours to sign.")
    _require_awaiting(request)
    request.decided_by = signer
    _sign(
        request,
        observed_ids=observed_ids,
        signer={"user_id": signer.pk, "name": signer.get_full_name() or signer.email},
        course=course,
    )
    return request


@transaction.atomic
def signoff_return(*, request_id: int, by, comment: str) -> SignOffRequest:
    request = _locked_request(request_id)
    course = course_of(request.skill)
    if not _is_supervisor(by, course) or by.pk == request.enrollment.user_id:
        raise PracticeError("Only an instructor of this course can return a request.")
    _require_awaiting(request)
    comment = (comment or "").strip()
    if not comment:
        raise PracticeError("Say what the trainee should work on before re-submitting.")
    request.status = Status.RETURNED
    request.decided_by = by
    request.decided_at = timezone.now()
    request.comment = comment
    request.save()
    log(instance=request.skill, action="practice.returned", data={"request": request.pk})
    notify.request_returned(request=request, course=course)
    return request


@transaction.atomic
def signoff_withdraw(*, request_id: int, by, reason: str) -> SignOffRequest:
    """Withdraw a signature; the requirement opens again. A certificate that rested on it is
    flagged for review by the certificates app (never silently revoked)."""
    request = _locked_request(request_id)
    course = course_of(request.skill)
    if not _is_supervisor(by, course):
        raise PracticeError("Only an instructor of this course can withdraw a sign-off.")
    if request.status != Status.SIGNED:
        raise PracticeError("Only a signed-off skill can have its sign-off withdrawn.")
    reason = (reason or "").strip()
    if not reason:
        raise PracticeError("Give the reason for withdrawing the sign-off.")
    request.status = Status.WITHDRAWN
    request.withdrawn_at = timezone.now()
    request.withdrawn_by = by
    request.withdrawal_reason = reason
    request.save()
    log(
        instance=request.skill,
        action="practice.withdrawn",
        data={"request": request.pk, "reason": reason, "hash": request.signed_hash},
        user=by,
    )
    notify.request_withdrawn(request=request, course=course)
    signoff_withdrawn.send(sender=SignOffRequest, request=request, by=by)
    return request


def _person(name: str) -> str:
    return " ".join((name or "").split()).casefold()


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def supervisor_invitation_create(
    *, user, skill: PracticalSkillPage, email: str, name: str
) -> tuple[SupervisorInvitation, str]:
    """Invite an external clinician to sign the trainee's waiting request; returns the
    invitation and its token (emailed, never stored)."""
    enrollment = _locked_enrollment(user=user, skill=skill)
    if not skill.allow_external_supervisor:
        raise PracticeError("This skill is signed off by the course's instructors only.")
    request = SignOffRequest.objects.filter(
        enrollment=enrollment, skill=skill, status=Status.AWAITING
    ).first()
    if request is None:
        raise PracticeError("Request sign-off first; then you can invite a supervisor to sign it.")
    email, name = (email or "").strip(), (name or "").strip()
    if not email or not name:
        raise PracticeError("Give the supervisor's name and email address.")
    if email.lower() == (user.email or "").lower():
        raise PracticeError("You cannot invite yourself to sign your own request.")
    named = PracticeSession.objects.filter(enrollment=enrollment, skill=skill).exclude(
        external_supervisor=""
    )
    if _person(name) not in {
        _person(n) for n in named.values_list("external_supervisor", flat=True)
    }:
        # They confirm that they supervised: only someone a logged session names can be asked.
        raise PracticeError(
            "Invite the clinician named as the external supervisor of one of your logged "
            "sessions, with their name as you logged it."
        )
    if request.invites.count() >= INVITATIONS_PER_REQUEST:
        raise PracticeError(f"At most {INVITATIONS_PER_REQUEST} invitations per request.")
    token = secrets.token_urlsafe(32)
    invitation = SupervisorInvitation.objects.create(
        request=request,
        email=email,
        name=name,
        token_digest=token_digest(token),
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    notify.supervisor_invited(invitation=invitation, token=token, course=enrollment.course)
    return invitation, token


def supervisor_invitation_lookup(*, token: str) -> SupervisorInvitation:
    """The invitation a link names, if it can still be used; otherwise why not."""
    invitation = (
        SupervisorInvitation.objects.select_related("request__skill", "request__enrollment__user")
        .filter(token_digest=token_digest(token))
        .first()
    )
    if invitation is None:
        raise PracticeError("This link is not valid.")
    if invitation.used_at is not None:
        raise PracticeError("This link has already been used.")
    if invitation.expires_at <= timezone.now():
        raise PracticeError("This link has expired. Ask the trainee to send a new invitation.")
    if invitation.request.status != Status.AWAITING:
        raise PracticeError("This request is no longer awaiting sign-off.")
    return invitation


@transaction.atomic
def supervisor_invitation_sign(
    *, token: str, name: str, registration: str, observed_ids
) -> SignOffRequest:
    """The external supervisor signs through their link: once, before it expires, for the one
    request it was made for. A refusal rolls back, so the link stays usable."""
    invitation = supervisor_invitation_lookup(token=token)
    now = timezone.now()
    claimed = SupervisorInvitation.objects.filter(
        pk=invitation.pk, used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if not claimed:
        raise PracticeError("This link has already been used.")
    name, registration = (name or "").strip(), (registration or "").strip()
    if not name or not registration:
        raise PracticeError("Give your name and your professional registration number.")
    request = _locked_request(invitation.request_id)
    _require_awaiting(request)
    request.external_signer_name = name
    request.external_signer_registration = registration
    _sign(
        request,
        observed_ids=observed_ids,
        signer={
            "external": True,
            "name": name,
            "registration": registration,
            "invited_email": invitation.email,
        },
        course=course_of(request.skill),
    )
    return request
