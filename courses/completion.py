"""What a trainee must do to complete a course, gathered from registered requirement providers.

Courses owns completion but not every kind of requirement: other apps (quizzes, practical skills)
register a provider from their AppConfig.ready(). Providers work in bulk so that pages listing many
enrollments stay at a constant number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Requirement:
    key: str  # unique within a course, e.g. "lesson:42"
    kind: str  # "lesson", "quiz", "skill"
    label: str
    page: Any = field(default=None, compare=False)  # a Page row with a URL, for "continue" links


class RequirementProvider(Protocol):
    kind: str

    def requirements(self, *, courses) -> dict[int, list[Requirement]]:
        """Requirements per course id for the given CoursePages."""

    def met(self, *, enrollments) -> dict[int, set[str]]:
        """Keys of the requirements each enrollment (by id) has met."""


_providers: dict[str, RequirementProvider] = {}


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
class Progress:
    total: int
    done: int
    outstanding: tuple[Requirement, ...]

    @property
    def percent(self) -> int:
        return rounded_percent(self.done, self.total)

    @property
    def is_met(self) -> bool:
        return not self.outstanding


def progress_for_enrollments(enrollments) -> dict[int, Progress]:
    """Progress per enrollment id; each provider costs a fixed number of queries."""
    enrollments = list(enrollments)
    courses = {e.course_id: e.course for e in enrollments}
    required: dict[int, list[Requirement]] = defaultdict(list)
    met: dict[int, set[str]] = defaultdict(set)
    for provider in requirement_providers():
        for course_id, items in provider.requirements(courses=list(courses.values())).items():
            required[course_id].extend(items)
        for enrollment_id, keys in provider.met(enrollments=enrollments).items():
            met[enrollment_id] |= keys
    result = {}
    for enrollment in enrollments:
        items = required[enrollment.course_id]
        done_keys = met[enrollment.id]
        outstanding = tuple(r for r in items if r.key not in done_keys)
        result[enrollment.id] = Progress(
            total=len(items), done=len(items) - len(outstanding), outstanding=outstanding
        )
    return result


class RequiredLessonsProvider:
    """Every live lesson marked "required for completion" must be marked complete."""

    kind = "lesson"

    def requirements(self, *, courses):
        from courses.selectors import lessons_by_course

        return {
            course_id: [
                Requirement(
                    key=f"lesson:{lesson.id}", kind="lesson", label=lesson.title, page=lesson
                )
                for lesson in lessons
                if lesson.lesson_required
            ]
            for course_id, lessons in lessons_by_course(courses=courses).items()
        }

    def met(self, *, enrollments):
        from courses.models import LessonCompletion

        keys: dict[int, set[str]] = defaultdict(set)
        rows = LessonCompletion.objects.filter(
            enrollment__in=[e.id for e in enrollments]
        ).values_list("enrollment_id", "lesson_id")
        for enrollment_id, lesson_id in rows:
            keys[enrollment_id].add(f"lesson:{lesson_id}")
        return keys
