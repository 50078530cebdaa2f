"""The instructor's side in the Wagtail admin: the sign-off queue and one request's page (sign
with the password re-entered, return with a comment, or withdraw a signature with a reason)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from courses.scope import course_subtree_q
from practice.models import PracticeSession, SignOffRequest
from practice.services import (
    PracticeError,
    signoff_return,
    signoff_sign,
    signoff_withdraw,
)

Status = SignOffRequest.Status


def visible_requests(user):
    """Requests for skills inside the courses this user may edit (staff: all)."""
    return SignOffRequest.objects.filter(course_subtree_q(user=user, field="skill__path"))


def awaiting_count(user) -> int:
    return visible_requests(user).filter(status=Status.AWAITING).count()


def queue_view(request):
    status = request.GET.get("status", Status.AWAITING)
    if status not in Status.values:
        status = Status.AWAITING
    rows = (
        visible_requests(request.user)
        .filter(status=status)
        .select_related("enrollment__user", "enrollment__course", "skill")
        .order_by("submitted_at")[:200]
    )
    return TemplateResponse(
        request,
        "practice/admin/queue.html",
        {"rows": rows, "status": status, "statuses": Status.choices},
    )


def _criteria_ids(request) -> list[int]:
    ids = []
    for value in request.POST.getlist("criteria"):
        if not value.isascii() or not value.isdigit() or len(value) > 18:
            raise PracticeError("A ticked criterion is not one of this skill's criteria.")
        ids.append(int(value))
    return ids


def detail_view(request, request_id: int):
    signoff = get_object_or_404(
        visible_requests(request.user).select_related(
            "enrollment__user", "enrollment__course", "skill", "decided_by", "withdrawn_by"
        ),
        pk=request_id,
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "sign":
                signoff_sign(
                    request_id=signoff.pk,
                    signer=request.user,
                    password=request.POST.get("password", ""),
                    observed_ids=_criteria_ids(request),
                )
                messages.success(request, f"“{signoff.skill.title}” signed off.")
            elif action == "return":
                signoff_return(
                    request_id=signoff.pk, by=request.user, comment=request.POST.get("comment", "")
                )
                messages.success(request, "Returned to the trainee with your comment.")
            elif action == "withdraw":
                signoff_withdraw(
                    request_id=signoff.pk, by=request.user, reason=request.POST.get("reason", "")
                )
                messages.warning(request, "Sign-off withdrawn.")
            else:
                raise PermissionDenied
        except PracticeError as error:
            messages.error(request, str(error))
        return redirect(reverse("practice_signoff", args=[signoff.pk]))
    sessions = PracticeSession.objects.filter(
        enrollment=signoff.enrollment, skill=signoff.skill
    ).select_related("supervisor")
    return TemplateResponse(
        request,
        "practice/admin/detail.html",
        {
            "signoff": signoff,
            "skill": signoff.skill,
            "criteria": list(signoff.skill.criteria.all()),
            "sessions": sessions,
            "trainee": signoff.enrollment.user,
        },
    )
