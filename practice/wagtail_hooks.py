"""Where instructors find sign-off requests: a menu item with the count waiting, and the pages."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.log_actions import LogFormatter

from courses.scope import request_user_teaches_a_course
from practice import admin_views


@hooks.register("register_admin_urls")
def register_practice_urls():
    return [
        path("practice/signoffs/", admin_views.queue_view, name="practice_queue"),
        path(
            "practice/signoffs/<id:request_id>/",
            admin_views.detail_view,
            name="practice_signoff",
        ),
    ]


class SignOffMenuItem(MenuItem):
    """ "Sign-off requests (3)": the count waiting in the user's courses, one query per request.

    Wagtail 8's sidebar has no badge for a menu item, and its items are shared between requests,
    so the label is built per request in render_component rather than stored on the item."""

    def is_shown(self, request):
        return request_user_teaches_a_course(request)

    def render_component(self, request):
        waiting = admin_views.awaiting_count(request)
        label = f"{self.label} ({waiting})" if waiting else self.label
        attrs = {**self.attrs, "data-awaiting": str(waiting)}
        if waiting:
            attrs["title"] = f"{waiting} awaiting sign-off"
        return LinkMenuItemComponent(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=attrs,
        )


@hooks.register("register_admin_menu_item")
def register_signoff_menu_item():
    return SignOffMenuItem(
        "Sign-off requests",
        reverse("practice_queue"),
        name="sign-off-requests",
        icon_name="circle-check",
        order=215,
    )


@hooks.register("register_log_actions")
def register_practice_log_actions(actions):
    actions.register_action("practice.signed", "Sign off a practical skill", "Skill signed off")
    actions.register_action(
        "practice.returned", "Return a sign-off request", "Sign-off request returned"
    )

    @actions.register_action("practice.withdrawn")
    class Withdrawn(LogFormatter):
        label = "Withdraw a sign-off"

        def format_message(self, log_entry):
            reason = log_entry.data.get("reason", "")
            return f"Sign-off withdrawn: {reason}" if reason else "Sign-off withdrawn"
