"""The question bank in the Wagtail admin: create, edit, search and filter as an instructor."""

import pytest

from courses.roles import instructors_group_ensure
from quizzes.models import Question
from tests.factories import UserFactory
from tests.factories.quizzes import QuestionBankFactory, QuestionCategoryFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def instructor_client(client):
    instructor = UserFactory()
    instructor.groups.add(instructors_group_ensure())
    client.force_login(instructor)
    return client


def test_instructor_creates_a_tagged_question(instructor_client):
    bank, category = QuestionBankFactory(), QuestionCategoryFactory()
    data = {
        "title": "Consent before needling",
        "bank": bank.pk,
        "category": category.pk,
        "tags": "consent, safety",
        "stem": '{"blocks": [{"key": "a", "type": "unstyled", "text": "True or false?", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "points": "1",
        "critical_reason": "",
        "general_feedback": '{"blocks": [], "entityMap": {}}',
        "body-count": "1",
        "body-0-type": "true_false",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value-answer": "on",
        "body-0-value-feedback_true": "Right.",
        "body-0-value-feedback_false": "Consent is always needed.",
    }
    response = instructor_client.post("/admin/snippets/quizzes/question/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(title="Consent before needling")
    assert question.question_type == "true_false"
    assert sorted(question.tags.names()) == ["consent", "safety"]


def test_question_listing_search_and_filters(instructor_client):
    QuestionFactory(title="Pneumothorax risk", stem="<p>Which serious complication?</p>")
    QuestionFactory(title="Bruising", kind="true_false", critical=True, critical_reason="Why")
    listing = "/admin/snippets/quizzes/question/"
    html = instructor_client.get(listing, {"q": "pneumothorax"}).content.decode()
    assert "Pneumothorax risk" in html and "Bruising" not in html
    html = instructor_client.get(listing, {"question_type": "true_false"}).content.decode()
    assert "Bruising" in html and "Pneumothorax risk" not in html


def test_instructor_reads_quiz_results_but_cannot_edit_them(instructor_client, trainee):
    from courses.services import enrollment_create
    from quizzes.services import attempt_start, attempt_submit
    from tests.factories import build_course, lessons_of
    from tests.factories.quizzes import quiz_with_questions

    course = build_course(modules=1, lessons_per_module=1)
    enrollment_create(user=trainee, course=course)
    quiz = quiz_with_questions(lessons_of(course)[0].get_parent(), [QuestionFactory()])
    attempt, _ = attempt_start(quiz=quiz, user=trainee)
    attempt_submit(attempt=attempt)
    html = instructor_client.get("/admin/quiz_results/").content.decode()
    assert trainee.full_name in html and quiz.title in html
    assert instructor_client.get(f"/admin/quiz_results/inspect/{attempt.pk}/").status_code == 200
    assert instructor_client.get(f"/admin/quiz_results/edit/{attempt.pk}/").status_code in (
        302,
        403,
    )
    assert instructor_client.get("/admin/quiz_results/new/").status_code in (302, 403)


def test_trainee_cannot_reach_quiz_results(client, trainee):
    client.force_login(trainee)
    assert client.get("/admin/quiz_results/").status_code == 302
