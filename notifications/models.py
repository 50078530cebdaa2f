from django.db import models


class OutboxEmail(models.Model):
    """An email recorded in the transaction that caused it, then sent once by a worker.

    `key` names the event ("practice.signoff-request:12"): queueing the same event twice records
    one email, so a repeated click or a retried request never mails twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        FAILED = "failed", "Refused, will retry"
        SENT = "sent", "Sent"
        GAVE_UP = "gave_up", "Gave up after 3 days"

    key = models.CharField(max_length=200, unique=True)
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to} ({self.get_status_display()})"
