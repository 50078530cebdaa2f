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
        self._drop_outlines_when_pages_change()

        from wagtail.models import PageViewRestriction

        from courses.outline_cache import drop_kept_when_changed

        drop_kept_when_changed(PageViewRestriction)  # kept by courses/public.py

        from courses.models import Enrollment, LessonCompletion
        from courses.trainee_cache import drop_trainee_state_when_changed, user_of_enrollment_row

        # A trainee's kept view of a course (courses/trainee_cache.py) goes with these writes.
        drop_trainee_state_when_changed(Enrollment, lambda row: row.user_id)
        drop_trainee_state_when_changed(LessonCompletion, user_of_enrollment_row)

    @staticmethod
    def _drop_outlines_when_pages_change():
        """Kept course outlines (courses/outline_cache.py) go whenever any page is saved (publish
        and unpublish save), deleted or moved."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import post_page_move

        from courses.outline_cache import pages_changed

        def on_page_change(sender, instance=None, **kwargs):
            if isinstance(instance, Page):
                pages_changed()

        post_save.connect(on_page_change, dispatch_uid="courses-outline-save", weak=False)
        post_delete.connect(on_page_change, dispatch_uid="courses-outline-delete", weak=False)
        post_page_move.connect(on_page_change, dispatch_uid="courses-outline-move", weak=False)
