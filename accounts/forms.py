from django import forms

from .models import Profession, User


class ProfileSignupForm(forms.Form):
    """Extra sign-up fields; allauth calls `signup()` after creating the user."""

    full_name = forms.CharField(
        max_length=150,
        label="Full name",
        help_text="As it should appear on your certificates.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    profession = forms.ChoiceField(choices=[("", "Choose your profession")] + Profession.choices)
    registration_number = forms.CharField(
        max_length=64,
        required=False,
        label="Professional registration number (optional)",
        help_text="For example your HCPC or AHPRA number.",
    )

    field_order = ["full_name", "email", "profession", "registration_number"]

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"].strip()
        user.profession = self.cleaned_data["profession"]
        user.registration_number = self.cleaned_data["registration_number"].strip()
        user.save(update_fields=["full_name", "profession", "registration_number"])


class ProfileForm(forms.ModelForm):
    """What a trainee may change about themselves; the email address is managed by allauth."""

    class Meta:
        model = User
        fields = ["full_name", "profession", "registration_number"]
        labels = {"full_name": "Full name"}
