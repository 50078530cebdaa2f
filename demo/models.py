"""What load_demo last imported: lets a second run see that nothing changed without re-reading
the whole course from the database."""

from django.db import models


class DemoPackageLoad(models.Model):
    """The content hash of the demo package as last imported, one row per course slug."""

    course_slug = models.SlugField(max_length=255, unique=True)
    content_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "demo package load"

    def __str__(self) -> str:
        return f"{self.course_slug} @ {self.content_hash[:12]}"
