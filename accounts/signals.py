from allauth.account.signals import password_reset
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts import login_limits


@receiver(user_logged_in)
def clear_account_failures(sender, request, user, **kwargs):
    login_limits.login_release(request)
    login_limits.login_limits_clear_account(email=user.email.strip().lower())


@receiver(password_reset)
def unlock_after_password_reset(sender, request, user, **kwargs):
    """The emailed link proves the owner: lift every lock on the account, from every address."""
    from axes.utils import reset

    email = user.email.strip().lower()
    login_limits.login_limits_clear_account(email=email)
    reset(username=email)
