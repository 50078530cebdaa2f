"""Gradebook reads: one row per enrolled trainee, a page of them in a fixed number of queries.

Progress is the trainee's own (courses.outline.course_states, the providers' definition); the
gradebook only adds what an instructor needs on top: status filters computed in SQL (so a
filtered page of 10,000 trainees is still one LIMIT query), quiz columns from one aggregation,
and a per-module funnel from one aggregate query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Exists, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from courses.models import CoursePage, Enrollment, LessonCompletion
from courses.outline import course_outlines, course_states
from insight.gradebook_query import GradebookQuery
from quizzes.models import Attempt, QuizPage

EXPIRING_WITHIN = timedelta(days=60)  # "expiring": a valid certificate ending within this
CERTIFICATE_LABELS = {
    "valid": "Valid",
    "expiring": "Expires within 60 days",
    "expired": "Expired",
    "revoked": "Revoked",
}


@dataclass
class ModuleColumn:
    page: object
    keys: list[str]  # the module's requirement keys (lessons, quizzes, skills)


@dataclass
class CourseStructure:
    """What the columns are: modules with their requirements, required quizzes, gates."""

    course: CoursePage
    outline: object
    modules: list[ModuleColumn]
    quizzes: list[QuizPage]  # required quizzes, in course order
    quiz_ids: list[int]  # every quiz of the course (activity counts any of them)
    gate_ids: list[int]  # quizzes that unlock a module

    @property
    def module_count(self) -> int:
        return len(self.modules)


def course_structure(*, course: CoursePage) -> CourseStructure:
    """Two queries: the outline and the required quizzes' rules."""
    outlines = course_outlines(courses=[course])
    outline = outlines[course.id]
    states = course_states(courses=None, enrollments=[], user=None, outlines=outlines)
    required = states.requirements.get(course.id, [])
    modules = []
    for module in outline.modules:
        ids = {item.id for item in module.items}
        keys = [r.key for r in required if r.page is not None and r.page.id in ids]
        if keys:
            modules.append(ModuleColumn(page=module.page, keys=keys))
    quiz_rows = [row for row in outline.rows if getattr(row, "is_quiz", None)]
    required_quiz_ids = [r.page.id for r in required if r.kind == "quiz"]
    by_id = QuizPage.objects.only("id", "title", "attempts_allowed", "pass_mark").in_bulk(
        required_quiz_ids
    )
    return CourseStructure(
        course=course,
        outline=outline,
        modules=modules,
        quizzes=[by_id[pk] for pk in required_quiz_ids if pk in by_id],
        quiz_ids=[row.id for row in quiz_rows],
        gate_ids=[row.id for row in quiz_rows if row.quiz_unlocks_module],
    )


def _attempts_of_trainee(structure: CourseStructure, quiz_ids=None):
    return Attempt.objects.filter(
        user=OuterRef("user_id"),
        quiz_id__in=structure.quiz_ids if quiz_ids is None else quiz_ids,
        started_at__gte=OuterRef("enrolled_at"),
    ).order_by()


def _annotated(structure: CourseStructure):
    """Enrollments of the course with started / stuck / last activity, computed in SQL."""
    lessons = LessonCompletion.objects.filter(enrollment=OuterRef("pk")).order_by()
    attempts = _attempts_of_trainee(structure)
    failed_gate = Attempt.objects.filter(
        user=OuterRef("user_id"),
        quiz_id__in=structure.gate_ids,
        status=Attempt.Status.SUBMITTED,
        passed=False,
    ).exclude(
        Exists(Attempt.objects.filter(user=OuterRef("user_id"), quiz=OuterRef("quiz"), passed=True))
    )
    return Enrollment.objects.filter(course=structure.course).annotate(
        has_lesson=Exists(lessons),
        has_attempt=Exists(attempts),
        failed_gate=Exists(failed_gate.order_by()),
        last_activity=Greatest(
            Coalesce(
                Subquery(lessons.order_by("-completed_at").values("completed_at")[:1]),
                F("enrolled_at"),
            ),
            Coalesce(
                Subquery(attempts.order_by("-started_at").values("started_at")[:1]),
                F("enrolled_at"),
            ),
            Coalesce(F("completed_at"), F("enrolled_at")),
        ),
    )


STATUS_FILTERS = {
    "completed": lambda now: Q(completed_at__isnull=False),
    "not_started": lambda now: Q(completed_at__isnull=True, has_lesson=False, has_attempt=False),
    "stuck": lambda now: Q(completed_at__isnull=True, failed_gate=True),
    "in_progress": lambda now: (
        Q(completed_at__isnull=True, failed_gate=False) & (Q(has_lesson=True) | Q(has_attempt=True))
    ),
    "certificate": lambda now: (
        Q(certificate__status="revoked")
        | Q(certificate__status="valid", certificate__expires_at__lte=now + EXPIRING_WITHIN)
    ),
}
ORDERINGS = {
    "name": ["user__full_name", "user__email", "pk"],
    "-name": ["-user__full_name", "-user__email", "-pk"],
    "enrolled": ["enrolled_at", "pk"],
    "-enrolled": ["-enrolled_at", "-pk"],
    "activity": ["last_activity", "pk"],
    "-activity": ["-last_activity", "-pk"],
}


def gradebook_enrollments(*, structure: CourseStructure, query: GradebookQuery):
    """The filtered, ordered enrollments (a lazy queryset: the page slices it, exports chunk it)."""
    rows = _annotated(structure)
    if query.cycle is not None:
        rows = rows.filter(cycle=query.cycle)
    else:
        later = Enrollment.objects.filter(
            user=OuterRef("user_id"), course=structure.course, cycle__gt=OuterRef("cycle")
        )
        rows = rows.exclude(Exists(later))
    if query.status:
        rows = rows.filter(STATUS_FILTERS[query.status](timezone.now()))
    if query.q:
        rows = rows.filter(
            Q(user__full_name__icontains=query.q)
            | Q(user__email__icontains=query.q)
            | Q(user__registration_number__icontains=query.q)
        )
    return rows.select_related("user", "certificate").order_by(*ORDERINGS[query.sort])


@dataclass(frozen=True)
class QuizCell:
    quiz: QuizPage
    used: int = 0
    best: object = None
    latest: object = None
    passed: bool = False
    must_pass_failures: int = 0

    @property
    def allowed(self) -> int:  # 0: unlimited (overrides are shown on the trainee's record)
        return self.quiz.attempts_allowed


@dataclass(frozen=True)
class ModuleCell:
    module: ModuleColumn
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.done >= self.total


@dataclass
class GradebookRow:
    enrollment: Enrollment
    progress: object
    modules: list[ModuleCell] = field(default_factory=list)
    quizzes: list[QuizCell] = field(default_factory=list)

    @property
    def user(self):
        return self.enrollment.user

    @property
    def certificate(self):
        return getattr(self.enrollment, "certificate", None)

    @property
    def status(self) -> str:
        e = self.enrollment
        if e.completed_at is not None:
            return "completed"
        if getattr(e, "failed_gate", False):
            return "stuck"
        if getattr(e, "has_lesson", False) or getattr(e, "has_attempt", False):
            return "in_progress"
        return "not_started"

    @property
    def certificate_standing_label(self) -> str:
        return CERTIFICATE_LABELS.get(self.certificate_standing(timezone.now()), "")

    def certificate_standing(self, now) -> str:
        certificate = self.certificate
        if certificate is None:
            return ""
        standing = certificate.standing(now)
        if standing == "valid" and certificate.expires_at <= now + EXPIRING_WITHIN:
            return "expiring"
        return standing


def _quiz_stats(structure: CourseStructure, enrollments: list[Enrollment]) -> dict:
    """(enrollment id, quiz id) → QuizCell for the attempts of that enrollment's cycle (started
    since it began): two plain queries, whatever the number of trainees or attempts."""
    quiz_ids = [quiz.id for quiz in structure.quizzes]
    if not quiz_ids or not enrollments:
        return {}
    submitted = Q(status=Attempt.Status.SUBMITTED)
    stats = list(
        Attempt.objects.filter(  # joined through the trainee to this page's enrollments
            quiz_id__in=quiz_ids,
            user_id__in={e.user_id for e in enrollments},  # lets the planner start from these
            user__enrollments__in=[e.id for e in enrollments],
            started_at__gte=F("user__enrollments__enrolled_at"),
        )
        .values("user__enrollments__id", "user_id", "quiz_id")
        .annotate(
            used=Count("pk"),
            best=Max("percent", filter=submitted),
            last=Max("number", filter=submitted),
            passes=Count("pk", filter=Q(passed=True)),
            critical=Count("pk", filter=Q(failed_critical=True)),
        )
        .order_by()
    )
    wanted = {(s["user_id"], s["quiz_id"], s["last"]) for s in stats if s["last"]}
    latest = {}
    if wanted:  # a superset by user, quiz and number, narrowed to the exact triples here
        for user_id, quiz_id, number, percent in Attempt.objects.filter(
            user_id__in={u for u, _, _ in wanted},
            quiz_id__in=quiz_ids,
            number__in={n for _, _, n in wanted},
        ).values_list("user_id", "quiz_id", "number", "percent"):
            if (user_id, quiz_id, number) in wanted:
                latest[(user_id, quiz_id, number)] = percent
    quizzes = {quiz.id: quiz for quiz in structure.quizzes}
    return {
        (s["user__enrollments__id"], s["quiz_id"]): QuizCell(
            quiz=quizzes[s["quiz_id"]],
            used=s["used"],
            best=s["best"],
            latest=latest.get((s["user_id"], s["quiz_id"], s["last"])),
            passed=s["passes"] > 0,
            must_pass_failures=s["critical"],
        )
        for s in stats
    }


def gradebook_rows(*, structure: CourseStructure, enrollments) -> list[GradebookRow]:
    """Rows for a page (or an export chunk) of enrollments: three or four queries for any size."""
    enrollments = list(enrollments)
    outlines = {structure.course.id: structure.outline}
    states = course_states(courses=None, enrollments=enrollments, user=None, outlines=outlines)
    stats = _quiz_stats(structure, enrollments)
    rows = []
    for enrollment in enrollments:
        done = states.done.get(enrollment.id, set())
        rows.append(
            GradebookRow(
                enrollment=enrollment,
                progress=states.progress[enrollment.id],
                modules=[
                    ModuleCell(m, sum(1 for k in m.keys if k in done), len(m.keys))
                    for m in structure.modules
                ],
                quizzes=[
                    stats.get((enrollment.id, quiz.id), QuizCell(quiz=quiz))
                    for quiz in structure.quizzes
                ],
            )
        )
    return rows


def gradebook_chunks(*, structure: CourseStructure, enrollments, size: int = 500):
    """Rows in chunks of `size`, so an export of 10,000 trainees holds one chunk at a time.

    The order is read once as a list of ids (8 bytes a trainee); each chunk then fetches its
    own rows by id, so the per-row subqueries run for that chunk only, not for every row
    before an OFFSET as slicing the ordered queryset would."""
    ids = list(enrollments.values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        batch = ids[start : start + size]
        found = enrollments.order_by().in_bulk(batch)
        yield from gradebook_rows(
            structure=structure, enrollments=[found[pk] for pk in batch if pk in found]
        )
