"""The question bank: questions (one typed block each), categories, banks and case scenarios."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import RevisionMixin
from wagtail.search import index

from quizzes.admin_forms import QuestionForm
from quizzes.admin_panels import ItemChecksPanel
from quizzes.blocks import QUESTION_TYPE_LABELS, QUESTION_TYPES

STEM_FEATURES = ["bold", "italic", "ol", "ul", "superscript", "subscript"]


class QuestionBank(models.Model):
    """A named set of questions, the unit of import and export."""

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class QuestionCategory(models.Model):
    """A topic; a sub-category (one with a parent) lets a draw require one item from each."""

    name = models.CharField(max_length=120, unique=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="inside category",
        help_text="Makes this a sub-category, e.g. “Pregnancy” inside “Contraindications”.",
    )
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("parent"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "question categories"

    def __str__(self):
        return self.name  # not "parent › name": listings would read each parent row by row

    def clean(self):
        from django.core.exceptions import ValidationError

        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": "A category cannot sit inside itself."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class VariantSet(models.Model):
    """Interchangeable questions (same objective, other wording or case): a slot shows one."""

    name = models.CharField(max_length=120, unique=True)
    objective = models.TextField(
        blank=True, help_text="What every variant examines; for authors and item analysis."
    )

    panels = [FieldPanel("name"), FieldPanel("objective")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Scenario(index.Indexed, models.Model):
    """A shared clinical vignette that several questions refer to."""

    title = models.CharField(max_length=200)
    vignette = RichTextField(features=STEM_FEATURES)
    key = models.SlugField(
        max_length=100, blank=True, editable=False, help_text="Its name in a course package."
    )

    panels = [FieldPanel("title"), FieldPanel("vignette")]
    search_fields = [index.SearchField("title"), index.SearchField("vignette")]

    class Meta:
        ordering = ["title"]
        verbose_name = "case scenario"

    def __str__(self):
        return self.title


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(
        "quizzes.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Question(RevisionMixin, index.Indexed, ClusterableModel):
    bank = models.ForeignKey(QuestionBank, on_delete=models.PROTECT, related_name="questions")
    category = models.ForeignKey(
        QuestionCategory,
        on_delete=models.PROTECT,
        related_name="questions",
        null=True,
        blank=True,
    )
    title = models.CharField(
        max_length=200, help_text="A short internal name, not shown to trainees."
    )
    stem = RichTextField(features=STEM_FEATURES, help_text="The question as trainees read it.")
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown above the question. A hotspot question uses the image in its answer.",
    )
    image_alt = models.CharField(max_length=300, blank=True)
    points = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(1), validators=[MinValueValidator(0)]
    )
    critical = models.BooleanField(
        "must-pass safety item",
        default=False,
        help_text="Answering this wrong fails the attempt, whatever the score.",
    )
    critical_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why this is safety-critical; shown to a trainee who gets it wrong.",
    )
    general_feedback = RichTextField(features=STEM_FEATURES, blank=True)
    scenario = models.ForeignKey(
        Scenario, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    variant_set = models.ForeignKey(
        VariantSet,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        verbose_name="variant of",
        help_text="A quiz slot drawing from this set shows one of its questions per attempt.",
    )
    body = StreamField(QUESTION_TYPES, min_num=1, max_num=1, use_json_field=True)
    question_type = models.CharField(max_length=32, editable=False, db_index=True)
    tags = ClusterTaggableManager(through=QuestionTag, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    key = models.SlugField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="Its stable name in a course package: an update finds it by this.",
    )
    creation_token = models.UUIDField(
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="The editor form that created this question: saving that form again edits it.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldRowPanel([FieldPanel("bank"), FieldPanel("category")]),
                FieldPanel("tags"),
                FieldPanel("variant_set"),
            ],
            heading="Filing",
        ),
        FieldPanel("scenario"),
        FieldPanel("stem"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("body", heading="Answer"),
        FieldRowPanel([FieldPanel("points"), FieldPanel("critical")]),
        FieldPanel("critical_reason"),
        FieldPanel("general_feedback"),
        ItemChecksPanel(),
    ]
    base_form_class = QuestionForm
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("stem"),
        index.FilterField("question_type"),
        index.FilterField("critical"),
        index.FilterField("category_id"),
        index.FilterField("bank_id"),
    ]

    class Meta:
        ordering = ["bank", "category__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "key"],
                condition=~models.Q(key=""),
                name="question_key_unique_in_bank",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.question_type = self.body[0].block_type if len(self.body) else ""
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.critical and not self.critical_reason.strip():
            errors["critical_reason"] = "Say why this item is safety-critical."
        if self.image_id and len(self.body) and self.body[0].block_type == "hotspot":
            errors["image"] = (
                "A hotspot question shows the image in its answer, where its zones are drawn: "
                "remove this one."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def type_label(self) -> str:
        return QUESTION_TYPE_LABELS.get(self.question_type, self.question_type)

    type_label.fget.short_description = "Type"
