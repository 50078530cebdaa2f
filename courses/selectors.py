"""Reads for course pages and the dashboard: a fixed number of queries whatever the size."""

from __future__ import annotations

from dataclasses import dataclass, field

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

__all__ = ["CourseOutline", "ModuleOutline", "course_outlines"]


def course_page_context(*, course: CoursePage, user) -> dict:
    view = course_view(user=user, course=course)
    lessons = view.outline.lessons
    return {
        "view": view,
        "outline": view.outline,
        "locked_modules": view.locks,
        "enrollment": view.enrollment,
        "progress": view.progress,
        "next_step": view.next_step,
        "total_minutes": sum(lesson.lesson_minutes or 0 for lesson in lessons),
    }


def lesson_page_context(*, lesson, user, request) -> dict:
    """The kept outline, then the trainee's enrollment with its completed lessons, quiz passes
    and (for a course with skills) sign-offs: at most three plain queries."""
    view = course_view(user=user, page=lesson)
    outline = view.outline
    lessons = outline.lessons
    index = next((i for i, row in enumerate(lessons) if row.id == lesson.id), None)
    rows = outline.rows  # previous / next in course order, quizzes included
    at = next((i for i, row in enumerate(rows) if row.id == lesson.id), None)
    step = view.steps.get(lesson.id)
    next_step = view.next_step
    is_staff_reader = user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    lock_reason = None if is_staff_reader or step is None else step.lock
    can_read = view.enrollment is not None or is_staff_reader
    return {
        "view": view,
        "course": outline.course,
        "outline": outline,
        "enrollment": view.enrollment,
        "progress": view.progress,
        "locked_modules": view.locks,
        "lock_reason": lock_reason,
        "is_complete": bool(step and step.done),
        "can_read": (can_read and not lock_reason) or getattr(request, "is_preview", False),
        "previous_lesson": rows[at - 1] if at else None,
        "next_lesson": rows[at + 1] if at is not None and at + 1 < len(rows) else None,
        "next_step": next_step if next_step is None or next_step.id != lesson.id else None,
        "lesson_number": index + 1 if index is not None else None,
        "lesson_total": len(lessons),
    }


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


def dashboard_rows(*, user) -> list[DashboardRow]:
    """The trainee's current enrollments with progress, in a constant number of queries."""
    latest = current_enrollments(user=user, with_course=True)
    enrollments = sorted(
        latest.values(), key=lambda e: (e.completed_at is not None, -e.enrolled_at.timestamp())
    )
    outlines = course_outlines(courses=[e.course for e in enrollments])
    views = course_views(user=user, outlines=outlines, enrollments=enrollments)
    panels = enrollment_panels(enrollments)
    return [
        DashboardRow(enrollment=e, view=views[e.course_id], panels=panels.get(e.id, []))
        for e in enrollments
    ]
