import pytest
from django.db import connection

from courses.services import enrollment_create
from tests.factories import build_course, lessons_of, wagtail_initial_data
from tests.factories.quizzes import every_type_questions, quiz_with_questions


@pytest.fixture
def quiz_course(db):
    return build_course(modules=2, lessons_per_module=2)


@pytest.fixture
def all_types_quiz(quiz_course):
    module = lessons_of(quiz_course)[0].get_parent()
    return quiz_with_questions(module, every_type_questions(), time_limit_minutes=20)


@pytest.fixture
def enrolled(trainee, quiz_course):
    enrollment_create(user=trainee, course=quiz_course)
    return trainee


@pytest.fixture(
    params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def on_each_database(request):
    """Run a test in both passes of make test: SQLite, then the postgres-marked PostgreSQL pass."""
    if connection.vendor != request.param:
        pytest.skip(f"runs in the {request.param} pass of make test")
    wagtail_initial_data()  # an earlier transactional test may have flushed Wagtail's root page
