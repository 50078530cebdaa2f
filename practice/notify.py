"""The logbook's emails, recorded in the notifications outbox in the caller's transaction."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from courses.scope import course_instructors
from notifications.services import outbox_email_queue


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _queue(*, key: str, to: str, subject: str, template: str, context: dict) -> None:
    text = render_to_string(f"practice/emails/{template}.txt", context)
    outbox_email_queue(key=key, to=to, subject=subject, text=text)


def request_submitted(*, request, course) -> None:
    """To the instructors who supervised the sessions, or every instructor of the course."""
    from practice.models import PracticeSession

    supervisor_ids = set(
        PracticeSession.objects.filter(
            enrollment=request.enrollment, skill=request.skill, supervisor__isnull=False
        ).values_list("supervisor_id", flat=True)
    )
    instructors = list(course_instructors(course=course))
    recipients = [u for u in instructors if u.pk in supervisor_ids] or instructors
    trainee = request.enrollment.user
    context = {
        "trainee": trainee.get_full_name() or trainee.email,
        "skill": request.skill.title,
        "course": course.title,
        "url": _absolute(reverse("practice_signoff", args=[request.pk])),
    }
    for instructor in recipients:
        _queue(
            key=f"practice.request:{request.pk}:instructor:{instructor.pk}",
            to=instructor.email,
            subject=f"Sign-off requested: {request.skill.title}",
            template="request_submitted",
            context=context | {"name": instructor.get_full_name() or instructor.email},
        )


def _to_trainee(*, request, course, what: str, subject: str) -> None:
    trainee = request.enrollment.user
    _queue(
        key=f"practice.{what}:{request.pk}",
        to=trainee.email,
        subject=subject,
        template=what,
        context={
            "name": trainee.get_full_name() or trainee.email,
            "skill": request.skill.title,
            "course": course.title,
            "request": request,
            "url": _absolute(request.skill.url or "/"),
        },
    )


def request_signed(*, request, course) -> None:
    _to_trainee(
        request=request, course=course, what="signed", subject=f"Signed off: {request.skill.title}"
    )


def request_returned(*, request, course) -> None:
    _to_trainee(
        request=request,
        course=course,
        what="returned",
        subject=f"Returned for more practice: {request.skill.title}",
    )


def request_withdrawn(*, request, course) -> None:
    _to_trainee(
        request=request,
        course=course,
        what="withdrawn",
        subject=f"Sign-off withdrawn: {request.skill.title}",
    )


def supervisor_invited(*, invitation, token: str, course) -> None:
    trainee = invitation.request.enrollment.user
    _queue(
        key=f"practice.invitation:{invitation.pk}",
        to=invitation.email,
        subject=f"Please confirm {trainee.get_full_name() or 'a trainee'}'s supervised practice",
        template="invitation",
        context={
            "name": invitation.name,
            "trainee": trainee.get_full_name() or trainee.email,
            "skill": invitation.request.skill.title,
            "course": course.title,
            "url": _absolute(reverse("practice_cosign", args=[token])),
            "expires_at": invitation.expires_at,
        },
    )
