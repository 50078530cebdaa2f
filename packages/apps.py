from django.apps import AppConfig


class PackagesConfig(AppConfig):
    """Course packages: a whole course as reviewable files (see packages/FORMAT.md).

    Sits on top of courses, quizzes and certificates; no app imports it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "packages"
