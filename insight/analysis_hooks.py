"""Admin URLs, the "Item analysis" report menu item and an "Item analysis" button in a quiz
page's header menu and listing, for users who may see the quiz's course (insight.scope)."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from courses.scope import request_user_teaches_a_course
from insight import analysis_views

LABEL = "Item analysis"


@hooks.register("register_admin_urls")
def register_analysis_urls():
    return [
        path(
            "insight/analysis/",
            analysis_views.AnalysisIndexView.as_view(),
            name="insight_analysis_index",
        ),
        path(
            "insight/analysis/<int:quiz_id>/",
            analysis_views.AnalysisView.as_view(),
            name="insight_analysis",
        ),
        path(
            "insight/analysis/<int:quiz_id>/export.<str:file_format>",
            analysis_views.AnalysisExportView.as_view(),
            name="insight_analysis_export",
        ),
    ]


class AnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return request_user_teaches_a_course(request)


@hooks.register("register_reports_menu_item")
def register_analysis_menu_item():
    return AnalysisMenuItem(
        LABEL,
        reverse("insight_analysis_index"),
        name="item-analysis",
        icon_name="table",
        order=810,
    )


def _analysis_button(page, user):
    from quizzes.models import QuizPage

    if page.specific_class is not QuizPage:
        return []
    if not analysis_views.visible_quizzes(user).filter(pk=page.pk).exists():
        return []
    url = reverse("insight_analysis", args=[page.pk])
    return [Button(LABEL, url, icon_name="table", priority=75)]


@hooks.register("register_page_header_buttons")
def analysis_header_button(page, user, view_name, next_url=None):
    return _analysis_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def analysis_listing_button(page, user, next_url=None):
    return _analysis_button(page, user)


@hooks.register("register_log_actions")
def register_export_action(actions):
    """The export action is shared with the other insight exports; register it once."""
    if analysis_views.EXPORT_ACTION not in actions.formatters:
        actions.register_action(analysis_views.EXPORT_ACTION, "Export", "Exported")


@hooks.register("insert_global_admin_css")
def analysis_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/item-analysis.css"))
