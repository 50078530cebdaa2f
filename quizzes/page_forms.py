"""The quiz page editor's form: rules that span the page and its inline rows are checked here,
so an author learns of a broken quiz when saving it, never a trainee when starting it."""

from wagtail.admin.forms import WagtailAdminPageForm


class QuizPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        self.clean_prerequisites()
        self.clean_slots()
        self.check_review_timing()
        return cleaned_data

    def check_review_timing(self) -> None:
        """A review timing that can never come (e.g. after the close of a quiz that never
        closes) would hide the review for ever: refused here, with what to change. (Not named
        clean_review_timing: Django would take that for the field's own cleaner.)"""
        from quizzes.review_rules import timing_problem

        if "attempts_allowed" not in self.cleaned_data:
            return  # that field's own error comes first
        problem = timing_problem(
            timing=self.cleaned_data.get("review_timing", ""),
            attempts_allowed=self.cleaned_data.get("attempts_allowed") or 0,
            closes=self.cleaned_data.get("available_until"),
        )
        if problem:
            self.add_error("review_timing", problem)

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
        """Question slots: every draw must be satisfiable as written (quizzes/draws.py)."""
        from quizzes import draws
        from quizzes.draw_data import draw_bank

        formset = self.formsets.get("slots")
        if formset is None or not formset.is_valid():
            return  # the rows' own errors come first
        rows = [
            form
            for form in (formset.ordered_forms if formset.can_order else formset.forms)
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        slots = [_slot(index, form.cleaned_data) for index, form in enumerate(rows, start=1)]
        for problem in draws.problems(slots, draw_bank(slots=slots)):
            rows[problem.slot - 1].add_error(None, problem.message)
            self.add_error(None, str(problem))


def _slot(index: int, data: dict):
    from quizzes import draws

    def pk(name):
        value = data.get(name)
        return value.pk if value is not None else None

    return draws.Slot(
        index=index,
        question=pk("question"),
        variant_set=pk("variant_set"),
        category=pk("category"),
        count=data.get("count") or 0,
        required=tuple(q.pk for q in data.get("required_questions") or ()),
        cover_subcategories=bool(data.get("cover_subcategories")),
        tags=tuple(sorted(t.name for t in data.get("coverage_tags") or ())),
    )
