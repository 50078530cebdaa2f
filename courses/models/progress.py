from django.conf import settings
from django.db import models


class EnrollmentQuerySet(models.QuerySet):
    def current(self, *, user, course):
        """The trainee's latest cycle on the course, or None if they never enrolled."""
        return self.filter(user=user, course=course).order_by("-cycle").first()


class Enrollment(models.Model):
    """A trainee's place on one cycle of a course. A new cycle starts when they recertify."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrollments"
    )
    cycle = models.PositiveSmallIntegerField(default=1)
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    # A trainee's record, not content: no reference-index read and write on every enrolment,
    # completion or sign-off lock; the course is PROTECTed from deletion anyway.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "cycle"], name="unique_enrollment_per_cycle"
            ),
        ]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"{self.user} on {self.course} (cycle {self.cycle})"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class LessonCompletion(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="completions")
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="unique_lesson_completion"
            ),
        ]

    def __str__(self):
        return f"{self.lesson_id} done in enrollment {self.enrollment_id}"
