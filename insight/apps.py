from django.apps import AppConfig


class InsightConfig(AppConfig):
    """Instructor insight: gradebook, a trainee's record, quiz results and item analysis."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insight"
