"""The course outline as a trainee sees it: steps, what is done, what is locked, what comes next.

Every page that shows a course (course page, lesson sidebar, dashboard, quiz result) builds it here,
so "progress" and "next step" have one definition. It costs a fixed number of plain indexed
queries: the outline (page tree rows, with the fields providers ask for joined in), the trainee's
enrollments with their completed lessons, and one query per provider that needs its own (quiz
passes). No correlated subqueries: on a never-analysed PostgreSQL database the planner misjudged
those badly enough to JIT-compile the outline on every request (issue 9, item 25).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from wagtail.models import Page

from courses.completion import (
    Progress,
    Requirement,
    progress_of,
    requirement_providers,
    todo_phrase,
)
from courses.gating import ModuleLock
from courses.models import Enrollment, ModulePage
from courses.outline_cache import kept_outlines
from courses.prerequisites import prerequisite_lock, unmet_prerequisites


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

    @property
    def rows(self) -> list[Page]:
        """Every step (lessons, quizzes, pages under the course), in course order."""
        rows = [item for module in self.modules for item in module.items] + self.items
        return sorted(rows, key=lambda row: row.path)


def _outline_rows(courses: list[tuple[str, int]]):
    """Live course tree rows (course, modules, lessons, quizzes) in tree order.

    `courses` holds (path, depth) pairs. Rows are light Page instances with the lesson, module,
    course and provider fields joined in (one-to-one joins on the primary key): enough for titles
    and URLs.
    """
    tree = reduce(
        or_,
        (
            Q(path__startswith=path, depth__in=[depth, depth + 1, depth + 2])
            for path, depth in courses
        ),
    )
    fields = {"course_sample": F("coursepage__is_sample_content")}
    for provider in requirement_providers():
        fields.update(provider.outline_fields)
    module_type = ContentType.objects.get_for_model(ModulePage).id  # cached per process
    return (
        Page.objects.live()
        .filter(tree)
        .annotate(
            lesson_summary=F("lessonpage__summary"),
            lesson_minutes=F("lessonpage__estimated_minutes"),
            lesson_required=F("lessonpage__is_required"),
            is_module=Q(content_type_id=module_type),
            **fields,
        )
        .only("id", "title", "slug", "path", "depth", "url_path", "live", "content_type_id")
        .order_by("path")
    )


def _build_outlines(courses: list[tuple[str, int]], rows) -> dict[str, CourseOutline]:
    """Outlines keyed by course path. Pages under an unpublished module are left out."""
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


def _built_outlines(courses: list[tuple[str, int]]) -> dict[str, CourseOutline]:
    return _build_outlines(courses, _outline_rows(courses))


def course_outlines(*, courses) -> dict[int, CourseOutline]:
    """Outlines of the given CoursePages by course id: kept ones, the rest in one query."""
    courses = list(courses)
    if not courses:
        return {}
    by_path = kept_outlines([(c.path, c.depth) for c in courses], _built_outlines)
    return {c.id: replace(by_path[c.path], course=c) for c in courses}


def outline_around(page) -> CourseOutline:
    """The outline of the course a lesson belongs to, the course row included (kept, or one
    query)."""
    course_depth = page.depth - 2
    spec = [(page.path[: course_depth * Page.steplen], course_depth)]
    return kept_outlines(spec, _built_outlines)[spec[0][0]]


def current_enrollments(*, user, course_ids=None, with_course=False) -> dict[int, Enrollment]:
    """The trainee's latest cycle per course, each with `completed_lesson_ids`, in one query."""
    if not user.is_authenticated:
        return {}
    rows = Enrollment.objects.filter(user=user).annotate(done_lesson=F("completions__lesson_id"))
    if course_ids is not None:
        rows = rows.filter(course_id__in=list(course_ids))
    if with_course:
        rows = rows.select_related("course")
    latest: dict[int, Enrollment] = {}
    done: dict[int, set[int]] = defaultdict(set)
    for row in rows.order_by():
        current = latest.get(row.course_id)
        if current is None or row.cycle > current.cycle:
            latest[row.course_id] = row
        if row.done_lesson is not None:
            done[row.id].add(row.done_lesson)
    for enrollment in latest.values():
        enrollment.completed_lesson_ids = done[enrollment.id]
    return latest


@dataclass(frozen=True)
class Step:
    """One outline row as the trainee sees it."""

    key: str | None  # "lesson:7", "quiz:9"; None for pages no provider claims
    kind: str | None
    required: bool
    done: bool
    lock: ModuleLock | None  # its module's lock, else its own unmet prerequisites
    new: bool  # required, added since the trainee completed the course
    note: str = ""  # where a step under way stands, e.g. "Awaiting sign-off"


@dataclass
class CourseView:
    outline: CourseOutline
    enrollment: Enrollment | None
    progress: Progress | None
    locks: dict[int, ModuleLock]
    steps: dict[int, Step]  # by page id

    @property
    def course(self):
        return self.outline.course

    @property
    def next_step(self) -> Page | None:
        """The first requirement not yet met, in course order; if it is locked, what unlocks it
        (followed along a chain of prerequisites; a step locked for good is passed over).

        For a completed enrollment, the first requirement added since it was completed.
        """
        if self.progress is None:
            return None
        for requirement in self.progress.outstanding:
            page = requirement.page
            seen = set()
            while page is not None and page.id not in seen:
                seen.add(page.id)
                step = self.steps.get(page.id)
                if step is None or step.lock is None:
                    return page
                page = step.lock.page
        return None


@dataclass
class CourseStates:
    progress: dict[int, Progress]  # by enrollment id
    done: dict[int, set[str]]  # by enrollment id
    locks: dict[int, dict[int, ModuleLock]]  # by course id
    requirements: dict[int, list]  # by course id
    needs: dict[int, list[str]] = field(default_factory=dict)  # by step page id, for `user`
    notes: dict[int, str] = field(default_factory=dict)  # by step page id, for `user`


def course_states(*, courses, enrollments, user, outlines=None, only_kinds=None) -> CourseStates:
    """Requirements, done keys and progress per enrollment; locks per course for `user`.
    `only_kinds` asks only those providers (progress then counts only their kinds)."""
    if outlines is None:
        outlines = course_outlines(courses=courses)
    required: dict[int, list] = defaultdict(list)
    done: dict[int, set[str]] = defaultdict(set)
    locks: dict[int, dict[int, ModuleLock]] = defaultdict(dict)
    needs: dict[int, list[str]] = defaultdict(list)
    notes: dict[int, str] = {}
    providers = [p for p in requirement_providers() if only_kinds is None or p.kind in only_kinds]
    for provider in providers:
        for course_id, items in provider.requirements(outlines=outlines).items():
            required[course_id].extend(items)
        state = provider.trainee_state(user=user, enrollments=enrollments, outlines=outlines)
        for enrollment_id, keys in state.done.items():
            done[enrollment_id] |= keys
        for course_id, course_locks in state.locks.items():
            for module_id, lock in course_locks.items():
                locks[course_id].setdefault(module_id, lock)
        for page_id, keys in state.needs.items():
            needs[page_id].extend(keys)
        notes.update(state.notes)
    for items in required.values():
        items.sort(key=lambda r: r.page.path if r.page is not None else "\uffff")
    progress = {e.id: progress_of(e, required[e.course_id], done[e.id]) for e in enrollments}
    return CourseStates(
        progress=progress, done=done, locks=locks, requirements=required, needs=needs, notes=notes
    )


def _view(outline, enrollment, states: CourseStates) -> CourseView:
    course_id = outline.course.id
    locks = states.locks.get(course_id, {})
    done = states.done.get(enrollment.id, set()) if enrollment else set()
    progress = states.progress.get(enrollment.id) if enrollment else None
    required = {r.key for r in states.requirements.get(course_id, [])}
    new = {r.key for r in progress.new_since_completion} if progress else set()
    module_of = {item.id: m.page.id for m in outline.modules for item in m.items}
    providers = requirement_providers()
    keys = {
        row.id: next((k for p in providers if (k := p.step_key(row))), None) for row in outline.rows
    }
    live_steps = {  # what a prerequisite may name: this course's live steps
        key: Requirement(key=key, kind=key.split(":", 1)[0], label=row.title, page=row)
        for row in outline.rows
        if (key := keys[row.id])
    }
    steps = {}
    for row in outline.rows:
        key = keys[row.id]
        lock = locks.get(module_of.get(row.id))
        if lock is None and states.needs.get(row.id):
            needed = sorted(
                states.needs[row.id], key=lambda k: getattr(live_steps.get(k), "page", row).path
            )
            unmet = unmet_prerequisites(needed, done=done, steps=live_steps)
            lock = prerequisite_lock(unmet, todo=todo_phrase)
        steps[row.id] = Step(
            key=key,
            kind=key.split(":", 1)[0] if key else None,
            required=key in required,
            done=key in done,
            lock=lock,
            new=key in new,
            note=states.notes.get(row.id, "") if enrollment else "",
        )
    return CourseView(outline, enrollment, progress, locks, steps)


def course_views(
    *, user, outlines: dict[int, CourseOutline], enrollments, only_kinds=None
) -> dict[int, CourseView]:
    """Views of several courses (by course id) for one trainee: one query per provider at most."""
    by_course = {e.course_id: e for e in enrollments}
    states = course_states(
        courses=None,
        enrollments=list(enrollments),
        user=user,
        outlines=outlines,
        only_kinds=only_kinds,
    )
    return {cid: _view(outline, by_course.get(cid), states) for cid, outline in outlines.items()}


def course_view(*, user, course=None, page=None, only_kinds=None) -> CourseView:
    """The view of one course, given the CoursePage or a lesson in it: the outline is kept
    (courses/outline_cache.py); the trainee's state costs at most three queries. A decision
    that needs one kind's state only (a quiz's lock) names it in `only_kinds`; the view's
    progress and the other kinds' steps are then incomplete, so never show that view."""
    if course is not None:
        outline = course_outlines(courses=[course])[course.id]
    else:
        outline = outline_around(page)
    enrollment = current_enrollments(user=user, course_ids=[outline.course.id]).get(
        outline.course.id
    )
    enrollments = [enrollment] if enrollment else []
    views = course_views(
        user=user,
        outlines={outline.course.id: outline},
        enrollments=enrollments,
        only_kinds=only_kinds,
    )
    return views[outline.course.id]
