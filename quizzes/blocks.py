"""One StreamField block per question type: each is the editing panel for that type.

A question's body holds exactly one of these blocks. When an attempt starts, the block's value is
frozen into the attempt (see quizzes/snapshots.py), so later edits never change it.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks import BlockGroup, StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from quizzes.marking import mark_short_text
from quizzes.snapshots import choice_text, coordinate_numbers, short_text_key


def _refuse(message: str, field: str | None = None):
    """Raise a StructBlock error on one field, or on the whole block."""
    if field:
        raise StructBlockValidationError(block_errors={field: ValidationError(message)})
    raise StructBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))


CREDIT_HELP = "Share of the points this earns: 1 = full marks, 0.5 = half."
PENALTY_HELP = "Share of the points: 1 = full marks, 0.5 = half, negative = a penalty."


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=500)
    credit = blocks.FloatBlock(min_value=-1, max_value=1, default=0, help_text=PENALTY_HELP)
    feedback = blocks.CharBlock(required=False, max_length=500, help_text="Shown after marking.")


class SingleChoiceBlock(blocks.StructBlock):
    """One answer to pick. The best option has credit 1; partial credit is allowed."""

    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=12)

    def clean(self, value):
        value = super().clean(value)
        if not any(option["credit"] >= 1 for option in value["options"]):
            _refuse("Give one option credit 1, so full marks are possible.")
        return value

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

    def clean(self, value):
        value = super().clean(value)
        total = sum(option["credit"] for option in value["options"] if option["credit"] > 0)
        if abs(total - 1) > 0.01:
            _refuse(f"The right options' credits must add up to 1 (they add up to {total:g}).")
        return value

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

    def clean(self, value):
        value = super().clean(value)
        has_range = value["minimum"] is not None or value["maximum"] is not None
        if has_range:
            if value["minimum"] is None or value["maximum"] is None:
                _refuse("Give both a minimum and a maximum, or neither.", "maximum")
            if value["minimum"] > value["maximum"]:
                _refuse("The minimum must not be above the maximum.", "maximum")
        elif value["value"] is None:
            _refuse("Give the answer, or a minimum and maximum.", "value")
        return value


class NumericBlock(blocks.StructBlock):
    """A number, within a tolerance or a range; alternatives may earn partial credit."""

    answers = blocks.ListBlock(NumericAnswerBlock(), min_num=1, max_num=10)
    unit = blocks.CharBlock(required=False, max_length=30, help_text="Shown after the input box.")

    class Meta:
        icon = "order"
        label = "Numeric"


class AcceptedTextBlock(blocks.StructBlock):
    """One accepted answer. The three options are on for a new answer: a trainee who writes
    "a collapsed lung." knows the answer. Untick one where it matters (e.g. plural for "how
    many"). Answers stored before the options existed have them off (data migration
    short_text_options_off_for_stored_answers)."""

    text = blocks.CharBlock(
        max_length=200,
        help_text=(
            "Case and extra spaces never count. Use * for any run of characters, e.g. "
            "pneumothora*; a * also accepts wrong answers that contain the rest, so prefer "
            "writing out each phrasing."
        ),
    )
    credit = blocks.FloatBlock(min_value=0, max_value=1, default=1, help_text=CREDIT_HELP)
    ignore_articles = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Ignore a leading a / an / the",
        help_text=(
            "'a pneumothorax' counts as 'pneumothorax'; 'no' and 'not' always count. Untick "
            "for an answer that starts with a letter name, e.g. 'A fibres'."
        ),
    )
    ignore_punctuation = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Ignore punctuation around the answer",
        help_text="'Collapsed lung.' counts; punctuation inside the answer still counts.",
    )
    singular_or_plural = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Accept singular or plural",
        help_text=(
            "Each whole word of this answer also matches its English singular or plural: "
            "'lung' takes 'lungs', 'pneumothorax' takes 'pneumothoraces'. Not a word next to a *."
        ),
    )

    class Meta:
        label_format = "{text}"  # a collapsed answer shows its text
        form_layout = BlockGroup(
            children=[
                "text",
                "credit",
                BlockGroup(
                    children=["ignore_articles", "ignore_punctuation", "singular_or_plural"],
                    heading="Marking options for this answer",
                    help_text=(
                        "Ticked for a new answer. Untick one where the difference matters, e.g. "
                        "plural when the question asks how many."
                    ),
                    icon="cog",
                ),
            ]
        )


class ShortTextBlock(blocks.StructBlock):
    """A word or short phrase, compared ignoring case and extra spaces, and (per accepted
    answer) leading articles, surrounding punctuation and singular/plural."""

    answers = blocks.ListBlock(AcceptedTextBlock(), min_num=1, max_num=20)
    case_sensitive = blocks.BooleanBlock(
        required=False,
        help_text="For every answer above: 'Lung' then differs from 'lung'. Rarely wanted.",
    )
    model_answer = blocks.CharBlock(
        required=False,
        default="",
        max_length=200,
        help_text=(
            "The answer the review shows as correct, written out, e.g. 'Pneumothorax (a "
            "collapsed lung)'. It must earn full marks. If empty: the first full-credit answer "
            "without a *."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        model_answer = value["model_answer"].strip()
        if model_answer:
            key = short_text_key(value)
            if not mark_short_text(key, {"text": model_answer}).is_correct:
                _refuse(
                    "The model answer must earn full marks: accept it (or a pattern that "
                    "matches it) with credit 1 above.",
                    "model_answer",
                )
        return value

    class Meta:
        icon = "pick"
        label = "Short text"


class PairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(max_length=300)
    answer = blocks.CharBlock(max_length=300)


class MatchingBlock(blocks.StructBlock):
    """Match each prompt to an answer; extra wrong answers can be added as distractors.
    Several prompts may share an answer: trainees see it once, as one choice."""

    pairs = blocks.ListBlock(PairBlock(), min_num=2, max_num=12)
    distractors = blocks.ListBlock(blocks.CharBlock(max_length=300), required=False, max_num=6)

    def clean(self, value):
        value = super().clean(value)
        prompts, answers, distractors = set(), set(), set()
        for pair in value["pairs"]:
            prompt = choice_text(pair["prompt"])
            if prompt in prompts:  # trainees could not tell the two apart
                _refuse(f"The prompt '{prompt[:60]}' appears more than once.", "pairs")
            prompts.add(prompt)
            answers.add(choice_text(pair["answer"]))
        for distractor in map(choice_text, value["distractors"]):
            if distractor in answers:
                _refuse(f"'{distractor[:60]}' is already an answer, so it is no distractor.",
                        "distractors")  # fmt: skip
            if distractor in distractors:
                _refuse(
                    f"The distractor '{distractor[:60]}' appears more than once.", "distractors"
                )
            distractors.add(distractor)
        return value

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
        choices=[("circle", "Circle"), ("rect", "Rectangle"), ("polygon", "Polygon")],
        default="circle",  # a new zone has a shape, so the zone editor can say how to draw it
    )
    coords = blocks.CharBlock(
        max_length=2000,
        help_text=(
            "In image pixels. Circle: x, y, radius. Rectangle: left, top, width, height. "
            "Polygon: x1, y1, x2, y2, … (at least three points)."
        ),
    )
    credit = blocks.FloatBlock(min_value=0, max_value=1, default=1, help_text=CREDIT_HELP)

    def clean(self, value):
        value = super().clean(value)
        try:
            numbers = coordinate_numbers(value["coords"])
        except ValueError:
            _refuse("Use numbers separated by commas.", "coords")
        shape = value["shape"]
        if shape == "circle" and (len(numbers) != 3 or numbers[2] <= 0):
            _refuse("A circle needs x, y and a radius above 0.", "coords")
        if shape == "rect" and (len(numbers) != 4 or numbers[2] <= 0 or numbers[3] <= 0):
            _refuse("A rectangle needs left, top, width and height (above 0).", "coords")
        if shape == "polygon" and (len(numbers) < 6 or len(numbers) % 2):
            _refuse("A polygon needs at least three x, y points.", "coords")
        return value


class HotspotBlock(blocks.StructBlock):
    """The trainee places a marker on an image; zones define where it earns credit.

    This image is the question's only picture: the question-level image is not used (nor shown
    in the editor) for hotspots."""

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
