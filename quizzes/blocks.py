"""One StreamField block per question type: each is the editing panel for that type.

A question's body holds exactly one of these blocks. When an attempt starts, the block's value is
frozen into the attempt (see quizzes/snapshots.py), so later edits never change it.
"""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

CREDIT_HELP = "Share of the points this earns: 1 = full marks, 0.5 = half, negative = penalty."


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=500)
    credit = blocks.FloatBlock(min_value=-1, max_value=1, default=0, help_text=CREDIT_HELP)
    feedback = blocks.CharBlock(required=False, max_length=500, help_text="Shown after marking.")


class SingleChoiceBlock(blocks.StructBlock):
    """One answer to pick. The best option has credit 1; partial credit is allowed."""

    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=12)

    class Meta:
        icon = "radio-full"
        label = "Single choice"
        preview_value = {
            "options": [{"text": "Pregnancy", "credit": 1}, {"text": "Age 30", "credit": 0}]
        }


class MultipleResponseBlock(blocks.StructBlock):
    """Several answers to tick. Right options share credit 1; wrong ones may carry a penalty.
    The question's mark never goes below 0."""

    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=12)

    class Meta:
        icon = "tick-inverse"
        label = "Multiple response"


class TrueFalseBlock(blocks.StructBlock):
    """A statement that is true or false."""

    answer = blocks.BooleanBlock(required=False, help_text="Tick if the statement is true.")
    feedback_true = blocks.CharBlock(required=False, max_length=500, label="Feedback for 'true'")
    feedback_false = blocks.CharBlock(required=False, max_length=500, label="Feedback for 'false'")

    class Meta:
        icon = "help"
        label = "True / false"


class NumericAnswerBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(required=False, help_text="The answer (with a tolerance), or…")
    tolerance = blocks.DecimalBlock(required=False, min_value=0, default=0)
    minimum = blocks.DecimalBlock(required=False, help_text="…a range: minimum and maximum.")
    maximum = blocks.DecimalBlock(required=False)
    credit = blocks.FloatBlock(min_value=0, max_value=1, default=1, help_text=CREDIT_HELP)


class NumericBlock(blocks.StructBlock):
    """A number, within a tolerance or a range; alternatives may earn partial credit."""

    answers = blocks.ListBlock(NumericAnswerBlock(), min_num=1, max_num=10)
    unit = blocks.CharBlock(required=False, max_length=30, help_text="Shown after the input box.")

    class Meta:
        icon = "order"
        label = "Numeric"


class AcceptedTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, help_text="Use * as a wildcard, e.g. pneumothora*")
    credit = blocks.FloatBlock(min_value=0, max_value=1, default=1, help_text=CREDIT_HELP)


class ShortTextBlock(blocks.StructBlock):
    """A word or short phrase, compared ignoring case and extra spaces."""

    answers = blocks.ListBlock(AcceptedTextBlock(), min_num=1, max_num=20)
    case_sensitive = blocks.BooleanBlock(required=False)

    class Meta:
        icon = "pick"
        label = "Short text"


class PairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(max_length=300)
    answer = blocks.CharBlock(max_length=300)


class MatchingBlock(blocks.StructBlock):
    """Match each prompt to an answer; extra wrong answers can be added as distractors."""

    pairs = blocks.ListBlock(PairBlock(), min_num=2, max_num=12)
    distractors = blocks.ListBlock(blocks.CharBlock(max_length=300), required=False, max_num=6)

    class Meta:
        icon = "link"
        label = "Matching"


class OrderingBlock(blocks.StructBlock):
    """Put items in order, e.g. the steps of a treatment session. List them in the right order."""

    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=2, max_num=12)
    partial = blocks.BooleanBlock(
        required=False,
        help_text="Give credit for each item in its right place (else all or nothing).",
    )

    class Meta:
        icon = "list-ol"
        label = "Ordering"


class ZoneBlock(blocks.StructBlock):
    shape = blocks.ChoiceBlock(
        choices=[("circle", "Circle"), ("rect", "Rectangle"), ("polygon", "Polygon")]
    )
    coords = blocks.CharBlock(
        max_length=2000,
        help_text=(
            "In image pixels. Circle: x, y, radius. Rectangle: left, top, width, height. "
            "Polygon: x1, y1, x2, y2, … (at least three points)."
        ),
    )
    credit = blocks.FloatBlock(min_value=0, max_value=1, default=1, help_text=CREDIT_HELP)


class HotspotBlock(blocks.StructBlock):
    """The trainee places a marker on an image; zones define where it earns credit."""

    image = ImageChooserBlock()
    image_alt = blocks.CharBlock(max_length=300, help_text="Describe the image without the answer.")
    zones = blocks.ListBlock(ZoneBlock(), min_num=1, max_num=10)

    class Meta:
        icon = "image"
        label = "Image hotspot"


QUESTION_TYPES = [
    ("single_choice", SingleChoiceBlock()),
    ("multiple_response", MultipleResponseBlock()),
    ("true_false", TrueFalseBlock()),
    ("numeric", NumericBlock()),
    ("short_text", ShortTextBlock()),
    ("matching", MatchingBlock()),
    ("ordering", OrderingBlock()),
    ("hotspot", HotspotBlock()),
]
QUESTION_TYPE_LABELS = {name: block.meta.label for name, block in QUESTION_TYPES}
