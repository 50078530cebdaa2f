from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from . import completion, params, roles

        register_converter(params.IdConverter, "id")  # <id:…> in every app's URLs

        post_migrate.connect(roles.on_post_migrate, dispatch_uid="courses-instructors-group")

        completion.register_requirement_provider(completion.RequiredLessonsProvider())
