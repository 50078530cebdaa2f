"""Read-only panels for the question editor."""

from wagtail.admin.panels import Panel


class ItemChecksPanel(Panel):
    """Read-only: the warnings for the question as last saved, and its quizzes' reviews."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Item-writing checks")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "quizzes/admin/item_checks_panel.html"

        def get_context_data(self, parent_context=None):
            from quizzes.item_review import question_cross_cues, question_warnings, quizzes_using
            from quizzes.item_review_admin import can_review
            from quizzes.models import Question

            context = super().get_context_data(parent_context)
            saved = None
            if self.instance.pk:  # the form's instance may hold unsaved edits: read the saved one
                saved = Question.objects.select_related("scenario").filter(pk=self.instance.pk)
                saved = saved.first()
            context["saved"] = saved is not None
            context["warnings"] = question_warnings(saved) if saved else []
            user = self.request.user if self.request else None
            reviewer = saved is not None and user is not None and can_review(user)
            context["quizzes"] = quizzes_using(saved) if reviewer else []
            context["cross_cues"] = question_cross_cues(saved) if reviewer else []
            return context
