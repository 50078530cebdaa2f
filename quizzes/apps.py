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
