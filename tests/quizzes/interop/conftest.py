import pytest
import wagtail_factories

from quizzes.exporters import answer_values
from quizzes.models import QuestionBank
from tests.factories.quizzes import SAMPLE_BODIES, QuestionFactory, body


def strip_ids(value):
    """ListBlock items carry random ids; compare what the author wrote."""
    if isinstance(value, list):
        return [strip_ids(v["value"] if isinstance(v, dict) and "value" in v else v) for v in value]
    if isinstance(value, dict):
        return {key: strip_ids(item) for key, item in value.items()}
    return value


def answer_of(question) -> tuple[str, dict]:
    kind, value = answer_values(question)
    return kind, strip_ids(value)


def richer_bodies(image_pk: int) -> dict[str, str]:
    """Beyond the factory samples: the features each format must carry."""
    return {
        "thirds and penalties": body(
            "multiple_response",
            options=[
                {"text": "a: {x}", "credit": 1 / 3, "feedback": "one third # really"},
                {"text": "b = c", "credit": 1 / 3, "feedback": ""},
                {"text": "c ~ d", "credit": 1 / 3, "feedback": "f"},
                {"text": "wrong <b>", "credit": -0.5, "feedback": "penalty"},
            ],
        ),
        "partial single choice": body(
            "single_choice",
            options=[
                {"text": "Best", "credit": 1.0, "feedback": "yes"},
                {"text": "Half", "credit": 0.5, "feedback": "partly"},
                {"text": "Bad", "credit": -0.25, "feedback": ""},
            ],
        ),
        "false with feedback": body(
            "true_false", answer=False, feedback_true="No: it is false", feedback_false="Right"
        ),
        "numeric alternatives": body(
            "numeric",
            answers=[
                {"value": "25.5", "tolerance": "0.5", "minimum": None, "maximum": None,
                 "credit": 1.0},
                {"value": "25", "tolerance": "3", "minimum": None, "maximum": None,
                 "credit": 0.5},
            ],
            unit="mm",
        ),
        "weighted short text": body(
            "short_text",
            answers=[{"text": "Pneumothorax", "credit": 1.0}, {"text": "lung*", "credit": 0.5}],
            case_sensitive=False,
        ),
        "partial ordering": body("ordering", items=["First", "Second", "Third"], partial=True),
        "hotspot": body(
            "hotspot",
            image=image_pk,
            image_alt="A diagram",
            zones=[{"shape": "circle", "coords": "137.25, 88.5, 12", "credit": 1.0}],
        ),
    }  # fmt: skip


@pytest.fixture
def source_bank(db):
    bank = QuestionBank.objects.create(name="Source bank")
    image = wagtail_factories.ImageFactory(file__width=400, file__height=300)
    for kind in SAMPLE_BODIES:
        QuestionFactory(bank=bank, kind=kind, title=f"Sample {kind}")
    tagged = bank.questions.get(title="Sample true_false")
    tagged.tags.add("safety", "consent")
    tagged.save()
    for title, raw in richer_bodies(image.pk).items():
        QuestionFactory(bank=bank, title=title, body=raw)
    return bank
