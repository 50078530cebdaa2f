"""The instructor's side in the Wagtail admin: the sign-off queue and one request's page (sign
with the password re-entered, return with a comment, or withdraw a signature with a reason).

Scope is courses.scope's rule (the courses the user may edit), read once per request and shared
by the menu's count, the queue's filters and its rows, so the queue costs the same few queries
whatever the number of requests (tests/practice/test_admin.py pins it).
"""

from __future__ import annotations

import datetime
import json
from functools import reduce
from operator import or_

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from courses.scope import request_courses
from practice.models import PracticalSkillPage, PracticeSession, SignOffRequest
from practice.services import (
    PracticeError,
    signoff_return,
    signoff_sign,
    signoff_withdraw,
)

Status = SignOffRequest.Status
PER_PAGE = 50
ANY = "any"


def scope_courses(request) -> list[dict]:
    return request_courses(request)


def _subtree_q(courses: list[dict], field: str) -> Q:
    if not courses:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__startswith": c["path"]}) for c in courses))


def visible_requests(request):
    """Requests for skills inside the courses this user may edit (superusers: all)."""
    return SignOffRequest.objects.filter(_subtree_q(scope_courses(request), "skill__path"))


def awaiting_count(request) -> int:
    """Requests waiting in the user's courses, counted once per request (the menu asks)."""
    if not hasattr(request, "_practice_awaiting"):
        request._practice_awaiting = (
            visible_requests(request).filter(status=Status.AWAITING).count()
            if scope_courses(request)
            else 0
        )
    return request._practice_awaiting


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(required=False)
    q = forms.CharField(label="Trainee", required=False, max_length=100)
    course = forms.TypedChoiceField(label="Course", required=False, coerce=int, empty_value=None)
    skill = forms.TypedChoiceField(label="Skill", required=False, coerce=int, empty_value=None)
    sessions = forms.ChoiceField(
        label="Sessions logged",
        required=False,
        choices=[("", "Any number"), ("enough", "Enough to sign"), ("short", "Too few to sign")],
    )
    submitted_from = forms.DateField(label="Submitted from", required=False)
    submitted_to = forms.DateField(label="Submitted to", required=False)

    def __init__(self, *args, courses, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [*Status.choices, (ANY, "Any status")]
        self.fields["course"].choices = [("", "All your courses")] + [
            (c["id"], c["title"]) for c in courses
        ]
        self.fields["skill"].choices = [("", "All skills")] + list(skills)

    def filtered(self, rows):
        """The rows the valid filters pick; an invalid filter is ignored (and shown as such)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        data = {name: value for name, value in data.items() if name not in self.errors}
        status = data.get("status") or Status.AWAITING
        if status != ANY:
            rows = rows.filter(status=status)
        if data.get("q"):
            words = data["q"].replace("\x00", "").split()
            for word in words[:5]:
                rows = rows.filter(
                    Q(enrollment__user__full_name__icontains=word)
                    | Q(enrollment__user__email__icontains=word)
                )
        if data.get("course"):
            rows = rows.filter(enrollment__course_id=data["course"])
        if data.get("skill"):
            rows = rows.filter(skill_id=data["skill"])
        if data.get("submitted_from"):
            rows = rows.filter(submitted_at__date__gte=data["submitted_from"])
        if data.get("submitted_to"):
            rows = rows.filter(submitted_at__date__lte=data["submitted_to"])
        if data.get("sessions") == "enough":
            rows = rows.filter(sessions_logged__gte=F("skill__min_repetitions"))
        elif data.get("sessions") == "short":
            rows = rows.filter(sessions_logged__lt=F("skill__min_repetitions"))
        order = "submitted_at" if status == Status.AWAITING else "-submitted_at"
        return rows.order_by(order, "pk"), status


def with_sessions_logged(rows):
    logged = (
        PracticeSession.objects.filter(enrollment=OuterRef("enrollment"), skill=OuterRef("skill"))
        .order_by()
        .values("enrollment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return rows.annotate(sessions_logged=Coalesce(Subquery(logged, output_field=IntegerField()), 0))


def queue_view(request):
    courses = scope_courses(request)
    skills = (
        PracticalSkillPage.objects.filter(_subtree_q(courses, "path"))
        .order_by("title")
        .values_list("id", "title")
        if courses
        else []
    )
    form = QueueFilterForm(request.GET or None, courses=courses, skills=skills)
    rows, status = form.filtered(with_sessions_logged(visible_requests(request)))
    rows = rows.select_related("enrollment__user", "enrollment__course", "skill", "decided_by")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "practice/admin/queue.html",
        {
            "form": form,
            "page": page,
            "rows": page.object_list,
            "status": status,
            "status_label": dict(form.fields["status"].choices)[status],
            "awaiting": awaiting_count(request),
            "query": query.urlencode(),
            "filtered": bool(query),
            "ignored": [str(form.fields[name].label or name) for name in form.errors],
        },
    )


class SignForm(forms.Form):
    criteria = forms.TypedMultipleChoiceField(
        label="Criteria you observed",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    password = forms.CharField(
        label="Your password", strip=False, max_length=4096, widget=forms.PasswordInput
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = [(c.id, c.text) for c in criteria]


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="What should the trainee work on?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Emailed to the trainee and kept with the request.",
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Reason for withdrawing",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Recorded in the audit history.",
    )


FORMS = {"sign": SignForm, "return": ReturnForm, "withdraw": WithdrawForm}


def _act(request, signoff, action, form) -> str:
    """Call the service for a valid form; return the success message (PracticeError otherwise)."""
    data = form.cleaned_data
    if action == "sign":
        signoff_sign(
            request_id=signoff.pk,
            signer=request.user,
            password=data["password"],
            observed_ids=data["criteria"],
        )
        return f"“{signoff.skill.title}” signed off for {trainee_name(signoff.enrollment.user)}."
    if action == "return":
        signoff_return(request_id=signoff.pk, by=request.user, comment=data["comment"])
        return "Returned to the trainee with your comment."
    signoff_withdraw(request_id=signoff.pk, by=request.user, reason=data["reason"])
    return "Sign-off withdrawn. The skill is open again for the trainee."


def trainee_name(user) -> str:
    return user.get_full_name() or user.email


def detail_view(request, request_id: int):
    signoff = get_object_or_404(
        visible_requests(request).select_related(
            "enrollment__user", "enrollment__course", "skill", "decided_by", "withdrawn_by"
        ),
        pk=request_id,
    )
    criteria = list(signoff.skill.criteria.all())
    bound = {}
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in FORMS:
            return HttpResponseBadRequest("Unknown action.")
        kwargs = {"criteria": criteria} if action == "sign" else {}
        form = FORMS[action](request.POST, **kwargs)
        if form.is_valid():
            try:
                message = _act(request, signoff, action, form)
            except PracticeError as error:
                messages.error(request, str(error))
            else:
                (messages.warning if action == "withdraw" else messages.success)(request, message)
                return redirect(reverse("practice_signoff", args=[signoff.pk]))
        else:
            messages.error(request, "Check the form below: it was not sent.")
        bound[action] = form
    return TemplateResponse(
        request,
        "practice/admin/detail.html",
        detail_context(request, signoff, criteria, bound),
        status=400 if bound else 200,
    )


def _record_sessions(record: dict) -> list[dict]:
    """The signed record's sessions for reading: dates as dates, settings by their label."""
    labels = dict(PracticeSession.Setting.choices)
    rows = []
    for item in record.get("sessions", []):
        try:
            day = datetime.date.fromisoformat(item.get("practised_on", ""))
        except (TypeError, ValueError):
            day = item.get("practised_on")
        setting = item.get("setting")
        rows.append({**item, "practised_on": day, "setting": labels.get(setting, setting)})
    return rows


def detail_context(request, signoff, criteria, bound) -> dict:
    sessions = list(
        PracticeSession.objects.filter(
            enrollment=signoff.enrollment, skill=signoff.skill
        ).select_related("supervisor")
    )
    history = list(
        SignOffRequest.objects.filter(enrollment=signoff.enrollment, skill=signoff.skill)
        .exclude(pk=signoff.pk)
        .select_related("decided_by", "withdrawn_by")
    )
    trainee = signoff.enrollment.user
    sign_form = bound.get("sign") or SignForm(criteria=criteria)
    ticked = set(sign_form.data.getlist("criteria")) if sign_form.is_bound else set()
    record = signoff.signed_content or {}
    return {
        "signoff": signoff,
        "skill": signoff.skill,
        "course": signoff.enrollment.course,
        "criteria": criteria,
        "sessions": sessions,
        "history": history,
        "trainee": trainee,
        "trainee_name": trainee_name(trainee),
        "sign_form": sign_form,
        "ticked": ticked,  # kept after a refusal; the password never is
        "return_form": bound.get("return") or ReturnForm(),
        "withdraw_form": bound.get("withdraw") or WithdrawForm(),
        "own_request": trainee.pk == request.user.pk,
        "enough_sessions": len(sessions) >= signoff.skill.min_repetitions,
        "record": record,
        "record_sessions": _record_sessions(record),
        "record_json": json.dumps(record, indent=2, ensure_ascii=False, sort_keys=True),
        "now": timezone.now(),
    }
