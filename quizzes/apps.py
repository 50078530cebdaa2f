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
        self._drop_kept_slots_when_slots_change(models.QuizSlot)

    @staticmethod
    def _drop_kept_slots_when_slots_change(slot_model):
        """A start keeps the live quiz's slots (courses/outline_cache.py). They change with the
        quiz page's publish, which already drops them; slot rows written on their own (an import,
        a script) drop them too."""
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from courses.outline_cache import pages_changed

        def on_slot_change(sender, **kwargs):
            pages_changed()

        for signal in (post_save, post_delete):
            signal.connect(on_slot_change, sender=slot_model, weak=False)
        for through in (slot_model.required_questions.through, slot_model.coverage_tags.through):
            m2m_changed.connect(on_slot_change, sender=through, weak=False)
