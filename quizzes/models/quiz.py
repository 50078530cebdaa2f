from datetime import timedelta

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from courses.public import KeptViewRestrictionsMixin
from quizzes.cooldown import amount_in_words, cooldown_delta, largest_unit
from quizzes.page_forms import QuizPageForm


class ReviewPolicy(models.TextChoices):
    NONE = "none", "Nothing (only passed or not)"
    SCORE = "score", "Score, and the must-pass items missed"
    RESPONSES = "responses", "Score and own responses"
    ANSWERS = "answers", "Correct answers and feedback"


class ReviewTiming(models.TextChoices):
    IMMEDIATELY = "immediately", "Immediately after each attempt"
    AFTER_PASS = "after_pass", "Once the trainee has passed"
    AFTER_LAST = "after_last", "After the trainee's last allowed attempt"
    PASS_OR_LAST = "pass_or_last", "Once passed, or after the last allowed attempt"
    AFTER_CLOSE = "after_close", "After the quiz closes"


class CooldownUnit(models.TextChoices):
    MINUTES = "minutes", "minutes"
    HOURS = "hours", "hours"
    DAYS = "days", "days"


REVIEW_TIMING_HELP = (
    "When a trainee may see the correct answers and feedback (or, with “own responses”, which "
    "items they got right). Until then a submitted attempt shows only the score, passed or not, "
    "and the must-pass items missed with their reason. “Once passed, or after the last allowed "
    "attempt” keeps retakes honest: nobody retakes from the key, and a trainee who used every "
    "attempt still learns from it. If an instructor grants another attempt, the answers are "
    "hidden again until it is used. With unlimited attempts there is no last attempt: the "
    "answers then wait for a pass, or for the closing date."
)


class QuizPage(KeptViewRestrictionsMixin, Page):
    """A quiz in a course or module. Questions come from slots: a question, a variant, or a draw."""

    intro = RichTextField(blank=True, features=["bold", "italic", "ul", "ol", "link"])
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)", default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        default=0, help_text="0 for no time limit."
    )
    attempts_allowed = models.PositiveSmallIntegerField(default=3, help_text="0 for unlimited.")
    cooldown_amount = models.PositiveIntegerField(
        "wait after a failed attempt",
        default=0,
        validators=[MaxValueValidator(999)],
        help_text="Before the next attempt may start; 0 for no wait. A pass needs no wait.",
    )
    cooldown_unit = models.CharField(
        "unit", max_length=8, choices=CooldownUnit.choices, default=CooldownUnit.HOURS
    )
    available_from = models.DateTimeField(null=True, blank=True)
    available_until = models.DateTimeField(null=True, blank=True)
    shuffle_questions = models.BooleanField(default=True)
    shuffle_options = models.BooleanField(default=True)
    questions_per_page = models.PositiveSmallIntegerField(
        default=0, help_text="0 shows every question on one page; 1 shows one at a time."
    )
    review_policy = models.CharField(
        max_length=16, choices=ReviewPolicy.choices, default=ReviewPolicy.ANSWERS
    )
    review_timing = models.CharField(
        "show the review",
        max_length=16,
        choices=ReviewTiming.choices,
        default=ReviewTiming.PASS_OR_LAST,
        help_text=REVIEW_TIMING_HELP,
    )
    is_required = models.BooleanField(
        "required for course completion",
        default=True,
    )
    unlocks_module = models.ForeignKey(
        "courses.ModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Lessons of this module stay locked until the trainee passes this quiz.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("slots", heading="Questions", label="Question or draw rule", min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("time_limit_minutes")]),
                FieldPanel("attempts_allowed"),
                FieldRowPanel([FieldPanel("cooldown_amount"), FieldPanel("cooldown_unit")]),
                FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
            ],
            heading="Rules",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]),
                FieldPanel("questions_per_page"),
                FieldPanel("review_policy"),
                FieldPanel("review_timing"),  # its long help needs the full width
            ],
            heading="Presentation and review",
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_required"),
                FieldPanel("unlocks_module"),
                InlinePanel(
                    "prerequisites",
                    heading="Prerequisites",
                    label="Quiz to pass first",
                    help_text="Quizzes of this course the trainee must pass (in the current "
                    "enrollment cycle) before starting this one.",
                ),
            ],
            heading="Course rules",
        ),
    ]
    base_form_class = QuizPageForm
    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = "quiz"

    @property
    def cooldown(self) -> timedelta:
        return cooldown_delta(self.cooldown_amount, self.cooldown_unit)

    @property
    def cooldown_text(self) -> str:
        return amount_in_words(self.cooldown_amount, self.cooldown_unit)

    @property
    def cooldown_minutes(self) -> int:
        """The wait in minutes; setting it picks the largest exact unit (kept for callers and
        fixtures written before the wait had a unit)."""
        return int(self.cooldown.total_seconds() // 60)

    @cooldown_minutes.setter
    def cooldown_minutes(self, minutes: int) -> None:
        self.cooldown_amount, self.cooldown_unit = largest_unit(minutes)

    def get_context(self, request, *args, **kwargs):
        from quizzes.selectors import quiz_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_page_context(quiz=self, user=request.user))
        return context


class QuizSlot(Orderable, ClusterableModel):
    """One question; or `count` drawn from a category (with required items and coverage rules);
    or one variant from a variant set. The rules themselves live in quizzes/draws.py."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(
        "quizzes.Question",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Always this question…",
    )
    variant_set = models.ForeignKey(
        "quizzes.VariantSet",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="…or one question from this set, preferring one the trainee has not seen…",
    )
    category = models.ForeignKey(
        "quizzes.QuestionCategory",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="…or draw at random from this category (and its sub-categories)…",
    )
    count = models.PositiveSmallIntegerField(
        default=1, help_text="…this many questions, including those below."
    )
    required_questions = ParentalManyToManyField(
        "quizzes.Question",
        blank=True,
        related_name="+",
        verbose_name="always include",
        help_text="In every attempt, counted in the draw; they must be in the category. "
        "Ctrl- or Cmd-click to choose several.",
    )
    cover_subcategories = models.BooleanField(
        "one from each sub-category",
        default=False,
        help_text="Every sub-category of the category appears at least once.",
    )
    coverage_tags = ParentalManyToManyField(
        "taggit.Tag",
        blank=True,
        related_name="+",
        limit_choices_to={"quizzes_questiontag_items__isnull": False},
        verbose_name="one with each tag",
        help_text="Each tag ticked here is on at least one drawn question (tags of questions).",
    )

    panels = [
        FieldRowPanel([FieldPanel("question"), FieldPanel("variant_set")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("count")]),
        FieldPanel("required_questions"),
        FieldRowPanel(
            [
                FieldPanel("cover_subcategories"),
                FieldPanel("coverage_tags", widget=forms.CheckboxSelectMultiple),
            ]
        ),
    ]

    def clean(self):
        from django.core.exceptions import ValidationError

        chosen = [self.question_id, self.variant_set_id, self.category_id]
        if sum(bool(value) for value in chosen) != 1:
            raise ValidationError(
                "Choose one: a question, a variant set, or a category to draw from."
            )


class QuizPrerequisite(Orderable):
    """Something a trainee must have done before starting the quiz: today, another quiz passed.

    Checked by requirement key ("quiz:7"), the key completion uses, against the trainee's done
    keys of every provider: a practical skill signed off (issue 13) becomes a second, nullable
    target here whose `key` is "skill:<id>", with nothing else to change in the check.
    """

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="prerequisites")
    required_quiz = models.ForeignKey(
        QuizPage,
        on_delete=models.CASCADE,  # deleting the required quiz removes the rule
        related_name="required_by",
        verbose_name="quiz to pass first",
    )

    panels = [FieldPanel("required_quiz")]

    class Meta(Orderable.Meta):
        verbose_name = "prerequisite"

    @property
    def key(self) -> str:
        return f"quiz:{self.required_quiz_id}"
