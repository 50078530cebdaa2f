from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models


class Profession(models.TextChoices):
    PHYSIOTHERAPIST = "physiotherapist", "Physiotherapist"
    CHIROPRACTOR = "chiropractor", "Chiropractor"
    OSTEOPATH = "osteopath", "Osteopath"
    SPORTS_THERAPIST = "sports_therapist", "Sports therapist"
    DOCTOR = "doctor", "Medical doctor"
    STUDENT = "student", "Student clinician"
    OTHER = "other", "Other health professional"


class EmailUserManager(UserManager):
    """Users log in by email; there is no username."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A clinician. `full_name` is the name printed on certificates, so we ask for it as written."""

    username = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(
        max_length=150, help_text="Your name as it should appear on certificates."
    )
    profession = models.CharField(max_length=32, choices=Profession.choices, blank=True)
    registration_number = models.CharField(
        "professional registration number",
        max_length=64,
        blank=True,
        help_text="Optional, for example your HCPC or AHPRA number. Printed on certificates.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = EmailUserManager()

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or super().get_full_name() or self.email

    def get_short_name(self):
        return (self.full_name.split() or [self.email])[0]
