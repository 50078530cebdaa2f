"""Quiz results: the quizzes of an instructor's courses, one quiz's attempts, and the export."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode

from insight.exports import spreadsheet_response
from insight.gradebook_audit import export_log
from insight.gradebook_query import MAX_PAGE, small_int
from insight.gradebook_views import EXPORT_FORMATS, visible_courses
from insight.results import (
    OUTCOMES,
    RESPONSE_HEADER,
    quiz_attempts,
    quiz_responses,
    quizzes_for_instructor,
    response_rows,
)

PER_PAGE = 50


def _quiz_in_scope(request, quiz_id: int):
    visible_courses(request.user)
    quiz = quizzes_for_instructor(user=request.user).filter(pk=quiz_id).first()
    if quiz is None:
        raise Http404
    return quiz


def results_index_view(request):
    visible_courses(request.user)
    return TemplateResponse(
        request,
        "insight/results_index.html",
        {"quizzes": quizzes_for_instructor(user=request.user)},
    )


def results_quiz_view(request, quiz_id: int):
    quiz = _quiz_in_scope(request, quiz_id)
    outcome = request.GET.get("outcome", "")
    outcome = outcome if outcome in OUTCOMES else ""
    number = small_int(request.GET.get("p", ""), limit=MAX_PAGE) or 1
    page = Paginator(quiz_attempts(quiz=quiz, outcome=outcome), PER_PAGE).get_page(number)
    return TemplateResponse(
        request,
        "insight/results_quiz.html",
        {
            "quiz": quiz,
            "page": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "outcome": outcome,
            "outcomes": OUTCOMES,
            "export_urls": {
                fmt: reverse("insight_results_export", args=[quiz.pk, fmt])
                for fmt in EXPORT_FORMATS
            },
            "query": urlencode({"outcome": outcome}) if outcome else "",
        },
    )


def results_export_view(request, quiz_id: int, file_format: str):
    if file_format not in EXPORT_FORMATS:
        raise Http404
    quiz = _quiz_in_scope(request, quiz_id)
    export_log(user=request.user, instance=quiz, what="quiz responses", file_format=file_format)
    return spreadsheet_response(
        file_format=file_format,
        filename=f"results-{quiz.slug}",
        title="Responses",
        header=RESPONSE_HEADER,
        rows=response_rows(quiz_responses(quiz=quiz)),
    )
