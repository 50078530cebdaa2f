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
        """Prerequisite quizzes: none of itself, none outside its course, none twice, no cycles.

        Cycles are looked for through the published prerequisites of the other quizzes (drafts
        are not rules yet); each refusal is shown on the row that causes it.
        """
        from quizzes.prerequisites import prerequisite_errors

        formset = getattr(self, "formsets", {}).get("prerequisites")
        if formset is None:
            return
        rows = []
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue  # a row's own errors are shown already; deleted rows are no rule
            if form.cleaned_data.get("required_quiz") is not None:
                rows.append((form, form.cleaned_data["required_quiz"]))
        errors = prerequisite_errors(
            quiz=self.instance, parent=self.parent_page, required=[quiz for _, quiz in rows]
        )
        for (form, _), error in zip(rows, errors, strict=True):
            if error:
                form.add_error("required_quiz", error)

    def clean_slots(self) -> None:
        """Question slots: every draw must be satisfiable as written."""
