"""Question bank and quiz overrides in the Wagtail admin, grouped under one menu item."""

import django_filters
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.images import get_image_model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import HistoryView as SnippetHistoryView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.scope import CourseScopedListingMixin, CourseScopedObjectMixin
from quizzes import item_review_admin  # noqa: F401  (registers the item-writing review)
from quizzes.admin_views import QuestionCopyView, QuestionCreateView, QuestionEditView
from quizzes.blocks import QUESTION_TYPE_LABELS
from quizzes.interop_admin import (
    QuestionImportView,
    can_export,
    can_import,
    questions_export_view,
)
from quizzes.models import (
    Attempt,
    Question,
    QuestionBank,
    QuestionCategory,
    QuizOverride,
    Scenario,
    VariantSet,
)


class QuestionFilterSet(WagtailFilterSet):
    question_type = django_filters.ChoiceFilter(
        choices=list(QUESTION_TYPE_LABELS.items()), label="Type"
    )

    class Meta:
        model = Question
        fields = ["bank", "category", "question_type", "critical", "scenario"]


class ImportButtonIndexView(SnippetIndexView):
    """Question and bank listings offer "Import questions" to those who may add questions."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_import(self.request.user):
            url = reverse("quizzes_questions_import")
            buttons.append(HeaderButton("Import questions", url=url, icon_name="upload"))
        return buttons


class QuestionBankIndexView(ImportButtonIndexView):
    """Each bank's "More" menu exports it as GIFT or Moodle XML."""

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if can_export(self.request.user):
            for file_format, label in (("gift", "GIFT"), ("moodlexml", "Moodle XML")):
                url = reverse("quizzes_questions_export", args=[instance.pk, file_format])
                buttons.append(
                    MenuItem(f"Export as {label}", url=url, icon_name="download", priority=40)
                )
        return buttons


class QuestionViewSet(SnippetViewSet):
    model = Question
    index_view_class = ImportButtonIndexView
    add_view_class = QuestionCreateView
    edit_view_class = QuestionEditView
    copy_view_class = QuestionCopyView
    icon = "help"
    menu_label = "Questions"
    list_display = ["title", "type_label", "category", "points", "critical", "updated_at"]
    list_per_page = 50
    filterset_class = QuestionFilterSet
    # Searches Question.search_fields; naming fields here breaks the SQLite search backend.
    ordering = ["category__name", "title"]


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = "Categories"
    list_display = ["name", "parent", "description"]
    list_filter = ["parent"]


class VariantSetViewSet(SnippetViewSet):
    """Sets of interchangeable questions; a question joins one from its "Variant of" field."""

    model = VariantSet
    icon = "resubmit"
    menu_label = "Variant sets"
    list_display = ["name", "objective"]


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    index_view_class = QuestionBankIndexView
    icon = "folder-inverse"
    menu_label = "Banks"
    list_display = ["name", "description"]


class ScenarioViewSet(SnippetViewSet):
    model = Scenario
    icon = "doc-full"
    menu_label = "Case scenarios"
    list_display = ["title"]


class _OverrideScope:
    scope_field = "quiz__path"  # overrides on quizzes of the instructor's courses only


class OverrideIndexView(_OverrideScope, CourseScopedListingMixin, SnippetIndexView):
    pass


class OverrideEditView(_OverrideScope, CourseScopedObjectMixin, SnippetEditView):
    pass


class OverrideDeleteView(_OverrideScope, CourseScopedObjectMixin, SnippetDeleteView):
    pass


class OverrideHistoryView(_OverrideScope, CourseScopedObjectMixin, SnippetHistoryView):
    pass


class QuizOverrideViewSet(SnippetViewSet):
    """Per-trainee exceptions; every change is in Wagtail's history (audit log). Listed and
    edited for the instructor's own courses (courses.scope); granted from the trainee record."""

    model = QuizOverride
    index_view_class = OverrideIndexView
    edit_view_class = OverrideEditView
    delete_view_class = OverrideDeleteView
    history_view_class = OverrideHistoryView
    icon = "time"
    menu_label = "Trainee overrides"
    list_display = ["user", "quiz", "extra_attempts", "extra_minutes", "available_until", "reason"]
    list_filter = ["quiz"]


class QuestionBankGroup(SnippetViewSetGroup):
    menu_label = "Question bank"
    menu_icon = "help"
    menu_order = 200
    items = (
        QuestionViewSet,
        QuestionCategoryViewSet,
        VariantSetViewSet,
        QuestionBankViewSet,
        ScenarioViewSet,
        QuizOverrideViewSet,
    )


register_snippet(QuestionBankGroup)


@hooks.register("register_admin_urls")
def register_hotspot_urls():
    return [path("quiz-image/<id:image_id>/", hotspot_image_info, name="quizzes_hotspot_image")]


@hooks.register("register_admin_urls")
def register_interop_urls():
    return [
        path("questions/import/", QuestionImportView.as_view(), name="quizzes_questions_import"),
        path(
            "questions/export/<id:bank_id>/<str:file_format>/",
            questions_export_view,
            name="quizzes_questions_export",
        ),
    ]


def hotspot_image_info(request, image_id: int):
    """The original image and its pixel size, so the zone editor draws in real coordinates."""
    image = get_object_or_404(get_image_model(), pk=image_id)
    return JsonResponse({"url": image.file.url, "width": image.width, "height": image.height})


@hooks.register("insert_editor_js")
def hotspot_editor_js():
    return format_html('<script src="{}" defer></script>', static("js/hotspot-editor.js"))


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Results are evidence: instructors read them; nobody edits them in the admin."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete", "copy"} and super().user_has_permission(
            user, action
        )


class ScopedAttemptIndexView(CourseScopedListingMixin, IndexView):
    scope_field = "quiz__path"  # attempts on quizzes of the instructor's courses only


class ScopedAttemptInspectView(CourseScopedObjectMixin, InspectView):
    scope_field = "quiz__path"


class AttemptViewSet(ModelViewSet):
    """Trainees' attempts on quizzes of the instructor's courses, filterable by quiz and outcome.

    Not in the menu: insight's "Quiz results" (with the responses) is the way in."""

    model = Attempt
    icon = "tasks"
    menu_label = "Attempts"
    add_to_admin_menu = False
    index_view_class = ScopedAttemptIndexView
    inspect_view_class = ScopedAttemptInspectView
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []  # never edited: the permission policy refuses add, change and delete
    list_display = [
        "user",
        "quiz",
        "number",
        "submitted_at",
        "percent",
        "passed",
        "failed_critical",
    ]
    list_filter = ["quiz", "status", "passed", "failed_critical"]
    inspect_view_fields = [
        "user",
        "quiz",
        "number",
        "status",
        "started_at",
        "deadline",
        "submitted_at",
        "auto_submitted",
        "score",
        "max_score",
        "percent",
        "passed",
        "failed_critical",
    ]


register_permission_policy(Attempt, ReadOnlyPermissionPolicy(Attempt))


@hooks.register("register_admin_viewset")
def register_attempt_viewset():
    return AttemptViewSet("quiz_results")


@hooks.register("before_delete_snippet")
def keep_always_included_questions(request, instances):
    """Deleting a question a draw always includes would quietly change that quiz: refuse, and
    say where it is used (a fixed slot's question is protected by its foreign key already)."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from quizzes.models import QuizSlot

    questions = [instance.pk for instance in instances if isinstance(instance, Question)]
    uses = list(
        QuizSlot.required_questions.through.objects.filter(question_id__in=questions)
        .select_related("question", "quizslot__quiz")
        .order_by("pk")
    )
    if not uses:
        return None
    where = "; ".join(f"“{use.question}” in “{use.quizslot.quiz.title}”" for use in uses)
    messages.error(
        request,
        f"Not deleted: a draw always includes it ({where}). Remove it from that quiz slot first.",
    )
    return redirect(reverse("wagtailsnippets_quizzes_question:list"))


from quizzes import prerequisite_hooks  # noqa: E402, F401  (prerequisites lifted by unpublishing)
