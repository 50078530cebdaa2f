from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self):
        from courses.completion import register_requirement_provider
        from courses.gating import register_module_gate
        from courses.roles import register_instructor_models

        from .completion import QuizGate, RequiredQuizzesProvider

        register_requirement_provider(RequiredQuizzesProvider())
        register_module_gate(QuizGate())

        from . import models

        register_instructor_models(
            models.Question,
            models.QuestionCategory,
            models.VariantSet,
            models.QuestionBank,
            models.Scenario,
            models.QuizOverride,
        )
        register_instructor_models(models.Attempt, actions=("view",))
        from courses.outline_cache import drop_kept_when_changed

        # Kept with the outline (courses/outline_cache.py): a publish of the quiz drops them; so
        # do rows written on their own (an import, a script).
        drop_kept_when_changed(
            models.QuizSlot,
            models.QuizPrerequisite,
            models.QuizOverride,  # kept per quiz (quizzes.services.quiz_overrides)
            models.QuestionCategory,  # the category tree (quizzes.draw_data.draw_bank)
            m2m=(models.QuizSlot.required_questions, models.QuizSlot.coverage_tags),
        )
        from courses.trainee_cache import drop_trainee_state_when_changed

        # A pass shows on the trainee's kept view of the course (courses/trainee_cache.py); the
        # marking UPDATE, which sends no signal, replaces the trainee's token itself.
        drop_trainee_state_when_changed(models.Attempt, lambda row: row.user_id)
