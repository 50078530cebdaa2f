"""Answer blocks refuse definitions the marker could not use, with a message for the instructor."""

import pytest
from django.core.exceptions import ValidationError

from quizzes import blocks


def clean(block, raw):
    return block.clean(block.to_python(raw))


def refusal(block, raw) -> str:
    """The messages an instructor would see next to the block."""
    with pytest.raises(ValidationError) as caught:
        clean(block, raw)
    error = caught.value
    parts = [str(e) for e in getattr(error, "non_block_errors", [])]
    parts += [" ".join(e.messages) for e in getattr(error, "block_errors", {}).values()]
    return " ".join(parts)


def options(*credits):
    return [{"text": f"Option {i}", "credit": c, "feedback": ""} for i, c in enumerate(credits)]


def test_single_choice_needs_a_full_mark_option():
    assert "credit 1" in refusal(blocks.SingleChoiceBlock(), {"options": options(0.5, 0)})
    clean(blocks.SingleChoiceBlock(), {"options": options(1, 0)})


def test_multiple_response_right_credits_sum_to_one():
    message = refusal(blocks.MultipleResponseBlock(), {"options": options(0.5, 0.3, -1)})
    assert "add up to 1 (they add up to 0.8)" in message
    clean(blocks.MultipleResponseBlock(), {"options": options(0.5, 0.5, -1)})


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"value": None, "tolerance": 0, "minimum": 24, "maximum": None}, "both a minimum"),
        ({"value": None, "tolerance": 0, "minimum": 48, "maximum": 24}, "not be above"),
        ({"value": None, "tolerance": 0, "minimum": None, "maximum": None}, "Give the answer"),
    ],
)
def test_numeric_answer_needs_a_value_or_a_range(answer, message):
    assert message in refusal(blocks.NumericAnswerBlock(), {**answer, "credit": 1})


@pytest.mark.parametrize(
    ("shape", "coords"),
    [("circle", "10, 20"), ("circle", "1, 2, 0"), ("rect", "1, 2, 3"), ("polygon", "1, 2, 3, 4"),
     ("circle", "a, b, c")],
)  # fmt: skip
def test_zone_coordinates_must_fit_the_shape(shape, coords):
    message = refusal(blocks.ZoneBlock(), {"shape": shape, "coords": coords, "credit": 1})
    assert "numbers" in message or "needs" in message


def test_good_zones_pass():
    for shape, coords in [("circle", "1,2,3"), ("rect", "0,0,5,5"), ("polygon", "0,0, 5,0, 3,4")]:
        clean(blocks.ZoneBlock(), {"shape": shape, "coords": coords, "credit": 1})
