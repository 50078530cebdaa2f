from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practical skills"

    def ready(self):
        from courses.completion import register_requirement_provider
        from courses.roles import register_instructor_models

        from . import models
        from .completion import SignedSkillsProvider

        register_requirement_provider(SignedSkillsProvider())

        from courses.dashboard import register_enrollment_panel

        from .dashboard import SkillPanels

        register_enrollment_panel(SkillPanels())
        register_instructor_models(models.SignOffRequest, actions=("view", "change"))

        from courses.outline_cache import drop_kept_when_changed

        # A skill's prerequisites are kept with the outline (courses/outline_cache.py).
        drop_kept_when_changed(models.SkillPrerequisite)

        from courses.trainee_cache import drop_trainee_state_when_changed, user_of_enrollment_row

        # Sign-offs show on the trainee's kept view of the course (courses/trainee_cache.py).
        drop_trainee_state_when_changed(models.SignOffRequest, user_of_enrollment_row)
