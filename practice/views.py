"""Trainee actions on a skill page, and the external supervisor's co-signing page. Thin: parse,
call a service, say what happened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from courses.models import CoursePage, Enrollment
from courses.public import viewable_page_or_404
from courses.scope import course_instructors
from practice.forms import CosignForm, InvitationForm, SessionForm
from practice.models import PracticalSkillPage, PracticeSession
from practice.pdf import logbook_pdf_bytes
from practice.services import (
    PracticeError,
    course_of,
    practice_session_log,
    signoff_request_submit,
    supervisor_invitation_create,
    supervisor_invitation_lookup,
    supervisor_invitation_sign,
)


def _skill(request, skill_id: int) -> PracticalSkillPage:
    return viewable_page_or_404(PracticalSkillPage.objects, pk=skill_id, request=request)


def _skill_page(request, skill, *, status: int, error: str = "", refusal: str = "", **forms):
    """The skill page again, with the submitted form and what was wrong (nothing was changed).

    Re-rendered rather than redirected, so a refused session keeps what the trainee typed.
    `error` goes at the top; `refusal` (a service's reason) goes into the submitted form when the
    page shows that form, else at the top, so it is said once and where it can be seen."""
    context = skill.get_context(request)
    context.update(forms)
    if forms:
        (name, form), *_ = forms.items()
        if not _form_shown(context, name):
            error = refusal or _why_no_form(context, name)
        elif refusal:
            form.add_error(None, refusal)
    elif refusal:
        error = refusal
    if error:
        messages.error(request, error)
    if context.get("enrollment") is None:
        status = 403
    return render(request, skill.get_template(request), context, status=status)


def _why_no_form(context, name: str) -> str:
    if context.get("enrollment") is None:
        return f"Enrol in “{context['course'].title}” before logging practice."
    if context.get("lock"):
        return context["lock"].reason
    if context["state"].code == "signed":
        return "This skill is already signed off."
    if name == "invitation_form":
        return "An external supervisor can be invited only to a request awaiting sign-off."
    return "Nothing was changed."


def _form_shown(context, name: str) -> bool:
    """Whether practical_skill_page.html shows this form (keep in step with the template)."""
    state, page = context.get("state"), context["page"]
    if state is None or context.get("lock"):
        return False
    if name == "session_form":
        return state.code != "signed"
    return (
        page.allow_external_supervisor
        and state.code == "awaiting"
        and len(context["invitations"]) < context["invitation_limit"]
    )


@require_POST
@login_required
def log_session(request, skill_id: int):
    skill = _skill(request, skill_id)
    instructors = [
        u for u in course_instructors(course=course_of(skill)) if u.pk != request.user.pk
    ]
    form = SessionForm(request.POST, skill=skill, instructors=instructors)
    if not form.is_valid():
        return _skill_page(
            request,
            skill,
            status=400,
            error="The session was not logged: correct the form below.",
            session_form=form,
        )
    try:
        practice_session_log(user=request.user, skill=skill, **form.service_kwargs())
    except PracticeError as error:
        return _skill_page(
            request,
            skill,
            status=400,
            error="The session was not logged: see why in the form below.",
            refusal=str(error),
            session_form=form,
        )
    messages.success(request, "Session logged.")
    return redirect(skill.get_url(request) + "#sessions")


@require_POST
@login_required
def request_signoff(request, skill_id: int):
    skill = _skill(request, skill_id)
    try:
        signoff_request_submit(user=request.user, skill=skill)
    except PracticeError as error:
        return _skill_page(request, skill, status=400, error=str(error))
    messages.success(request, "Sign-off requested. Your instructors have been told.")
    return redirect(skill.get_url(request))


@require_POST
@login_required
def invite_supervisor(request, skill_id: int):
    skill = _skill(request, skill_id)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _skill_page(
            request,
            skill,
            status=400,
            error="No invitation was sent: give the supervisor's name and a valid email address.",
            invitation_form=form,
        )
    try:
        supervisor_invitation_create(user=request.user, skill=skill, **form.cleaned_data)
    except PracticeError as error:
        return _skill_page(
            request,
            skill,
            status=400,
            error="No invitation was sent: see why in the form below.",
            refusal=str(error),
            invitation_form=form,
        )
    messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
    return redirect(skill.get_url(request) + "#invite")


@login_required
@require_GET
def logbook_pdf(request, course_id: int):
    """The trainee's own logbook for a course: only their current enrollment, else 404."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    enrollment = Enrollment.objects.current(user=request.user, course=course)
    if enrollment is None:
        raise Http404("You are not enrolled in this course.")
    pdf = logbook_pdf_bytes(enrollment=enrollment)
    response = HttpResponse(pdf, content_type="application/pdf")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="practical-logbook-{course.slug}-{stamp}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
def cosign(request, token: str):
    """The page an emailed invitation opens: no account needed; the link is the credential."""
    try:
        invitation = supervisor_invitation_lookup(token=token)
    except PracticeError as error:
        response = render(
            request, "practice/cosign_refused.html", {"reason": str(error)}, status=410
        )
        response["Referrer-Policy"] = "same-origin"
        return response
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
            signoff.refresh_from_db()
            response = render(
                request, "practice/cosign_done.html", {"skill": skill, "signoff": signoff}
            )
            response["Referrer-Policy"] = "same-origin"
            return response
    sessions = PracticeSession.objects.filter(
        enrollment=signoff.enrollment, skill=skill
    ).select_related("supervisor")
    trainee = signoff.enrollment.user
    context = {
        "form": form,
        "signoff": signoff,
        "skill": skill,
        "sessions": sessions,
        "invitation": invitation,
        "course": course_of(skill),
        "trainee_name": trainee.get_full_name() or "The trainee",
    }
    response = render(request, "practice/cosign.html", context, status=400 if form.errors else 200)
    # The token is in the URL: never send it to another site. Not "no-referrer": with it
    # Chromium posts the form with "Origin: null" and Django's CSRF check refuses the signature.
    response["Referrer-Policy"] = "same-origin"
    return response
