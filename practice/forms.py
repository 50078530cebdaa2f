from django import forms
from django.utils import timezone

from practice.models import PracticeSession

EXTERNAL = "external"


class BootstrapForm(forms.Form):
    """Bootstrap 5 classes on the widgets; templates lay the fields out by hand."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = css


class SessionForm(BootstrapForm):
    """Log one supervised session. Choices come from the skill and the course's instructors."""

    practised_on = forms.DateField(
        label="Date of the session",
        # A date input takes only ISO dates; a localised value would leave it empty.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Give the date of the session."},
    )
    setting = forms.ChoiceField(
        label="Where",
        choices=PracticeSession.Setting.choices,
        error_messages={"required": "Say where the session took place."},
    )
    supervisor = forms.ChoiceField(
        label="Supervisor", error_messages={"required": "Choose who supervised the session."}
    )
    external_supervisor = forms.CharField(
        label="External supervisor's name",
        required=False,
        max_length=150,
        help_text="Only when you chose someone else: their full name as they sign.",
    )
    criteria = forms.TypedMultipleChoiceField(
        label="Criteria you met in this session",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reflection = forms.CharField(
        label="Reflection",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What went well, what you would change, what your supervisor fed back.",
    )

    def __init__(self, *args, skill, instructors, **kwargs):
        super().__init__(*args, **kwargs)
        self.instructors = {str(u.pk): u for u in instructors}
        choices = [("", "Choose…")] + [
            (pk, u.get_full_name() or u.email) for pk, u in self.instructors.items()
        ]
        if skill.allow_external_supervisor:
            choices.append((EXTERNAL, "Someone else (an external clinician)"))
        self.fields["supervisor"].choices = choices
        self.fields["criteria"].choices = [(c.id, c.text) for c in skill.criteria.all()]
        self.fields["practised_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["practised_on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        chosen = data.get("supervisor")
        if chosen == EXTERNAL and not (data.get("external_supervisor") or "").strip():
            self.add_error("external_supervisor", "Give the external supervisor's name.")
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        chosen = data["supervisor"]
        return {
            "practised_on": data["practised_on"],
            "setting": data["setting"],
            "supervisor": self.instructors.get(chosen),
            "external_supervisor": data["external_supervisor"] if chosen == EXTERNAL else "",
            "criteria_ids": data["criteria"],
            "reflection": data["reflection"],
        }


class InvitationForm(BootstrapForm):
    name = forms.CharField(label="Supervisor's name", max_length=150)
    email = forms.EmailField(label="Supervisor's email")


class CosignForm(BootstrapForm):
    name = forms.CharField(
        label="Your full name",
        max_length=150,
        error_messages={"required": "Give your full name."},
    )
    registration = forms.CharField(
        label="Professional registration number",
        max_length=60,
        error_messages={"required": "Give your professional registration number."},
    )
    criteria = forms.TypedMultipleChoiceField(
        label="Criteria you observed",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick the criteria you observed."},
    )
    confirm = forms.BooleanField(
        label="I supervised this practice and observed each criterion ticked above.",
        error_messages={"required": "Confirm that you supervised this practice."},
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = criteria
