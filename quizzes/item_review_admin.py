"""The item-writing review in the Wagtail admin: a warning message after saving a question (the
editor's read-only panel is quizzes.admin_panels.ItemChecksPanel) and the "Item-writing review"
report: every quiz the user can edit, then one quiz's warnings per check and per question.
Warnings never block saving."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

REPORT_TITLE = "Item-writing review"


def can_review(user) -> bool:
    """Instructors and staff: anyone who can edit some quiz page."""
    from quizzes.models import QuizPage

    return PagePermissionPolicy(QuizPage).user_has_permission(user, "change")


def warn_after_save(request, question, edit_url: str) -> None:
    """A message beside Wagtail's "saved" one when the saved question has warnings."""
    from quizzes.item_review import question_warnings

    warnings = question_warnings(question)
    if warnings:
        labels = "; ".join(dict.fromkeys(warning.label for warning in warnings))
        messages.warning(
            request,
            f"'{question}' has {len(warnings)} item-writing warning{'s' * (len(warnings) != 1)}: "
            f"{labels}. Saving is never blocked; see “Item-writing checks” in the editor.",
            buttons=[messages.button(edit_url, "Review")],
        )


def _review_url(quiz) -> str:
    return reverse("quizzes_item_review", args=[quiz.pk])


class ItemReviewIndexView(ReportView):
    """Every quiz the user can edit, with its warnings counted."""

    page_title = REPORT_TITLE
    header_icon = "help"
    index_url_name = "quizzes_item_review_index"
    index_results_url_name = "quizzes_item_review_index_results"
    paginate_by = 50
    list_export = ["title", "question_count", "warning_count", "flagged_count", "cross_cues"]
    export_headings = {
        "question_count": "Questions",
        "warning_count": "Warnings",
        "flagged_count": "Questions with warnings",
        "cross_cues": "Cross-cues",
    }
    columns = [
        TitleColumn("title", label="Quiz", get_url=_review_url),
        Column("course_title", label="Course", classname="item-review-wide"),
        NumberColumn("question_count", label="Questions", classname="item-review-wide"),
        NumberColumn("flagged_count", label="With warnings", classname="item-review-wide"),
        NumberColumn("warning_count", label="Warnings"),
        NumberColumn("cross_cues", label="Cross-cues"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        from quizzes.item_review import reviewable_quizzes

        return reviewable_quizzes(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        from quizzes.item_review import quiz_review
        from quizzes.services import course_of_quiz

        quizzes = list(object_list)
        for quiz in quizzes:
            review = quiz_review(quiz)
            quiz.question_count = len(review.items)
            quiz.flagged_count = len(review.flagged_items)
            quiz.warning_count = len(review.all_warnings)
            quiz.cross_cues = sum(1 for w in review.set_warnings if w.code == "cross_cue")
            course = course_of_quiz(quiz)
            quiz.course_title = course.title if course else ""
        return quizzes

    def get_filename(self):
        return "item-writing-review"


class ItemReviewView(WagtailAdminTemplateMixin, TemplateView):
    """One quiz: counts per check, then each question's warnings, then the quiz-wide ones."""

    template_name = "quizzes/admin/item_review.html"
    header_icon = "help"

    def dispatch(self, request, quiz_id: int, *args, **kwargs):
        from quizzes.item_review import reviewable_quizzes

        if not can_review(request.user):
            raise PermissionDenied
        self.quiz = reviewable_quizzes(request.user).filter(pk=quiz_id).first()
        if self.quiz is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{REPORT_TITLE}: {self.quiz.title}"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("quizzes_item_review_index"), "label": REPORT_TITLE}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        from quizzes.item_review import quiz_review

        context = super().get_context_data(**kwargs)
        review = quiz_review(self.quiz)
        can_edit = self.request.user.has_perm("quizzes.change_question")
        for result in review.items:
            result.edit_url = (
                reverse("wagtailsnippets_quizzes_question:edit", args=[result.question.pk])
                if can_edit
                else ""
            )
        context.update(
            quiz=self.quiz,
            review=review,
            can_edit=can_edit,
            counts=[row for row in review.counts if row[2]],
            clean_checks=[label for _, label, count in review.counts if not count],
            quiz_edit_url=reverse("wagtailadmin_pages:edit", args=[self.quiz.pk]),
        )
        return context


class ItemReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review(request.user)


@hooks.register("register_reports_menu_item")
def register_item_review_menu_item():
    return ItemReviewMenuItem(
        REPORT_TITLE,
        reverse("quizzes_item_review_index"),
        name="item-writing-review",
        icon_name="help",
        order=800,
    )


@hooks.register("insert_global_admin_css")
def item_review_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/item-review-admin.css"))


@hooks.register("register_admin_urls")
def register_item_review_urls():
    return [
        path(
            "reports/item-writing/", ItemReviewIndexView.as_view(), name="quizzes_item_review_index"
        ),
        path(
            "reports/item-writing/results/",
            ItemReviewIndexView.as_view(results_only=True),
            name="quizzes_item_review_index_results",
        ),
        path(
            "reports/item-writing/<id:quiz_id>/",
            ItemReviewView.as_view(),
            name="quizzes_item_review",
        ),
    ]
