"""Admin URLs and menu items for the gradebook, trainee records and quiz results."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from courses.scope import request_user_teaches_a_course
from insight import gradebook_views, record_views, results_views
from insight.gradebook_audit import EXPORT_ACTION


@hooks.register("register_admin_urls")
def register_gradebook_urls():
    return [
        path("insight/gradebook/", gradebook_views.gradebook_view, name="insight_gradebook"),
        path(
            "insight/gradebook/export.<str:file_format>",
            gradebook_views.gradebook_export_view,
            name="insight_gradebook_export",
        ),
        path("insight/trainees/<id:user_id>/", record_views.record_view, name="insight_record"),
        path(
            "insight/trainees/<id:user_id>/export.<str:file_format>",
            record_views.record_export_view,
            name="insight_record_export",
        ),
        path(
            "insight/trainees/<id:user_id>/override/",
            record_views.override_view,
            name="insight_record_override",
        ),
        path(
            "insight/attempts/<id:attempt_id>/",
            record_views.attempt_view,
            name="insight_attempt",
        ),
        path("insight/results/", results_views.results_index_view, name="insight_results"),
        path(
            "insight/results/<id:quiz_id>/",
            results_views.results_quiz_view,
            name="insight_results_quiz",
        ),
        path(
            "insight/results/<id:quiz_id>/export.<str:file_format>",
            results_views.results_export_view,
            name="insight_results_export",
        ),
    ]


class InstructorMenuItem(MenuItem):
    """Shown to those who may look into at least one course (trainees never see the admin)."""

    def is_shown(self, request):
        return request_user_teaches_a_course(request)


@hooks.register("register_admin_menu_item")
def register_gradebook_menu_item():
    return InstructorMenuItem(
        "Gradebook", reverse("insight_gradebook"), icon_name="table", order=205
    )


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return InstructorMenuItem(
        "Quiz results", reverse("insight_results"), icon_name="tasks", order=210
    )


@hooks.register("register_log_actions")
def register_export_log_action(actions):
    @actions.register_action(EXPORT_ACTION)
    class Exported(LogFormatter):
        """ "Exported gradebook (CSV), filters: status=stuck" in the history and log report."""

        label = "Export"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            what, file_format = data.get("what", "data"), str(data.get("format", "")).upper()
            filters = ", ".join(f"{k}={v}" for k, v in (data.get("filters") or {}).items())
            return f"Exported {what} ({file_format})" + (f", filters: {filters}" if filters else "")
