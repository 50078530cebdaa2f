"""Where instructors find sign-off requests: a menu item with the count waiting, and the pages."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
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
    def is_shown(self, request):
        return request_user_teaches_a_course(request)


@hooks.register("register_admin_menu_item")
def register_signoff_menu_item():
    return SignOffMenuItem(
        "Sign-off requests", reverse("practice_queue"), icon_name="tick", order=215
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
