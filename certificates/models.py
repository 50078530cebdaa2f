from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from certificates.codes import display


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
    cpd_hours = models.DecimalField(max_digits=5, decimal_places=1)
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.VALID)
    revoked_reason = models.CharField(max_length=300, blank=True)
    pdf = models.FileField(upload_to="certificates/", blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]  # one per enrollment, i.e. per (trainee, course, cycle)

    def __str__(self):
        return f"{self.holder_name} · {self.course_title} · {self.display_code}"

    @property
    def display_code(self) -> str:
        return display(self.code)

    @staticmethod
    def expiry_for(issued_at, validity_months: int):
        return issued_at + relativedelta(months=validity_months)
