"""What a trainee must do to complete a course, gathered from registered requirement providers.

Courses owns completion and progress but not every kind of requirement: other apps (quizzes, and
later practical skills) register a provider from their AppConfig.ready(). This module holds the one
definition of progress that every page and the completion rule use: the share of the course's
requirements, of every kind, that the trainee has met in the current enrollment cycle.

Providers work in bulk and from the course outline (courses/outline.py), which they may extend with
fields of their own pages, so a page costs a fixed number of cheap queries whatever the size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol

from courses.gating import ModuleLock


@dataclass(frozen=True)
class Requirement:
    key: str  # unique within a course, e.g. "lesson:42"
    kind: str  # "lesson", "quiz", "skill"
    label: str
    page: Any = field(default=None, compare=False)  # a Page row with a URL, for "continue" links


@dataclass
class TraineeState:
    """What one provider knows about trainees: keys done per enrollment, module locks per course,
    the keys each of its steps needs done first, by step page id (see courses.prerequisites), and
    for a viewer a short word on a step under way (a skill awaiting sign-off)."""

    done: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    locks: dict[int, dict[int, ModuleLock]] = field(default_factory=lambda: defaultdict(dict))
    needs: dict[int, list[str]] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)  # step page id → "Awaiting sign-off"


class RequirementProvider(Protocol):
    kind: str  # "lesson", "quiz", "skill"
    plural: str  # shown in progress summaries: "lessons", "quizzes", "practical skills"
    outline_fields: dict  # annotations added to outline rows, e.g. {"quiz_required": F(...)}
    todo: str  # what a trainee does to meet one, for messages: "pass {}" ("pass “Safety quiz”")

    def step_key(self, row) -> str | None:
        """The key of an outline row if it is one of this provider's steps ("quiz:7"), else None."""

    def requirements(self, *, outlines) -> dict[int, list[Requirement]]:
        """Requirements per course id; from the outline rows, or one query of the provider's own."""

    def trainee_state(self, *, user, enrollments, outlines) -> TraineeState:
        """Done keys (required or not) per enrollment in its cycle; locks and needs for `user`
        (or None: then only done keys are asked for)."""

    def met_page_ids(self, *, enrollment, page_ids: list[int]):
        """A query (not run) of the ids among `page_ids` that `enrollment` has met in its cycle,
        by the same rule as `trainee_state`'s done keys: one id column, no ordering, so the
        completion check can ask every provider in one UNION."""


_providers: dict[str, RequirementProvider] = {}


def todo_phrase(kind: str) -> str:
    provider = _providers.get(kind)
    return getattr(provider, "todo", "complete {}")


def register_requirement_provider(provider: RequirementProvider) -> None:
    _providers[provider.kind] = provider


def requirement_providers() -> list[RequirementProvider]:
    return list(_providers.values())


def rounded_percent(done: int, total: int) -> int:
    """Nearest whole percent, but 100 only when everything is done (and 99 at most before)."""
    if total == 0:
        return 100
    if done >= total:
        return 100
    return min(99, round(100 * done / total))


@dataclass(frozen=True)
class KindProgress:
    plural: str
    done: int
    total: int


@dataclass(frozen=True)
class Progress:
    """A trainee's progress on one enrollment cycle.

    Policy: a recorded completion stands. Requirements added after it (a new required lesson or
    quiz) do not undo it or its certificate; they are shown as "new since you completed" and
    count in the next cycle. So a completed enrollment always shows 100 %.
    """

    total: int
    done: int
    outstanding: tuple[Requirement, ...]
    completed_at: Any = None
    by_kind: tuple[KindProgress, ...] = ()

    @property
    def percent(self) -> int:
        if self.completed_at is not None:
            return 100
        return rounded_percent(self.done, self.total)

    @property
    def is_met(self) -> bool:
        return not self.outstanding

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def new_since_completion(self) -> tuple[Requirement, ...]:
        return self.outstanding if self.completed_at is not None else ()


def progress_of(enrollment, requirements: list[Requirement], done_keys: set[str]) -> Progress:
    outstanding = tuple(r for r in requirements if r.key not in done_keys)
    by_kind = []
    for provider in requirement_providers():
        of_kind = [r for r in requirements if r.kind == provider.kind]
        if of_kind:
            met = sum(1 for r in of_kind if r.key in done_keys)
            by_kind.append(KindProgress(provider.plural, met, len(of_kind)))
    return Progress(
        total=len(requirements),
        done=len(requirements) - len(outstanding),
        outstanding=outstanding,
        completed_at=enrollment.completed_at,
        by_kind=tuple(by_kind),
    )


def progress_for_enrollments(enrollments) -> dict[int, Progress]:
    """Progress per enrollment id: the outline, then one query per provider at most."""
    from courses.outline import course_states

    enrollments = list(enrollments)
    courses = list({e.course_id: e.course for e in enrollments}.values())
    states = course_states(courses=courses, enrollments=enrollments, user=None)
    return {e.id: states.progress[e.id] for e in enrollments}


def requirements_met(enrollment) -> bool:
    """Whether every requirement of the enrollment's course is met (and there is at least one).

    One query whatever the kinds: each provider with something required in this course gives
    the ids it has met (`met_page_ids`), and they are read together in a UNION. Requirement
    keys are page ids (lessons, quizzes and skills are all pages), so the ids cannot collide.
    """
    from courses.outline import course_outlines

    outlines = course_outlines(courses=[enrollment.course])
    required_ids: set[int] = set()
    asks = []
    for provider in requirement_providers():
        required = provider.requirements(outlines=outlines).get(enrollment.course_id, [])
        if required:
            ids = [requirement.page.id for requirement in required]
            required_ids.update(ids)
            asks.append(provider.met_page_ids(enrollment=enrollment, page_ids=ids))
    if not asks:
        return False
    met = set(asks[0].union(*asks[1:], all=True)) if len(asks) > 1 else set(asks[0])
    return required_ids <= met


class RequiredLessonsProvider:
    """Every live lesson marked "required for completion" must be marked complete."""

    kind = "lesson"
    plural = "lessons"
    todo = "complete {}"
    outline_fields: dict = {}

    def step_key(self, row):
        return f"lesson:{row.id}" if row.lesson_minutes is not None else None

    def requirements(self, *, outlines):
        return {
            course_id: [
                Requirement(
                    key=f"lesson:{lesson.id}", kind="lesson", label=lesson.title, page=lesson
                )
                for lesson in outline.lessons
                if lesson.lesson_required
            ]
            for course_id, outline in outlines.items()
        }

    def met_page_ids(self, *, enrollment, page_ids):
        from courses.models import LessonCompletion

        rows = LessonCompletion.objects.filter(enrollment_id=enrollment.id, lesson_id__in=page_ids)
        return rows.order_by().values_list("lesson_id", flat=True)

    def trainee_state(self, *, user, enrollments, outlines):
        from courses.models import LessonCompletion

        state = TraineeState()
        missing = [e.id for e in enrollments if not hasattr(e, "completed_lesson_ids")]
        if missing:  # not fetched with the enrollment (courses.outline.current_enrollments)
            rows = LessonCompletion.objects.filter(enrollment__in=missing).values_list(
                "enrollment_id", "lesson_id"
            )
            for enrollment_id, lesson_id in rows:
                state.done[enrollment_id].add(f"lesson:{lesson_id}")
        for enrollment in enrollments:
            for lesson_id in getattr(enrollment, "completed_lesson_ids", ()):
                state.done[enrollment.id].add(f"lesson:{lesson_id}")
        return state
