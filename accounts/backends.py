from django.core.exceptions import PermissionDenied

from accounts import login_limits
from accounts.adapter import axes_username


class LoginLimitBackend:
    """Refuses log-ins past the per-account or per-connection limit (accounts.login_limits).

    Listed right after axes' backend: attempts axes refuses never get here, so they are not
    counted. Every attempt is counted here, before the password is checked, and uncounted when it
    succeeds. A refusal is shown as axes' lockout page (AxesMiddleware answers 429).
    """

    def authenticate(self, request, **credentials):
        if request is None:
            return None
        email = axes_username(request, credentials)
        refusal = login_limits.login_reserve(request, email)
        if refusal:
            setattr(request, login_limits.REFUSED_ATTRIBUTE, refusal)
            request.axes_locked_out = True  # axes then neither records it nor lets it through
            raise PermissionDenied("Too many failed log-in attempts")
        return None  # no get_user(): this backend never logs anyone in
