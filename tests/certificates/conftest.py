import pytest

from certificates.models import Certificate
from courses.roles import instructors_group_ensure
from courses.services import enrollment_create, lesson_complete
from tests.factories import UserFactory, build_course, lessons_of


def complete_course(user, course, capture):
    """Enrol (or use the current cycle) and complete every lesson, running on-commit work."""
    enrollment, _ = enrollment_create(user=user, course=course)
    with capture(execute=True):
        for lesson in lessons_of(course):
            lesson_complete(user=user, lesson=lesson)
    return Certificate.objects.filter(user=user, course=course).order_by("-issued_at").first()


@pytest.fixture
def issue(django_capture_on_commit_callbacks):
    """issue(user=None, **course_fields) → the certificate earned by completing a fresh course."""

    def make(user=None, **course_fields):
        user = user or UserFactory(registration_number="PH123456")
        course = build_course(modules=1, lessons_per_module=1, **course_fields)
        return complete_course(user, course, django_capture_on_commit_callbacks)

    return make


@pytest.fixture
def instructor(db):
    user = UserFactory(full_name="Ida Instructor")
    user.groups.add(instructors_group_ensure())
    return user
