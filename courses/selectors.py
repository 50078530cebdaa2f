"""Reads for course pages and the dashboard: a fixed number of queries whatever the size."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from wagtail.models import Page

from courses.completion import Progress, progress_for_enrollments, rounded_percent
from courses.dashboard import enrollment_panels
from courses.gating import locked_modules
from courses.models import CoursePage, Enrollment, LessonCompletion


@dataclass
class ModuleOutline:
    page: Page
    items: list[Page] = field(default_factory=list)  # lessons and other pages (quizzes), in order

    @property
    def lessons(self) -> list[Page]:
        return [item for item in self.items if item.lesson_minutes is not None]


@dataclass
class CourseOutline:
    course: Page
    modules: list[ModuleOutline] = field(default_factory=list)
    items: list[Page] = field(default_factory=list)  # pages directly under the course, not modules

    @property
    def lessons(self) -> list[Page]:
        return [lesson for module in self.modules for lesson in module.lessons]


def _outline_rows(courses: list[tuple[str, int]], *, include_course: bool):
    """Live course tree rows (course?, modules, lessons) in tree order, lesson fields joined in.

    `courses` holds (path, depth) pairs. Rows are light Page instances: enough for titles and URLs.
    """
    first = 0 if include_course else 1
    tree = reduce(
        or_,
        (
            Q(path__startswith=path, depth__in=[depth + offset for offset in range(first, 3)])
            for path, depth in courses
        ),
    )
    return (
        Page.objects.live()
        .filter(tree)
        .annotate(
            lesson_summary=F("lessonpage__summary"),
            lesson_minutes=F("lessonpage__estimated_minutes"),
            lesson_required=F("lessonpage__is_required"),
            is_module=F("modulepage__page_ptr_id"),
            course_sample=F("coursepage__is_sample_content"),
            course_enrolment_open=F("coursepage__enrolment_open"),
        )
        .only("id", "title", "slug", "path", "depth", "url_path", "live", "content_type_id")
        .order_by("path")
    )


def _with_trainee_progress(rows, *, user, course_path: str):
    """Fold the trainee's current enrollment and completed lessons into the outline query.

    Each row gets `enrollment_id` (the latest cycle's, or None) and `done` (lesson completed in
    that enrollment), so the lesson page needs one query for outline, enrollment and progress.
    """
    if not user.is_authenticated:
        return rows.annotate(enrollment_id=Value(None, IntegerField()), done=Value(False))
    latest = (
        Enrollment.objects.filter(user=user, course__path=course_path)
        .order_by("-cycle")
        .values("pk")[:1]
    )
    done = LessonCompletion.objects.filter(lesson_id=OuterRef("pk"), enrollment_id=Subquery(latest))
    return rows.annotate(enrollment_id=Subquery(latest), done=Exists(done))


def _build_outlines(courses: list[tuple[str, int]], rows) -> dict[str, CourseOutline]:
    """Outlines keyed by course path. Lessons under an unpublished module are left out."""
    outlines = {path: CourseOutline(course=None) for path, _ in courses}
    depth_of = dict(courses)
    modules: dict[str, ModuleOutline] = {}
    for row in rows:
        course_path = next(p for p in outlines if row.path.startswith(p))
        relative_depth = row.depth - depth_of[course_path]
        if relative_depth == 0:
            outlines[course_path].course = row
        elif relative_depth == 1 and row.is_module:
            modules[row.path] = ModuleOutline(page=row)
            outlines[course_path].modules.append(modules[row.path])
        elif relative_depth == 1:
            outlines[course_path].items.append(row)
        elif row.path[: -Page.steplen] in modules:
            modules[row.path[: -Page.steplen]].items.append(row)
    return outlines


def course_outlines(*, courses) -> dict[int, CourseOutline]:
    """Outlines of the given CoursePages by course id, in one query."""
    courses = list(courses)
    if not courses:
        return {}
    spec = [(c.path, c.depth) for c in courses]
    by_path = _build_outlines(spec, _outline_rows(spec, include_course=False))
    for course in courses:
        by_path[course.path].course = course
    return {c.id: by_path[c.path] for c in courses}


def lessons_by_course(*, courses) -> dict[int, list[Page]]:
    return {cid: outline.lessons for cid, outline in course_outlines(courses=courses).items()}


def enrollment_active(*, user, course_id: int) -> Enrollment | None:
    """The trainee's current (latest cycle) enrollment on a course, if any."""
    if not user.is_authenticated:
        return None
    return Enrollment.objects.current(user=user, course=course_id)


def completed_lesson_ids(*, enrollment: Enrollment | None) -> set[int]:
    if enrollment is None:
        return set()
    return set(
        LessonCompletion.objects.filter(enrollment=enrollment).values_list("lesson_id", flat=True)
    )


def course_page_context(*, course: CoursePage, user) -> dict:
    outline = course_outlines(courses=[course])[course.id]
    enrollment = enrollment_active(user=user, course_id=course.id)
    done = completed_lesson_ids(enrollment=enrollment)
    progress = progress_for_enrollments([enrollment])[enrollment.id] if enrollment else None
    return {
        "outline": outline,
        "locked_modules": locked_modules(user=user, course=course),
        "enrollment": enrollment,
        "completed_ids": done,
        "progress": progress,
        "next_lesson": _first_incomplete(outline.lessons, done),
        "total_minutes": sum(lesson.lesson_minutes or 0 for lesson in outline.lessons),
    }


def lesson_page_context(*, lesson, user, request) -> dict:
    """One query for outline, enrollment and progress, one for module locks."""
    course_depth = lesson.depth - 2
    course_path = lesson.path[: course_depth * Page.steplen]
    spec = [(course_path, course_depth)]
    rows = _with_trainee_progress(
        _outline_rows(spec, include_course=True), user=user, course_path=course_path
    )
    outline = next(iter(_build_outlines(spec, rows).values()))
    enrollment_id = outline.course.enrollment_id
    lessons = outline.lessons
    done = {row.id for row in lessons if row.done}
    index = next((i for i, row in enumerate(lessons) if row.id == lesson.id), None)
    required = [row.id for row in lessons if row.lesson_required]
    locks = locked_modules(user=user, course=outline.course)
    module_id = next(
        (m.page.id for m in outline.modules if lesson.path.startswith(m.page.path)), None
    )
    is_staff_reader = user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    lock_reason = None if is_staff_reader else locks.get(module_id)
    can_read = enrollment_id is not None or is_staff_reader
    return {
        "course": outline.course,
        "outline": outline,
        "enrollment": enrollment_id,
        "locked_modules": locks,
        "lock_reason": lock_reason,
        "completed_ids": done,
        "is_complete": lesson.id in done,
        "can_read": (can_read and not lock_reason) or getattr(request, "is_preview", False),
        "previous_lesson": lessons[index - 1] if index else None,
        "next_lesson": lessons[index + 1]
        if index is not None and index + 1 < len(lessons)
        else None,
        "lesson_number": index + 1 if index is not None else None,
        "lesson_total": len(lessons),
        "progress_percent": rounded_percent(len(done.intersection(required)), len(required)),
    }


def _first_incomplete(lessons, done: set[int]):
    return next((row for row in lessons if row.id not in done), None)


@dataclass
class DashboardRow:
    enrollment: Enrollment
    progress: Progress
    panels: list = field(default_factory=list)  # from other apps, e.g. the certificate

    @property
    def next_page(self):
        """Where "continue" leads: the first requirement not yet met, in course order."""
        pending = [r.page for r in self.progress.outstanding if r.page is not None]
        return min(pending, key=lambda page: page.path) if pending else None


def dashboard_rows(*, user) -> list[DashboardRow]:
    """The trainee's current enrollments with progress, in a constant number of queries."""
    latest: dict[int, Enrollment] = {}
    for enrollment in Enrollment.objects.filter(user=user).select_related("course"):
        current = latest.get(enrollment.course_id)
        if current is None or enrollment.cycle > current.cycle:
            latest[enrollment.course_id] = enrollment
    enrollments = sorted(
        latest.values(), key=lambda e: (e.completed_at is not None, -e.enrolled_at.timestamp())
    )
    progress = progress_for_enrollments(enrollments)
    panels = enrollment_panels(enrollments)
    return [
        DashboardRow(enrollment=e, progress=progress[e.id], panels=panels.get(e.id, []))
        for e in enrollments
    ]
