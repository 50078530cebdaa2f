"""The quiz page editor's form: rules that span the page and its inline rows are checked here,
so an author learns of a broken quiz when saving it, never a trainee when starting it."""

from wagtail.admin.forms import WagtailAdminPageForm


class QuizPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        self.clean_prerequisites()
        self.clean_slots()
        return cleaned_data

    def clean_prerequisites(self) -> None:
        """Prerequisite quizzes: none of itself, none outside its course, no cycles."""

    def clean_slots(self) -> None:
        """Question slots: every draw must be satisfiable as written."""
