from django.conf import settings
from django.shortcuts import redirect


class KeepTraineesOutOfAdminMiddleware:
    """Trainees (no admin access) who open /admin/ go to their dashboard, not to a login loop."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            user = getattr(request, "user", None)
            if (
                user is not None
                and user.is_authenticated
                and not user.has_perm("wagtailadmin.access_admin")
            ):
                from django.contrib import messages

                messages.info(request, "The admin area is for instructors. Here is your learning.")
                return redirect(settings.LOGIN_REDIRECT_URL)
        return self.get_response(request)
