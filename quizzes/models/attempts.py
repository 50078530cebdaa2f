from django.conf import settings
from django.db import models
from wagtail.models import RevisionMixin


class Attempt(models.Model):
    """One sitting of a quiz. Its questions are frozen copies taken when it started."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"

    quiz = models.ForeignKey("quizzes.QuizPage", on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField()
    seed = models.BigIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    auto_submitted = models.BooleanField(default=False)
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    percent = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField(null=True)
    failed_critical = models.BooleanField(default=False)

    # A trainee's record, not content: Wagtail's reference index (page "usage") would cost a
    # read and a write on every start and submit; the quiz is PROTECTed from deletion anyway.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="unique_attempt_number"
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return f"{self.user} · {self.quiz} · attempt {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class AttemptQuestion(models.Model):
    """A question as the attempt showed it (snapshot), the trainee's saved response and its mark."""

    wagtail_reference_index_ignore = True  # part of the attempt's record, like the attempt

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        "quizzes.Question", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField()
    slot = models.ForeignKey(
        "quizzes.QuizSlot",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The slot that drew this question (kept in the snapshot if the slot goes).",
    )
    variant_set = models.ForeignKey(
        "quizzes.VariantSet",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Set when a variant slot chose this question from its set.",
    )
    response = models.JSONField(default=dict, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    fraction = models.FloatField(null=True, blank=True)
    score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="unique_attempt_position"),
        ]

    def __str__(self):
        return f"{self.attempt_id} #{self.position}"


class QuizOverride(RevisionMixin, models.Model):
    """An instructor's exception for one trainee: more attempts, more time or another window.

    Every save is a revision: Wagtail's history shows who changed what, and when (the audit).
    """

    panels = [
        "quiz",
        "user",
        "extra_attempts",
        "extra_minutes",
        "available_from",
        "available_until",
        "reason",
    ]

    quiz = models.ForeignKey("quizzes.QuizPage", on_delete=models.CASCADE, related_name="overrides")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_overrides"
    )
    extra_attempts = models.PositiveSmallIntegerField(
        default=0,
        help_text="If the quiz shows its review after the last attempt, the trainee may have seen "
        "the answers: they are hidden again until the extra attempt is used.",
    )
    extra_minutes = models.PositiveSmallIntegerField(default=0)
    available_from = models.DateTimeField(null=True, blank=True)
    available_until = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=300, help_text="Why the exception was granted (audited).")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user"], name="one_override_per_trainee"),
        ]

    def __str__(self):
        return f"{self.user} on {self.quiz}: {self.reason}"
