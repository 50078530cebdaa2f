"""Gradebook pages: parse the query, ask the selectors, render. Scope decides every course shown."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from courses.models import Enrollment
from insight.exports import spreadsheet_response
from insight.gradebook import course_structure, gradebook_enrollments, gradebook_rows
from insight.gradebook_audit import export_log
from insight.gradebook_chart import funnel_stages, funnel_svg
from insight.gradebook_export import gradebook_export_rows, gradebook_header
from insight.gradebook_query import SORTS, STATUSES, gradebook_query
from insight.scope import courses_for_instructor

PER_PAGE = 50
EXPORT_FORMATS = ("csv", "xlsx")


def visible_courses(user) -> list:
    """The courses this user may look into, or 403: trainees never get this far (the admin
    refuses them), instructors without a course see a clear refusal rather than an empty page."""
    courses = list(courses_for_instructor(user=user).order_by("path"))
    if not courses:
        raise PermissionDenied("You are not an instructor of any course.")
    return courses


def _gradebook(request):
    courses = visible_courses(request.user)
    query = gradebook_query(request.GET, course_ids=[course.id for course in courses])
    course = next(c for c in courses if c.id == query.course_id)
    structure = course_structure(course=course)
    enrollments = gradebook_enrollments(structure=structure, query=query)
    return courses, query, structure, enrollments


def _toggled(key: str, current: str) -> str:
    first = "-" + key if key != "name" else key  # dates newest first, names A–Z
    return ("-" + first).replace("--", "") if current == first else first


def gradebook_view(request):
    courses, query, structure, enrollments = _gradebook(request)
    page = Paginator(enrollments, PER_PAGE).get_page(query.page)
    rows = gradebook_rows(structure=structure, enrollments=page.object_list)
    stages = funnel_stages(structure=structure, enrollments=enrollments)
    last_cycle = (
        Enrollment.objects.filter(course=structure.course).aggregate(n=Max("cycle"))["n"] or 1
    )
    base = reverse("insight_gradebook")
    filters = urlencode(query.params())
    return TemplateResponse(
        request,
        "insight/gradebook.html",
        {
            "courses": courses,
            "query": query,
            "structure": structure,
            "page": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "rows": rows,
            "now": timezone.now(),
            "statuses": STATUSES,
            "sorts": SORTS,
            "cycles": range(1, last_cycle + 1),
            "stages": stages,
            "funnel_svg": funnel_svg(stages),
            "sort_links": {  # a column's link sorts by it, or reverses it when it is the sort
                key: f"{base}?{urlencode(query.params(sort=_toggled(key, query.sort)))}"
                for key in ("name", "enrolled", "activity")
            },
            "export_urls": {
                fmt: f"{reverse('insight_gradebook_export', args=[fmt])}?{filters}"
                for fmt in EXPORT_FORMATS
            },
        },
    )


def gradebook_export_view(request, file_format: str):
    if file_format not in EXPORT_FORMATS:
        raise Http404
    courses, query, structure, enrollments = _gradebook(request)
    export_log(
        user=request.user,
        instance=structure.course,
        what="gradebook",
        file_format=file_format,
        filters=query.params(),
    )
    return spreadsheet_response(
        file_format=file_format,
        filename=f"gradebook-{structure.course.slug}",
        title="Gradebook",
        header=gradebook_header(structure),
        rows=gradebook_export_rows(structure=structure, enrollments=enrollments),
    )
