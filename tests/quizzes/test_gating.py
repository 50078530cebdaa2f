"""A quiz inside a module that another quiz unlocks is locked like the module's lessons."""

import pytest

from courses.services import enrollment_create
from quizzes.services import QuizUnavailable, attempt_save_responses, attempt_start, attempt_submit
from tests.factories import build_course
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.quizzes.test_attempts import key_response

pytestmark = pytest.mark.django_db


def test_a_quiz_in_a_locked_module_cannot_be_started_until_the_gate_is_passed(trainee):
    course = build_course(modules=2, lessons_per_module=1)
    safety_module, technique_module = course.get_children().specific()
    technique_quiz = quiz_with_questions(technique_module, [QuestionFactory(kind="true_false")])
    safety_quiz = quiz_with_questions(
        safety_module,
        [QuestionFactory(kind="true_false")],
        unlocks_module=technique_module,
        title="Safety quiz",
    )
    enrollment_create(user=trainee, course=course)
    with pytest.raises(QuizUnavailable, match="Pass “Safety quiz” to open these lessons"):
        attempt_start(quiz=technique_quiz, user=trainee)
    attempt, _ = attempt_start(quiz=safety_quiz, user=trainee)
    attempt_save_responses(
        attempt=attempt, responses={r.position: key_response(r) for r in attempt.questions.all()}
    )
    assert attempt_submit(attempt=attempt).passed
    technique_attempt, created = attempt_start(quiz=technique_quiz, user=trainee)
    assert created
