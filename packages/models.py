"""An uploaded package waiting between its preview and the author's confirmation."""

from django.conf import settings
from django.db import models


class PendingPackage(models.Model):
    """The upload itself lives in private storage; the row binds it to one user and one file.

    Only a hash of the token is stored, so the database alone cannot confirm anyone's upload.
    `consumed_at` is set by a guarded UPDATE in the confirm's transaction: one import per upload.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=200)  # in private storage
    sha256 = models.CharField(max_length=64)
    original_name = models.CharField(max_length=255)
    update = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    consumed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "pending course package"

    def __str__(self):
        return self.original_name
