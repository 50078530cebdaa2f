import pytest

from courses.services import enrollment_create
from tests.factories import build_course, lessons_of
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
