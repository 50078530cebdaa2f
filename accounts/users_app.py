"""wagtail.users, with the user admin's forms for clinicians (accounts/admin_users.py). Listed in
INSTALLED_APPS in place of "wagtail.users"."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.admin_users.UserViewSet"
