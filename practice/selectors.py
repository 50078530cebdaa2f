"""Reads for the logbook: a skill page for a trainee, and a course's logbook (for the PDF)."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone

from courses.models import CoursePage, Enrollment
from courses.outline import course_view
from courses.scope import course_instructors
from practice.models import PracticalSkillPage, PracticeSession, SignOffRequest
from practice.rules import skill_state


def skill_page_context(*, skill: PracticalSkillPage, user) -> dict:
    from practice.forms import InvitationForm, SessionForm
    from practice.services import INVITATIONS_PER_REQUEST

    course = CoursePage.objects.ancestor_of(skill).first()  # under the course or a module
    view = course_view(user=user, course=course)
    step = view.steps.get(skill.id)
    enrollment = view.enrollment
    context = {
        "course": course,
        "course_view": view,
        "enrollment": enrollment,
        "lock": step.lock if step else None,
        "criteria": list(skill.criteria.all()),
        "prerequisite_quizzes": [
            p.required_quiz for p in skill.prerequisites.select_related("required_quiz")
        ],
    }
    if enrollment is None:
        return context
    sessions = list(
        PracticeSession.objects.filter(enrollment=enrollment, skill=skill).select_related(
            "supervisor"
        )
    )
    requests = list(
        SignOffRequest.objects.filter(enrollment=enrollment, skill=skill).select_related(
            "decided_by"
        )
    )
    latest = requests[0] if requests else None
    state = skill_state(
        logged=len(sessions),
        required=skill.min_repetitions,
        latest_request=latest.status if latest else None,
    )
    instructors = [u for u in course_instructors(course=course) if u.pk != user.pk]
    context.update(
        sessions=sessions,
        requests=requests,
        latest_request=latest,
        state=state,
        logged_percent=min(100, round(100 * len(sessions) / max(skill.min_repetitions, 1))),
        session_form=SessionForm(skill=skill, instructors=instructors),
        invitation_form=InvitationForm(),
        invitation_limit=INVITATIONS_PER_REQUEST,
        invitations=_invitations(latest),
    )
    return context


def _invitations(latest) -> list:
    if latest is None or latest.status != SignOffRequest.Status.AWAITING:
        return []
    now = timezone.now()
    invitations = list(latest.invites.all())
    for invitation in invitations:
        invitation.expired = invitation.used_at is None and invitation.expires_at <= now
    return invitations


def course_logbook(*, enrollment: Enrollment) -> list[dict]:
    """Every live skill of the enrollment's course with its sessions and requests: three queries
    whatever the number of skills and sessions."""
    skills = list(
        PracticalSkillPage.objects.live()
        .descendant_of(enrollment.course)
        .order_by("path")
        .prefetch_related("criteria")
    )
    sessions, requests = defaultdict(list), defaultdict(list)
    for session in PracticeSession.objects.filter(enrollment=enrollment).select_related(
        "supervisor"
    ):
        sessions[session.skill_id].append(session)
    for request in SignOffRequest.objects.filter(enrollment=enrollment).select_related(
        "decided_by"
    ):
        requests[request.skill_id].append(request)
    rows = []
    for skill in skills:
        latest = requests[skill.id][0] if requests[skill.id] else None
        rows.append(
            {
                "skill": skill,
                "sessions": sessions[skill.id],
                "requests": requests[skill.id],
                "latest": latest,
                "state": skill_state(
                    logged=len(sessions[skill.id]),
                    required=skill.min_repetitions,
                    latest_request=latest.status if latest else None,
                ),
            }
        )
    return rows
