"""Reads for course pages and the dashboard: a fixed number of queries whatever the size."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from wagtail.models import Site

from courses.completion import Progress
from courses.dashboard import enrollment_panels
from courses.models import CoursePage, Enrollment
from courses.outline import (
    CourseOutline,
    CourseView,
    ModuleOutline,
    course_outlines,
    course_view,
    course_views,
    current_enrollments,
)
from courses.trainee_cache import kept_for_trainee

__all__ = ["CourseOutline", "ModuleOutline", "course_outlines"]


def course_page_context(*, course: CoursePage, user, request=None) -> dict:
    """The trainee's view of the course, with its outline and progress box rendered, kept until
    the course or the trainee's state changes (courses/trainee_cache.py)."""

    def build():
        view = course_view(user=user, course=course)
        context = {
            "view": view,
            "outline": view.outline,
            "locked_modules": view.locks,
            "enrollment": view.enrollment,
            "progress": view.progress,
            "next_step": view.next_step,
            "total_minutes": sum(lesson.lesson_minutes or 0 for lesson in view.outline.lessons),
        }
        parts = {**context, "page": course}
        context["kept"] = {
            "outline": render_to_string(
                "courses/includes/course_outline.html", parts, request=request
            ),
            "progress": render_to_string(
                "courses/includes/course_progress.html", parts, request=request
            )
            if view.enrollment
            else "",
        }
        return context

    return _kept_for_page(user=user, request=request, key=("course", course.id), build=build)


def lesson_page_context(*, lesson, user, request) -> dict:
    """What a lesson page shows of the trainee and the course, kept until either changes
    (courses/trainee_cache.py): no query and one shared-cache read while it holds; otherwise the
    kept outline and three plain queries."""
    context = _kept_lesson_parts(lesson=lesson, user=user, request=request)
    view = context["view"]
    step = view.steps.get(lesson.id)
    is_staff_reader = user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    lock_reason = None if is_staff_reader or step is None else step.lock
    can_read = view.enrollment is not None or is_staff_reader
    return {
        **context,
        "lock_reason": lock_reason,
        "is_complete": bool(step and step.done),
        "can_read": (can_read and not lock_reason) or getattr(request, "is_preview", False),
    }


def _lesson_parts(*, lesson, user, request) -> dict:
    """The trainee's view of the course, where this lesson sits in it, the links the page shows
    (made for this request's site) and the outline sidebar, rendered."""
    view = course_view(user=user, page=lesson)
    outline = view.outline
    lessons = outline.lessons
    index = next((i for i, row in enumerate(lessons) if row.id == lesson.id), None)
    rows = outline.rows  # previous / next in course order, quizzes included
    at = next((i for i, row in enumerate(rows) if row.id == lesson.id), None)
    next_step = view.next_step
    parts = {
        "view": view,
        "course": outline.course,
        "outline": outline,
        "enrollment": view.enrollment,
        "progress": view.progress,
        "locked_modules": view.locks,
        "previous_lesson": rows[at - 1] if at else None,
        "next_lesson": rows[at + 1] if at is not None and at + 1 < len(rows) else None,
        "next_step": next_step if next_step is None or next_step.id != lesson.id else None,
        "lesson_number": index + 1 if index is not None else None,
        "lesson_total": len(lessons),
    }
    links = ("course", "previous_lesson", "next_lesson", "next_step")
    parts["urls"] = {name: parts[name].get_url(request) for name in links if parts[name]}
    template = "courses/includes/lesson_sidebar.html"
    parts["sidebar"] = render_to_string(template, {**parts, "page": lesson}, request=request)
    return parts


def _kept_lesson_parts(*, lesson, user, request) -> dict:
    def build():
        return _lesson_parts(lesson=lesson, user=user, request=request)

    return _kept_for_page(user=user, request=request, key=("lesson", lesson.id), build=build)


def _kept_for_page(*, user, request, key: tuple, build):
    """What `build` renders of a page for this trainee, kept (courses/trainee_cache.py) per
    site, as its links are relative to the site; built afresh for visitors and previews."""
    if not user.is_authenticated or getattr(request, "is_preview", False):
        return build()
    site = Site.find_for_request(request) if request is not None else None
    return kept_for_trainee(user.pk, (*key, site.pk if site else None), build)


@dataclass
class DashboardRow:
    enrollment: Enrollment
    view: CourseView
    panels: list = field(default_factory=list)  # from other apps, e.g. the certificate

    @property
    def progress(self) -> Progress:
        return self.view.progress

    @property
    def next_page(self):
        """Where "continue" leads: the same next step as on the course page."""
        return self.view.next_step


def _dashboard_views(*, user) -> tuple[list[Enrollment], dict[int, CourseView]]:
    latest = current_enrollments(user=user, with_course=True)
    enrollments = sorted(
        latest.values(), key=lambda e: (e.completed_at is not None, -e.enrolled_at.timestamp())
    )
    outlines = course_outlines(courses=[e.course for e in enrollments])
    return enrollments, course_views(user=user, outlines=outlines, enrollments=enrollments)


def dashboard_rows(*, user) -> list[DashboardRow]:
    """The trainee's current enrollments with progress, kept like a course view while their
    state holds (courses/trainee_cache.py); the panels of other apps are asked every time."""
    enrollments, views = kept_for_trainee(
        user.pk, ("dashboard",), lambda: _dashboard_views(user=user)
    )
    panels = enrollment_panels(enrollments)
    return [
        DashboardRow(enrollment=e, view=views[e.course_id], panels=panels.get(e.id, []))
        for e in enrollments
    ]
