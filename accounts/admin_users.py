"""The Wagtail admin's user forms for our User.

Wagtail's forms require a first and a last name and know nothing of the name printed on
certificates, so an editor could not save a trainee who signed up with a full name (or add one
to a cohort group). These forms ask for the full name, profession and registration number, and
leave first and last name optional."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PROFILE_FIELDS = {"full_name", "profession", "registration_number"}


class ClinicianCreationForm(UserCreationForm):
    first_name = forms.CharField(required=False, label="First name")
    last_name = forms.CharField(required=False, label="Last name")

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | PROFILE_FIELDS


class ClinicianEditForm(UserEditForm):
    first_name = forms.CharField(required=False, label="First name")
    last_name = forms.CharField(required=False, label="Last name")

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | PROFILE_FIELDS


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin with the forms above (templates: wagtailusers/users/accounts/user/)."""

    def get_form_class(self, for_update=False):
        return ClinicianEditForm if for_update else ClinicianCreationForm
