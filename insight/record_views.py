"""A trainee's record, one attempt's responses, and granting an override from the record."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from insight.exports import spreadsheet_response
from insight.gradebook_audit import export_log
from insight.gradebook_query import MAX_PAGE, small_int
from insight.gradebook_views import EXPORT_FORMATS, visible_courses
from insight.record import attempt_in_scope, attempts_in_scope, record_trainee, trainee_record
from insight.record_services import (
    MAX_EXTRA_ATTEMPTS,
    MAX_EXTRA_MINUTES,
    OverrideError,
    quiz_override_grant,
)
from insight.results import RESPONSE_HEADER, response_rows, safe_text
from quizzes.models import AttemptQuestion
from quizzes.review import correct_text, option_feedback, response_text

ATTEMPTS_PER_PAGE = 25
GRANT = "quizzes.add_quizoverride"


class OverrideForm(forms.Form):
    quiz = forms.TypedChoiceField(label="Quiz", coerce=int)
    extra_attempts = forms.IntegerField(
        label="Extra attempts to add", min_value=0, max_value=MAX_EXTRA_ATTEMPTS, initial=1
    )
    extra_minutes = forms.IntegerField(
        label="Extra minutes per attempt",
        min_value=0,
        max_value=MAX_EXTRA_MINUTES,
        initial=0,
        help_text="Only for timed quizzes; replaces a smaller earlier grant.",
    )
    reason = forms.CharField(
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Why the exception is granted; recorded in the override's history.",
    )

    def __init__(self, *args, quizzes, **kwargs):
        super().__init__(*args, **kwargs)
        self.quizzes = {quiz.id: quiz for quiz in quizzes}
        self.fields["quiz"].choices = [(quiz.id, quiz.title) for quiz in quizzes]


def _record_context(request, trainee, form=None):
    record = trainee_record(viewer=request.user, trainee=trainee)
    attempts = attempts_in_scope(viewer=request.user, trainee=trainee)
    number = small_int(request.GET.get("p", ""), limit=MAX_PAGE) or 1
    page = Paginator(attempts, ATTEMPTS_PER_PAGE).get_page(number)
    may_grant = request.user.has_perm(GRANT) and bool(record.quizzes)
    return {
        "record": record,
        "trainee": trainee,
        "page": page,
        "elided_page_range": page.paginator.get_elided_page_range(page.number),
        "may_grant": may_grant,
        "form": form or (OverrideForm(quizzes=record.quizzes) if may_grant else None),
        "export_urls": {
            fmt: reverse("insight_record_export", args=[trainee.pk, fmt]) for fmt in EXPORT_FORMATS
        },
    }


def record_view(request, user_id: int):
    visible_courses(request.user)
    trainee = record_trainee(viewer=request.user, user_id=user_id)
    return TemplateResponse(request, "insight/record.html", _record_context(request, trainee))


@require_POST
def override_view(request, user_id: int):
    visible_courses(request.user)
    if not request.user.has_perm(GRANT):
        raise PermissionDenied
    trainee = record_trainee(viewer=request.user, user_id=user_id)
    record = trainee_record(viewer=request.user, trainee=trainee)
    form = OverrideForm(request.POST, quizzes=record.quizzes)
    if form.is_valid():
        data = form.cleaned_data
        try:
            override = quiz_override_grant(
                quiz=form.quizzes[data["quiz"]],
                trainee=trainee,
                extra_attempts=data["extra_attempts"],
                extra_minutes=data["extra_minutes"],
                reason=data["reason"],
                granted_by=request.user,
            )
        except OverrideError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Granted. {trainee} now has {override.extra_attempts} extra attempt"
                f"{'s' if override.extra_attempts != 1 else ''} on “{override.quiz.title}”.",
            )
            return redirect("insight_record", trainee.pk)
    response = TemplateResponse(
        request, "insight/record.html", _record_context(request, trainee, form=form)
    )
    response.status_code = 400
    return response


def record_export_view(request, user_id: int, file_format: str):
    if file_format not in EXPORT_FORMATS:
        raise Http404
    visible_courses(request.user)
    trainee = record_trainee(viewer=request.user, user_id=user_id)
    attempts = attempts_in_scope(viewer=request.user, trainee=trainee)
    export_log(
        user=request.user, instance=trainee, what="trainee responses", file_format=file_format
    )
    return spreadsheet_response(
        file_format=file_format,
        filename=f"trainee-{trainee.pk}-responses",
        title="Responses",
        header=RESPONSE_HEADER,
        rows=response_rows(AttemptQuestion.objects.filter(attempt__in=attempts.values("pk"))),
    )


def shown_options(row) -> list[dict]:
    """A choice item's options in the order the trainee saw them: chosen, and credit each earns."""
    snapshot, response = row.snapshot, row.response or {}
    if snapshot.get("type") not in ("single_choice", "multiple_response"):
        return []
    chosen = {response["choice"]} if "choice" in response else set(response.get("choices", []))
    credits = snapshot.get("review", {}).get("options", {})
    return [
        {
            "text": option.get("text", ""),
            "chosen": option.get("id") in chosen,
            "credit": credits.get(option.get("id"), {}).get("credit", 0),
        }
        for option in snapshot.get("display", {}).get("options", [])
    ]


def attempt_view(request, attempt_id: int):
    """Every question as the attempt showed it, the trainee's response, the mark and the key."""
    visible_courses(request.user)
    attempt = attempt_in_scope(viewer=request.user, attempt_id=attempt_id)
    rows = list(attempt.questions.select_related("question").order_by("position"))
    for row in rows:  # described as the trainee's review describes them, from the snapshot
        row.answer_text = safe_text(response_text, row)
        row.correct_text = safe_text(correct_text, row)
        row.feedback = safe_text(option_feedback, row) if row.response else []
        row.options = shown_options(row)
    return TemplateResponse(
        request,
        "insight/record_attempt.html",
        {
            "attempt": attempt,
            "rows": rows,
            "quiz": attempt.quiz,
            "subtitle": f"{attempt.user} · attempt {attempt.number}",
        },
    )
