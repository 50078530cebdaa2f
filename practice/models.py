"""Practical skills: a page in the course tree, the trainee's logged practice, and sign-offs.

A skill is a page (under a course or a module) so it takes its place in the outline, the
"next step" and the progress figure like lessons and quizzes, and page permissions on the course
say who may sign it off. What was signed is frozen into the sign-off with a hash, so a later edit
of the skill's criteria never changes a past signature.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.public import KeptViewRestrictionsMixin


class PracticalSkillPage(KeptViewRestrictionsMixin, Page):
    """A hands-on skill a trainee practises under supervision and an instructor signs off."""

    summary = models.CharField(
        max_length=300, help_text="One sentence shown in the outline and the logbook."
    )
    demonstrate = RichTextField(
        "what the trainee must demonstrate",
        features=["bold", "italic", "ul", "ol", "link"],
        help_text="The task, the setting and the safety precautions the supervisor looks for.",
    )
    min_repetitions = models.PositiveSmallIntegerField(
        "supervised repetitions required",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Sessions the trainee must log before asking for sign-off.",
    )
    is_required = models.BooleanField(
        "required for completion",
        default=True,
        help_text="A required skill must be signed off before the certificate is issued.",
    )
    allow_external_supervisor = models.BooleanField(
        default=False,
        help_text="Let trainees invite a clinician who is not a site user to sign off, by email.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("demonstrate"),
        InlinePanel(
            "criteria",
            heading="Observable criteria",
            label="Criterion",
            min_num=1,
            help_text="Each one something a supervisor can see done; all must be observed.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("min_repetitions"),
                FieldPanel("is_required"),
                FieldPanel("allow_external_supervisor"),
                InlinePanel(
                    "prerequisites",
                    heading="Quizzes to pass first",
                    label="Quiz to pass first",
                    help_text="Practice can be logged only once these are passed in the "
                    "trainee's current enrollment cycle.",
                ),
            ],
            heading="Course rules",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = "practical skill"

    def get_context(self, request, *args, **kwargs):
        from practice.selectors import skill_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(skill_page_context(skill=self, user=request.user))
        return context


class SkillCriterion(Orderable):
    skill = ParentalKey(PracticalSkillPage, on_delete=models.CASCADE, related_name="criteria")
    text = models.CharField(max_length=300)

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text


class SkillPrerequisite(Orderable):
    skill = ParentalKey(PracticalSkillPage, on_delete=models.CASCADE, related_name="prerequisites")
    required_quiz = models.ForeignKey(
        "quizzes.QuizPage",
        on_delete=models.CASCADE,
        related_name="required_by_skills",
        verbose_name="quiz to pass first",
    )

    panels = [FieldPanel("required_quiz")]

    class Meta(Orderable.Meta):
        verbose_name = "prerequisite"

    @property
    def key(self) -> str:
        return f"quiz:{self.required_quiz_id}"


class PracticeSession(models.Model):
    """One supervised practice session the trainee logged for a skill."""

    class Setting(models.TextChoices):
        COURSE = "course", "Practical course day"
        CLINIC = "clinic", "Clinic, with a patient"
        PEER = "peer", "Peer practice"
        OTHER = "other", "Other"

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="practice_sessions"
    )
    skill = models.ForeignKey(PracticalSkillPage, on_delete=models.PROTECT, related_name="+")
    practised_on = models.DateField()
    setting = models.CharField(max_length=10, choices=Setting.choices)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervised_sessions",
    )
    external_supervisor = models.CharField(max_length=150, blank=True)
    criteria_met = models.JSONField(default=list)  # [{"id": 3, "text": "…"}] as shown
    reflection = models.TextField(blank=True, max_length=4000)
    logged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["practised_on", "logged_at"]
        indexes = [models.Index(fields=["enrollment", "skill"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(supervisor__isnull=False, external_supervisor="")
                | Q(supervisor__isnull=True) & ~Q(external_supervisor=""),
                name="practice_session_one_supervisor",
            )
        ]

    def __str__(self):
        return f"{self.skill_id} practised on {self.practised_on}"

    @property
    def supervisor_name(self) -> str:
        if self.supervisor_id:
            return self.supervisor.get_full_name() or self.supervisor.email
        return self.external_supervisor


class SignOffRequest(models.Model):
    """A trainee's request that a skill be signed off, and what became of it.

    A return keeps the row (with the comment) and the trainee re-submits as a new row, so the
    history stays. At most one request per skill and enrollment is awaiting or signed.
    """

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Awaiting sign-off"
        RETURNED = "returned", "Returned with a comment"
        SIGNED = "signed", "Signed off"
        WITHDRAWN = "withdrawn", "Sign-off withdrawn"

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="signoff_requests"
    )
    skill = models.ForeignKey(PracticalSkillPage, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AWAITING)
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    external_signer_name = models.CharField(max_length=150, blank=True)
    external_signer_registration = models.CharField(max_length=60, blank=True)
    comment = models.TextField(blank=True, max_length=4000)  # why it was returned
    signed_content = models.JSONField(null=True, blank=True)  # what was signed, frozen
    signed_hash = models.CharField(max_length=64, blank=True)  # SHA-256 of signed_content
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawal_reason = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "skill"],
                condition=Q(status__in=["awaiting", "signed"]),
                name="one_open_signoff_request",
            )
        ]

    def __str__(self):
        return f"Sign-off of {self.skill_id} for enrollment {self.enrollment_id}"

    @property
    def signer_name(self) -> str:
        if self.decided_by_id:
            return self.decided_by.get_full_name() or self.decided_by.email
        return self.external_signer_name


class SupervisorInvitation(models.Model):
    """An emailed, single-use, expiring link for an external clinician to sign one request.

    Only a SHA-256 digest of the link's token is stored: a database dump cannot be used to sign.
    """

    request = models.ForeignKey(SignOffRequest, on_delete=models.CASCADE, related_name="invites")
    email = models.EmailField()
    name = models.CharField(max_length=150)
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation to {self.email} for request {self.request_id}"
