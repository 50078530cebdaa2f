"""The course tree: CourseIndexPage → CoursePage → ModulePage → LessonPage."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import RICH_TEXT_FEATURES, LessonBodyBlock
from courses.public import KeptViewRestrictionsMixin


class CourseIndexPage(KeptViewRestrictionsMixin, Page):
    """Lists the published courses."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "course index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("path")
        )
        return context


class CoursePage(KeptViewRestrictionsMixin, Page):
    summary = models.TextField(
        max_length=600, help_text="One or two sentences shown in course lists."
    )
    learning_outcomes = RichTextField(features=["ul", "ol", "bold", "italic"], blank=True)
    audience = models.TextField(
        blank=True, help_text="Who the course is for and what they need first."
    )
    cpd_hours = models.DecimalField(
        "CPD hours",
        max_digits=5,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
    )
    validity_months = models.PositiveSmallIntegerField(
        "certificate validity (months)",
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text="How long a certificate stays valid before recertification.",
    )
    estimated_duration = models.CharField(
        max_length=60, blank=True, help_text='e.g. "about 6 hours"'
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrolment_open = models.BooleanField(
        default=True, help_text="Untick to stop new enrolments; enrolled trainees keep access."
    )
    sources = RichTextField(
        "sources and further reading",
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="What the course content is based on, so trainees can judge it.",
    )
    is_sample_content = models.BooleanField(
        default=False, help_text="Shows a 'sample content' banner on every page of the course."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("learning_outcomes"),
        FieldPanel("audience"),
        FieldPanel("sources"),
        MultiFieldPanel(
            [
                FieldPanel("cpd_hours"),
                FieldPanel("estimated_duration"),
                FieldPanel("validity_months"),
                FieldPanel("enrolment_open"),
                FieldPanel("is_sample_content"),
            ],
            heading="Enrolment and certification",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.SearchField("audience"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    # Quizzes and skills live in apps that depend on this one; naming them here keeps that so.
    subpage_types = ["courses.ModulePage", "quizzes.QuizPage", "practice.PracticalSkillPage"]
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = "course"

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self, user=request.user, request=request))
        return context


class ModulePage(KeptViewRestrictionsMixin, Page):
    intro = models.TextField(blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "quizzes.QuizPage", "practice.PracticalSkillPage"]
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = "module"

    def serve(self, request, *args, **kwargs):
        """A module has no page of its own: send people to the course outline, at this module."""
        from django.shortcuts import redirect

        course = CoursePage.objects.ancestor_of(self).first()
        return redirect(f"{course.get_url(request)}#module-{self.pk}")


class LessonPage(KeptViewRestrictionsMixin, Page):
    summary = models.CharField(
        max_length=300, help_text="One sentence shown in outlines and search."
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    is_required = models.BooleanField(
        "required for completion",
        default=True,
        help_text="Optional lessons are offered but do not count towards completion.",
    )
    body = StreamField(LessonBodyBlock(), use_json_field=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("is_required"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = "lesson"

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_page_context(lesson=self, user=request.user, request=request))
        return context
