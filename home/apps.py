from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        # Connected before a worker builds its heartbeat timer (Celery checks for receivers then).
        from home import signals  # noqa: F401
