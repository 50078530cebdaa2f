"""Every insight export goes to Wagtail's audit log: who downloaded what, with which filters, when.

Logged on the thing exported (the course, the quiz, the trainee), so it shows in that object's
history and in the site-wide log report ("insight.export")."""

from __future__ import annotations

from wagtail.log_actions import log

EXPORT_ACTION = "insight.export"


def export_log(*, user, instance, what: str, file_format: str, filters: dict | None = None):
    return log(
        instance=instance,
        action=EXPORT_ACTION,
        user=user,
        data={"what": what, "format": file_format, "filters": filters or {}},
    )
