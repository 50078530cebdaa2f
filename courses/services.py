"""Business rules for enrolment, lesson completion and course completion."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from courses.completion import requirements_met
from courses.gating import locked_modules
from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage
from courses.signals import course_completed
from courses.trainee_cache import trainee_changed


class CourseActionError(Exception):
    """A trainee action that the rules refuse; the message is shown to them as is."""


class EnrollmentClosed(CourseActionError):
    pass


class NotEnrolled(CourseActionError):
    pass


def _course_of(page: Page) -> CoursePage:
    course = CoursePage.objects.ancestor_of(page).first()
    if course is None:
        raise CourseActionError("This page is not part of a course.")
    return course


@transaction.atomic
def enrollment_create(
    *, user, course: CoursePage, passed_passwords: Iterable[int] = ()
) -> tuple[Enrollment, bool]:
    """Enrol a trainee; enrolling again returns the existing enrollment (double clicks are safe).

    Only someone who may view the course can enrol: its view restrictions are read afresh and
    judged as Wagtail judges a request (signed in, in the groups, or the password given:
    `passed_passwords`, the restriction ids the trainee's session has passed)."""
    existing = Enrollment.objects.current(user=user, course=course)
    if existing is not None:
        return existing, False
    viewer = SimpleNamespace(
        user=user,
        session={PageViewRestriction.passed_view_restrictions_session_key: list(passed_passwords)},
    )
    restrictions = Page.get_view_restrictions(course)  # fresh, not the kept copy
    if not course.live or not all(r.accept_request(viewer) for r in restrictions):
        raise EnrollmentClosed("This course is not available for enrolment.")
    if not course.enrolment_open:
        raise EnrollmentClosed(f"Enrolment for “{course.title}” is closed at the moment.")
    try:
        with transaction.atomic():
            return Enrollment.objects.create(user=user, course=course, cycle=1), True
    except IntegrityError:
        # A concurrent request enrolled the same trainee first.
        return Enrollment.objects.get(user=user, course=course, cycle=1), False


@transaction.atomic
def enrollment_start_cycle(*, user, course: CoursePage) -> Enrollment:
    """Open the next cycle of a completed course (recertification): progress starts afresh.

    Apps that know when a trainee should recertify (certificates) decide whether to offer it.
    """
    latest = Enrollment.objects.select_for_update().current(user=user, course=course)
    if latest is None:
        raise NotEnrolled(f"Enrol in “{course.title}” first.")
    if latest.completed_at is None:
        return latest  # already in a cycle that is not finished: a repeated click
    if not course.live or not course.enrolment_open:
        raise EnrollmentClosed(f"Enrolment for “{course.title}” is closed at the moment.")
    try:
        with transaction.atomic():
            return Enrollment.objects.create(user=user, course=course, cycle=latest.cycle + 1)
    except IntegrityError:  # a concurrent request (double click) opened it first
        return Enrollment.objects.get(user=user, course=course, cycle=latest.cycle + 1)


@dataclass(frozen=True)
class LessonCompletionResult:
    completion: LessonCompletion
    created: bool
    course_completed: bool  # this call completed the whole course


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> LessonCompletionResult:
    """Mark a lesson complete for the trainee's current enrollment; repeating it changes nothing."""
    if not lesson.live:
        raise CourseActionError("This lesson is not published.")
    course = _course_of(lesson)
    enrollment = Enrollment.objects.select_for_update().current(user=user, course=course)
    if enrollment is None:
        raise NotEnrolled(f"Enrol in “{course.title}” before marking lessons complete.")
    lock = locked_modules(user=user, course=course).get(lesson.get_parent().id)
    if lock:
        raise CourseActionError(lock.reason)
    completion, created = LessonCompletion.objects.get_or_create(
        enrollment=enrollment, lesson=lesson
    )
    course_completed = created and enrollment_evaluate_completion(
        enrollment=enrollment, already_locked=True
    )
    return LessonCompletionResult(completion, created, course_completed)


@transaction.atomic(savepoint=False)  # inside a submit or sign-off: no savepoint round trip
def enrollment_evaluate_completion(*, enrollment: Enrollment, already_locked: bool = False) -> bool:
    """Record completion once all requirements are met; True only for the call that recorded it.

    The guarded UPDATE makes completion happen once even when two requests race, and the
    course_completed signal is sent only by the request that won.
    """
    if enrollment.completed_at is not None:
        return False
    # Every action that can meet a requirement evaluates under this row lock, after writing its
    # own part: the last lesson and the last quiz arriving together are judged one after the
    # other, the second seeing the first's commit (without it, both saw "not yet").
    if not already_locked:
        Enrollment.objects.select_for_update().filter(pk=enrollment.pk).first()
    if not requirements_met(enrollment):
        return False
    now = timezone.now()
    won = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(
        completed_at=now
    )
    if not won:
        return False
    trainee_changed(enrollment.user_id)  # an UPDATE sends no signal
    enrollment.completed_at = now
    course_completed.send(sender=Enrollment, enrollment=enrollment)
    return True
