"""Rows for the Open Badges 3.0 credentials: one per signed credential, one per status list."""

from django.db import models


class IssuedCredential(models.Model):
    """A signed OpenBadgeCredential for one issue (or re-issue) of a certificate.

    Kept for good: the holder may have downloaded it, so its status-list bit must stay theirs.
    ``status_index`` is drawn at random (the Bitstring Status List's advice against correlating
    holders by index) and is unique: the database, not a check in Python, refuses a clash.
    """

    class Standing(models.TextChoices):
        LIVE = "live", "Live"
        REVOKED = "revoked", "Revoked with the certificate"
        SUPERSEDED = "superseded", "Replaced by a re-issue"

    certificate = models.ForeignKey(
        "certificates.Certificate", on_delete=models.CASCADE, related_name="credentials"
    )
    credential_id = models.CharField(max_length=64, unique=True)
    code = models.CharField(max_length=16, help_text="The certificate code it was issued for.")
    status_index = models.PositiveIntegerField(unique=True)
    kid = models.CharField(max_length=300)
    jwt = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    standing = models.CharField(max_length=16, choices=Standing.choices, default=Standing.LIVE)
    status_set_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate"],
                condition=models.Q(standing="live"),
                name="one_live_credential_per_certificate",
            )
        ]

    def __str__(self):
        return f"{self.credential_id} ({self.get_standing_display()})"


class StatusListPublication(models.Model):
    """The signed BitstringStatusListCredential as last rebuilt; the public URL serves it."""

    purpose = models.CharField(max_length=16, unique=True, default="revocation")
    jwt = models.TextField()
    revoked_count = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField()

    def __str__(self):
        return f"{self.purpose} list built {self.built_at:%Y-%m-%d %H:%M}"
