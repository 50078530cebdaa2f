"""Thin views: find the trainee's own attempt, call a service, render or redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from courses.params import bad_request, parse_positive_int
from courses.public import may_view, viewable_page_or_404
from quizzes.models import Attempt, QuizPage
from quizzes.responses import InvalidResponse, read_json_body, responses_from_form
from quizzes.selectors import attempt_review, missed_must_pass, result_next_steps
from quizzes.services import (
    AttemptClosed,
    QuizError,
    attempt_expire_if_due,
    attempt_save_responses,
    attempt_start,
    attempt_submit,
    attempt_submit_own,
)

MAX_AUTOSAVE_BYTES = 64 * 1024


def _own_attempt(request, attempt_id: int) -> Attempt:
    """Another trainee's attempt is a 404, never a 403: ids reveal nothing. So is one whose quiz
    the trainee may no longer view (an editor made it private to another group mid-attempt)."""
    attempt = get_object_or_404(
        Attempt.objects.select_related("quiz"), pk=attempt_id, user=request.user
    )
    if not may_view(attempt.quiz, request):
        raise Http404("No such attempt.")
    return attempt


@require_POST
@login_required
def start(request, quiz_id: int):
    quiz = viewable_page_or_404(QuizPage.objects, pk=quiz_id, request=request)
    try:
        attempt, created = attempt_start(quiz=quiz, user=request.user)
    except QuizError as error:
        messages.error(request, str(error))
        return redirect(quiz.get_url(request))
    if not created:
        messages.info(request, "You have an attempt in progress; carry on where you left off.")
    return redirect("quizzes:attempt", attempt_id=attempt.id)


@require_GET
@login_required
def attempt_page(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt_expire_if_due(attempt=attempt):
        messages.warning(
            request, "Time ran out: your attempt was submitted with your saved answers."
        )
    if not attempt.is_open:
        return redirect("quizzes:result", attempt_id=attempt.id)
    rows = list(attempt.questions.all())
    per_page = attempt.quiz.questions_per_page or len(rows) or 1
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    return render(
        request,
        "quizzes/attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "page_obj": page,
            "questions": with_vignettes_once([question_view(row) for row in page.object_list]),
            "total_questions": len(rows),
            "answered": sum(1 for row in rows if row.response),
            "answered_pages": {
                index // per_page + 1
                for index, row in enumerate(rows)
                if row.response and per_page == 1
            },
        },
    )


def with_vignettes_once(questions: list[dict]) -> list[dict]:
    """Print a case vignette with the first of its questions on the page, not every one."""
    seen = set()
    for question in questions:
        scenario = question["display"].get("scenario")
        question["show_vignette"] = bool(scenario) and scenario["id"] not in seen
        if scenario:
            seen.add(scenario["id"])
    return questions


def question_view(row) -> dict:
    """Only what a trainee may see before submission: the display half of the snapshot."""
    snapshot = row.snapshot
    return {
        "position": row.position,
        "type": snapshot["type"],
        "points": snapshot["points"],
        "critical": snapshot.get("critical", False),
        "display": snapshot["display"],
        "response": row.response or {},
    }


@require_POST
@login_required
def save(request, attempt_id: int):
    """The no-JavaScript path: save the page's answers, then move, or submit."""
    attempt = _own_attempt(request, attempt_id)
    pages = {}
    for field in ("page", "goto"):  # read every input before saving anything
        value = request.POST.get(field) or None
        pages[field] = parse_positive_int(value, maximum=32767) if value else None
        if value and pages[field] is None:
            return bad_request(request, "That page number is not valid.")
    positions = list(attempt.questions.values_list("position", flat=True))
    try:
        responses, form_errors = responses_from_form(request.POST, positions)
        result = attempt_save_responses(attempt=attempt, responses=responses)
    except AttemptClosed as error:
        messages.error(request, str(error))
        return redirect("quizzes:result", attempt_id=attempt.id)
    except InvalidResponse as error:
        messages.error(request, f"{error} Nothing on this page was saved.")
        return redirect(_page_url(attempt, pages["page"]))
    errors = {**form_errors, **result.errors}
    if errors:
        # Stay on the page; everything else was saved and each problem sits by its question.
        for position, message in sorted(errors.items()):
            messages.error(request, f"Question {position}: {message} (not saved)")
        return redirect(_page_url(attempt, pages["page"]))
    if request.POST.get("action") == "submit":
        attempt_submit(attempt=attempt)
        return redirect("quizzes:result", attempt_id=attempt.id)
    if request.POST.get("action") == "save":
        messages.success(request, "Your answers are saved.")
    return redirect(_page_url(attempt, pages["goto"] or pages["page"]))


def _page_url(attempt: Attempt, page: int | None) -> str:
    from django.urls import reverse

    url = reverse("quizzes:attempt", kwargs={"attempt_id": attempt.id})
    return f"{url}?page={page}" if page else url


@require_POST
@login_required
def autosave(request, attempt_id: int):
    """JSON autosave: {"responses": {"<position>": {...}}}. Errors come back as JSON too."""
    attempt = _own_attempt(request, attempt_id)
    if len(request.body) > MAX_AUTOSAVE_BYTES:
        return JsonResponse({"error": "That answer is too large to save."}, status=413)
    try:
        payload = read_json_body(request.body)
    except InvalidResponse as error:
        return JsonResponse({"error": str(error)}, status=400)
    responses = payload.get("responses") if isinstance(payload, dict) else None
    if not isinstance(responses, dict):
        return JsonResponse(
            {"error": "The answers could not be read; please try again."}, status=400
        )
    try:
        result = attempt_save_responses(attempt=attempt, responses=responses)
    except QuizError as error:
        return JsonResponse({"error": str(error), "closed": True}, status=error.status)
    except InvalidResponse as error:
        return JsonResponse({"error": str(error)}, status=400)
    # Which positions now hold an answer, so the page can keep its "N of M answered" count.
    body = {
        "saved": result.saved,
        "answered": list(result.answered),
        "unanswered": list(result.unanswered),
    }
    if result.errors:
        errors = {str(position): message for position, message in result.errors.items()}
        body.update(errors=errors, error="Some answers were not saved.")
        return JsonResponse(body, status=400)
    return JsonResponse(body)


@require_POST
@login_required
def submit(request, attempt_id: int):
    try:
        attempt_submit_own(attempt_id=attempt_id, user=request.user)
    except Attempt.DoesNotExist:  # another trainee's attempt is a 404, as everywhere
        raise Http404("No such attempt.") from None
    return redirect("quizzes:result", attempt_id=attempt_id)


@require_GET
@login_required
def result(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    attempt_expire_if_due(attempt=attempt)
    if attempt.is_open:
        return redirect("quizzes:attempt", attempt_id=attempt.id)
    visibility, review_note = attempt_review(attempt)
    shown = visibility in ("responses", "answers")
    listed = attempt.failed_critical and visibility != "none"  # the must-pass items missed
    every_row = list(attempt.questions.all()) if shown or listed else []
    missed = missed_must_pass(attempt, rows=every_row) if listed else []
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "visibility": visibility,
            "review_note": review_note,
            "rows": every_row if shown else [],
            "missed_must_pass": missed,
            **result_next_steps(attempt=attempt, user=request.user),
        },
    )
