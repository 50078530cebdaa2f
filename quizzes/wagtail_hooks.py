"""Question bank and quiz overrides in the Wagtail admin, grouped under one menu item."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from quizzes.blocks import QUESTION_TYPE_LABELS
from quizzes.models import Question, QuestionBank, QuestionCategory, QuizOverride, Scenario


class QuestionFilterSet(WagtailFilterSet):
    question_type = django_filters.ChoiceFilter(
        choices=list(QUESTION_TYPE_LABELS.items()), label="Type"
    )

    class Meta:
        model = Question
        fields = ["bank", "category", "question_type", "critical", "scenario"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = "Questions"
    list_display = ["title", "type_label", "category", "points", "critical", "updated_at"]
    list_per_page = 50
    filterset_class = QuestionFilterSet
    search_fields = ["title", "stem"]
    ordering = ["category__name", "title"]


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = "Categories"
    list_display = ["name", "description"]


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "folder-inverse"
    menu_label = "Banks"
    list_display = ["name", "description"]


class ScenarioViewSet(SnippetViewSet):
    model = Scenario
    icon = "doc-full"
    menu_label = "Case scenarios"
    list_display = ["title"]


class QuizOverrideViewSet(SnippetViewSet):
    """Per-trainee exceptions; every change is in Wagtail's history (audit log)."""

    model = QuizOverride
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
        QuestionBankViewSet,
        ScenarioViewSet,
        QuizOverrideViewSet,
    )


register_snippet(QuestionBankGroup)
