"""The question editor's form: every new-question form carries a one-time creation token."""

import uuid

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm


def creation_token(value) -> uuid.UUID | None:
    """The token a form sent, or None for none (or a mangled one: it then just creates)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


class QuestionForm(WagtailAdminModelForm):
    """A new question is stored with the token of the form that created it (unique in the
    database), so a double-clicked, retried or resubmitted Save finds the question it already
    made instead of making another (see quizzes.admin_views.QuestionCreateView)."""

    creation_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["creation_token"] = uuid.uuid4()

    def clean_creation_token(self):
        return creation_token(self.cleaned_data.get("creation_token"))

    def save(self, commit=True):
        if self.instance._state.adding and self.cleaned_data.get("creation_token"):
            self.instance.creation_token = self.cleaned_data["creation_token"]
        return super().save(commit=commit)
