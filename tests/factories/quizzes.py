"""Questions of every type, quizzes and attempts for tests."""

import json
import uuid

import factory
import wagtail_factories

from quizzes.models import Question, QuestionBank, QuestionCategory, QuizPage, QuizSlot


def _item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def body(question_type: str, **value) -> str:
    """StreamField JSON for one question block; list values become ListBlock items."""
    for key, item in list(value.items()):
        if isinstance(item, list):
            value[key] = [_item(entry) for entry in item]
    return json.dumps([{"type": question_type, "value": value, "id": str(uuid.uuid4())}])


SAMPLE_BODIES = {
    "single_choice": lambda: body(
        "single_choice",
        options=[
            {"text": "Pregnancy", "credit": 1.0, "feedback": "FEEDBACK-RIGHT-OPTION"},
            {"text": "Recent holiday", "credit": 0.0, "feedback": "FEEDBACK-WRONG-OPTION"},
            {"text": "Mild tiredness", "credit": 0.0, "feedback": "FEEDBACK-OTHER-OPTION"},
        ],
    ),
    "multiple_response": lambda: body(
        "multiple_response",
        options=[
            {"text": "Bruising", "credit": 0.5, "feedback": "FEEDBACK-BRUISE"},
            {"text": "Soreness", "credit": 0.5, "feedback": "FEEDBACK-SORE"},
            {"text": "Improved eyesight", "credit": -1.0, "feedback": "FEEDBACK-EYES"},
        ],
    ),
    "true_false": lambda: body(
        "true_false", answer=True, feedback_true="FEEDBACK-TRUE", feedback_false="FEEDBACK-FALSE"
    ),
    "numeric": lambda: body(
        "numeric",
        answers=[
            {"value": "2018", "tolerance": "0", "minimum": None, "maximum": None, "credit": 1.0}
        ],
        unit="",
    ),
    "short_text": lambda: body(
        "short_text", answers=[{"text": "pneumothora*", "credit": 1.0}], case_sensitive=False
    ),
    "matching": lambda: body(
        "matching",
        pairs=[
            {"prompt": "Dry needling", "answer": "ANSWER-WESTERN-ANATOMY"},
            {"prompt": "Acupuncture", "answer": "ANSWER-MERIDIANS"},
        ],
        distractors=["ANSWER-DISTRACTOR"],
    ),
    "ordering": lambda: body(
        "ordering", items=["Assess", "Consent", "Clean skin", "Insert", "Dispose"], partial=False
    ),
}


class QuestionBankFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionBank
        django_get_or_create = ["name"]

    name = "Test bank"


class QuestionCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionCategory
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Category {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    class Params:
        kind = "single_choice"

    bank = factory.SubFactory(QuestionBankFactory)
    category = factory.SubFactory(QuestionCategoryFactory)
    title = factory.Sequence(lambda n: f"Question {n}")
    stem = factory.Sequence(lambda n: f"<p>Stem of question {n}?</p>")
    points = 1
    general_feedback = "<p>GENERAL-FEEDBACK-SECRET</p>"
    body = factory.LazyAttribute(lambda o: SAMPLE_BODIES[o.kind]())


class QuizPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuizPage

    title = factory.Sequence(lambda n: f"Quiz {n}")
    pass_mark = 80
    time_limit_minutes = 0
    attempts_allowed = 3
    shuffle_questions = False
    shuffle_options = True


def quiz_with_questions(parent, questions, **fields) -> QuizPage:
    quiz = QuizPageFactory(parent=parent, **fields)
    for order, question in enumerate(questions):
        QuizSlot.objects.create(quiz=quiz, question=question, sort_order=order)
    return quiz


def every_type_questions() -> list[Question]:
    return [QuestionFactory(kind=kind) for kind in SAMPLE_BODIES]
