import pytest

from courses.models import Enrollment, LessonCompletion
from courses.services import (
    EnrollmentClosed,
    NotEnrolled,
    enrollment_create,
    enrollment_evaluate_completion,
    lesson_complete,
)
from courses.signals import course_completed
from tests.factories import (
    LessonPageFactory,
    ModulePageFactory,
    UserFactory,
    build_course,
    lessons_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def completions():
    received = []

    def receiver(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    course_completed.connect(receiver, weak=False, dispatch_uid="test-receiver")
    yield received
    course_completed.disconnect(dispatch_uid="test-receiver")


def test_enrol_creates_one_enrollment_and_repeating_returns_it(trainee, course):
    first, created = enrollment_create(user=trainee, course=course)
    again, created_again = enrollment_create(user=trainee, course=course)
    assert created and not created_again
    assert first.pk == again.pk
    assert Enrollment.objects.filter(user=trainee).count() == 1


def test_enrol_refused_when_enrolment_closed(trainee):
    course = build_course(enrolment_open=False)
    with pytest.raises(EnrollmentClosed, match="closed"):
        enrollment_create(user=trainee, course=course)
    assert not Enrollment.objects.exists()


def test_enrol_refused_for_unpublished_course(trainee, course):
    course.unpublish()
    course.refresh_from_db()
    with pytest.raises(EnrollmentClosed, match="not available"):
        enrollment_create(user=trainee, course=course)
    assert not Enrollment.objects.exists()


def test_complete_lesson_requires_enrollment(trainee, course):
    lesson = lessons_of(course)[0]
    with pytest.raises(NotEnrolled):
        lesson_complete(user=trainee, lesson=lesson)
    assert not LessonCompletion.objects.exists()


def test_complete_lesson_is_idempotent(trainee, course):
    enrollment_create(user=trainee, course=course)
    lesson = lessons_of(course)[0]
    created = lesson_complete(user=trainee, lesson=lesson).created
    created_again = lesson_complete(user=trainee, lesson=lesson).created
    assert created and not created_again
    assert LessonCompletion.objects.count() == 1


def test_completing_every_required_lesson_completes_course_and_signals_once(
    trainee, course, completions
):
    enrollment, _ = enrollment_create(user=trainee, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[:-1]:
        lesson_complete(user=trainee, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    assert completions == []

    lesson_complete(user=trainee, lesson=lessons[-1])
    lesson_complete(user=trainee, lesson=lessons[-1])
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert completions == [enrollment.pk]


def test_evaluating_completion_again_never_signals_twice(trainee, course, completions):
    enrollment, _ = enrollment_create(user=trainee, course=course)
    for lesson in lessons_of(course):
        lesson_complete(user=trainee, lesson=lesson)
    stale_copy = Enrollment.objects.get(pk=enrollment.pk)
    stale_copy.completed_at = (
        None  # as a concurrent request that read before completion would see it
    )
    assert enrollment_evaluate_completion(enrollment=stale_copy) is False
    assert completions == [enrollment.pk]


def test_optional_lessons_do_not_block_completion(trainee, course, completions):
    module = ModulePageFactory(parent=course)
    LessonPageFactory(parent=module, is_required=False)
    enrollment, _ = enrollment_create(user=trainee, course=course)
    for lesson in lessons_of(course):
        if lesson.is_required:
            lesson_complete(user=trainee, lesson=lesson)
    assert completions == [enrollment.pk]


def test_unpublished_lessons_do_not_count(trainee, course, completions):
    lessons = lessons_of(course)
    lessons[-1].unpublish()
    enrollment, _ = enrollment_create(user=trainee, course=course)
    for lesson in lessons[:-1]:
        lesson_complete(user=trainee, lesson=lesson)
    assert completions == [enrollment.pk]


def test_other_trainees_progress_is_separate(course):
    first, second = UserFactory(), UserFactory()
    enrollment_create(user=first, course=course)
    second_enrollment, _ = enrollment_create(user=second, course=course)
    lesson_complete(user=first, lesson=lessons_of(course)[0])
    assert not LessonCompletion.objects.filter(enrollment=second_enrollment).exists()


@pytest.mark.parametrize(
    ("done", "total", "shown"),
    [(0, 14, 0), (1, 14, 7), (4, 14, 29), (13, 14, 93), (199, 200, 99), (14, 14, 100), (0, 0, 100)],
)
def test_progress_percent_rounds_but_never_claims_done_early(done, total, shown):
    from courses.completion import rounded_percent

    assert rounded_percent(done, total) == shown
