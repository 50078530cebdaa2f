from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from certificates.codes import display
from certificates.storage import private_storage


class CertificateTemplate(models.Model):
    """The certificate design for one course, edited by instructors."""

    course = models.OneToOneField(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="certificate_template"
    )
    title = models.CharField(max_length=120, default="Certificate of completion")
    wording = RichTextField(
        features=["bold", "italic"],
        default="<p>has successfully completed the course</p>",
        help_text="Printed between the holder's name and the course title.",
    )
    signatory_name = models.CharField(max_length=120)
    signatory_role = models.CharField(max_length=120)
    signature = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accrediting_body = models.CharField(max_length=160, blank=True)
    provider_number = models.CharField(max_length=60, blank=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldPanel("wording"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_role")]),
                FieldRowPanel([FieldPanel("signature"), FieldPanel("logo")]),
            ],
            heading="Signatory and branding",
        ),
        FieldRowPanel([FieldPanel("accrediting_body"), FieldPanel("provider_number")]),
    ]

    def __str__(self):
        return f"Certificate design: {self.course}"


class Certificate(models.Model):
    """One certificate per enrollment (trainee, course, cycle); revoked ones stay for the record."""

    class Status(models.TextChoices):
        VALID = "valid", "Valid"
        REVOKED = "revoked", "Revoked"

    enrollment = models.OneToOneField(
        "courses.Enrollment", on_delete=models.PROTECT, related_name="certificate"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="certificates"
    )
    code = models.CharField(max_length=16, unique=True)
    holder_name = models.CharField(max_length=150)
    registration_number = models.CharField(max_length=64, blank=True)
    course_title = models.CharField(max_length=255)
    cpd_hours = models.DecimalField("CPD hours", max_digits=5, decimal_places=1)
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.VALID)
    revoked_reason = models.CharField(max_length=300, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    reissued_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to="certificates/", storage=private_storage, blank=True)
    pdf_rendered_at = models.DateTimeField("PDF rendered at", null=True, blank=True)
    # Set when something the certificate rested on was undone (a practical sign-off withdrawn):
    # an instructor looks, then revokes, re-issues or clears the flag. Never a silent revocation.
    review_reason = models.TextField("flagged for review because", blank=True)
    review_flagged_at = models.DateTimeField("flagged for review at", null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]  # one per enrollment, i.e. per (trainee, course, cycle)
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self):
        return f"{self.holder_name} · {self.course_title} · {self.display_code}"

    @property
    def display_code(self) -> str:
        return display(self.code)

    @staticmethod
    def expiry_for(issued_at, validity_months: int):
        return issued_at + relativedelta(months=validity_months)

    def standing(self, now) -> str:
        """valid, expired or revoked: what the verify page and the register say."""
        if self.status == self.Status.REVOKED:
            return "revoked"
        return "expired" if self.expires_at <= now else "valid"

    @property
    def flagged_for_review(self) -> bool:
        return self.review_flagged_at is not None

    def standing_now(self) -> str:
        from django.utils import timezone

        return self.standing(timezone.now())


class RetiredCode(models.Model):
    """A code a certificate carried before it was re-issued; verifying it explains what happened."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="retired_codes"
    )
    code = models.CharField(max_length=16, unique=True)
    retired_at = models.DateTimeField()
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["-retired_at"]

    def __str__(self):
        return display(self.code)


class CertificateEmail(models.Model):
    """One email about a certificate, kept as an outbox row so no send is lost or repeated.

    A task claims the row with a guarded update, sends, then marks it sent; the beat sweep
    re-queues rows that are pending, failed or stuck in "sending" after a worker died.
    """

    class Kind(models.TextChoices):
        DELIVERY = "delivery", "Certificate delivery"
        RESEND = "resend", "Resent on request"
        REISSUE = "reissue", "Re-issued certificate"
        REMINDER_60 = "reminder_60", "Expiry reminder (60 days)"
        REMINDER_30 = "reminder_30", "Expiry reminder (30 days)"
        REMINDER_7 = "reminder_7", "Expiry reminder (7 days)"
        REVOCATION = "revocation", "Revocation notice"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed, will retry"
        GAVE_UP = "gave_up", "Failed, gave up"
        CANCELLED = "cancelled", "Not sent: certificate revoked"

    # At most one row of these kinds per certificate (a constraint), however often they are queued.
    ONCE_ONLY = [
        Kind.DELIVERY,
        Kind.REMINDER_60,
        Kind.REMINDER_30,
        Kind.REMINDER_7,
        Kind.REVOCATION,
    ]

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient = models.EmailField(blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "kind"],
                condition=Q(
                    kind__in=["delivery", "reminder_60", "reminder_30", "reminder_7", "revocation"]
                ),
                name="one_email_of_each_once_only_kind",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.get_status_display()}"


# The Open Badges 3.0 rows live in their own module; importing them here registers them.
from certificates.credential_models import IssuedCredential, StatusListPublication  # noqa: E402, F401
