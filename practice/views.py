"""Trainee actions on a skill page, and the external supervisor's co-signing page. Thin: parse,
call a service, say what happened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.scope import course_instructors
from practice.forms import CosignForm, InvitationForm, SessionForm
from practice.models import PracticalSkillPage, PracticeSession
from practice.services import (
    PracticeError,
    course_of,
    practice_session_log,
    signoff_request_submit,
    supervisor_invitation_create,
    supervisor_invitation_lookup,
    supervisor_invitation_sign,
)


def _skill(skill_id: int) -> PracticalSkillPage:
    return get_object_or_404(PracticalSkillPage.objects.live().public(), pk=skill_id)


@require_POST
@login_required
def log_session(request, skill_id: int):
    skill = _skill(skill_id)
    instructors = [
        u for u in course_instructors(course=course_of(skill)) if u.pk != request.user.pk
    ]
    form = SessionForm(request.POST, skill=skill, instructors=instructors)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
        return redirect(skill.get_url(request) + "#log")
    try:
        practice_session_log(user=request.user, skill=skill, **form.service_kwargs())
    except PracticeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Session logged.")
    return redirect(skill.get_url(request) + "#sessions")


@require_POST
@login_required
def request_signoff(request, skill_id: int):
    skill = _skill(skill_id)
    try:
        signoff_request_submit(user=request.user, skill=skill)
    except PracticeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Sign-off requested. Your instructors have been told.")
    return redirect(skill.get_url(request))


@require_POST
@login_required
def invite_supervisor(request, skill_id: int):
    skill = _skill(skill_id)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the supervisor's name and a valid email address.")
        return redirect(skill.get_url(request) + "#invite")
    try:
        supervisor_invitation_create(user=request.user, skill=skill, **form.cleaned_data)
    except PracticeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
    return redirect(skill.get_url(request) + "#invite")


@never_cache
def cosign(request, token: str):
    """The page an emailed invitation opens: no account needed; the link is the credential."""
    try:
        invitation = supervisor_invitation_lookup(token=token)
    except PracticeError as error:
        return render(request, "practice/cosign_refused.html", {"reason": str(error)}, status=410)
    signoff = invitation.request
    skill = signoff.skill
    criteria = [(c.id, c.text) for c in skill.criteria.all()]
    form = CosignForm(request.POST or None, criteria=criteria, initial={"name": invitation.name})
    if request.method == "POST" and form.is_valid():
        try:
            supervisor_invitation_sign(
                token=token,
                name=form.cleaned_data["name"],
                registration=form.cleaned_data["registration"],
                observed_ids=form.cleaned_data["criteria"],
            )
        except PracticeError as error:
            form.add_error(None, str(error))
        else:
            return render(
                request, "practice/cosign_done.html", {"skill": skill, "signoff": signoff}
            )
    sessions = PracticeSession.objects.filter(
        enrollment=signoff.enrollment, skill=skill
    ).select_related("supervisor")
    context = {"form": form, "signoff": signoff, "skill": skill, "sessions": sessions}
    response = render(request, "practice/cosign.html", context, status=400 if form.errors else 200)
    response["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    return response
