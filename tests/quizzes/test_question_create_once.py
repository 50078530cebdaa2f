"""Saving one new-question form makes one question, however often (and however fast) it is sent."""

import uuid

import pytest
from django.db import connection
from django.test import Client

from courses.roles import instructors_group_ensure
from quizzes.models import Question
from tests.factories import UserFactory
from tests.factories.quizzes import QuestionBankFactory
from tests.parallel import in_parallel

ADD_URL = "/admin/snippets/quizzes/question/add/"


def form_data(bank, token, title="Consent before needling", feedback="Right."):
    return {
        "creation_token": str(token),
        "title": title,
        "bank": bank.pk,
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
        "body-0-value-feedback_true": feedback,
        "body-0-value-feedback_false": "Consent is always needed.",
    }


def instructor():
    user = UserFactory()
    user.groups.add(instructors_group_ensure())
    return user


@pytest.mark.django_db
def test_the_add_form_carries_a_creation_token(client):
    client.force_login(instructor())
    html = client.get(ADD_URL).content.decode()
    assert 'name="creation_token"' in html
    assert "w-autosave" not in html.split('id="w-editor-form"')[1].split(">")[0]


@pytest.mark.django_db
def test_sending_one_form_twice_creates_one_question_with_the_last_content(client):
    client.force_login(instructor())
    bank, token = QuestionBankFactory(), uuid.uuid4()
    assert client.post(ADD_URL, form_data(bank, token)).status_code == 302
    response = client.post(ADD_URL, form_data(bank, token, feedback="Right, and documented."))
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.body[0].value["feedback_true"] == "Right, and documented."
    assert question.creation_token == token
    assert question.revisions.count() == 2
    last_message = str(list(response.wsgi_request._messages)[-1])
    assert last_message.startswith("Question &#x27;Consent before needling&#x27; created.")


@pytest.mark.django_db
def test_a_late_autosave_of_a_created_form_writes_nothing(client):
    client.force_login(instructor())
    bank, token = QuestionBankFactory(), uuid.uuid4()
    client.post(ADD_URL, form_data(bank, token, feedback="Saved last."))
    response = client.post(
        ADD_URL,
        form_data(bank, token, feedback="Typed earlier."),
        headers={"Accept": "application/json"},
    )
    question = Question.objects.get()
    assert response.json()["url"] == f"/admin/snippets/quizzes/question/edit/{question.pk}/"
    assert question.body[0].value["feedback_true"] == "Saved last."


@pytest.mark.django_db
def test_different_forms_create_different_questions(client):
    client.force_login(instructor())
    bank = QuestionBankFactory()
    client.post(ADD_URL, form_data(bank, uuid.uuid4()))
    client.post(ADD_URL, form_data(bank, uuid.uuid4()))
    client.post(ADD_URL, form_data(bank, "not-a-token"))
    assert Question.objects.count() == 3


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_parallel_saves_of_one_form_create_one_question():
    user, bank, token = instructor(), QuestionBankFactory(), uuid.uuid4()
    threads_count = 8

    def save(_):
        client = Client()
        client.force_login(user)
        return client.post(ADD_URL, form_data(bank, token)).status_code

    statuses, errors = in_parallel(save, threads_count)
    assert errors == []
    assert statuses == [302] * threads_count
    assert Question.objects.filter(creation_token=token).count() == 1


@pytest.mark.django_db
def test_a_copied_question_is_a_new_question(client):
    from tests.factories.quizzes import QuestionFactory

    client.force_login(instructor())
    original = QuestionFactory(kind="true_false")
    html = client.get(f"/admin/snippets/quizzes/question/copy/{original.pk}/").content.decode()
    assert 'name="creation_token"' in html
    bank, token = original.bank, uuid.uuid4()
    client.post(ADD_URL, form_data(bank, token, title="Copy"))
    client.post(ADD_URL, form_data(bank, token, title="Copy"))
    assert sorted(Question.objects.values_list("title", flat=True)) == ["Copy", original.title]
