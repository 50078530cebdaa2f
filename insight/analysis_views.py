"""Item analysis in the Wagtail admin: the quizzes an instructor may analyse, one quiz's
analysis with charts, and its CSV/XLSX export. Views parse the filters and ask
insight/analysis.py; which quizzes a user may see is insight/scope.py's one rule."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import Count, Q
from django.http import Http404, HttpResponseBadRequest
from django.urls import reverse
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from insight import charts
from insight.analysis import Filters, QuizAnalysis, quiz_analysis
from insight.exports import spreadsheet_response
from insight.scope import courses_for_instructor
from quizzes.models import Attempt, QuizPage

TITLE = "Item analysis"
EXPORT_ACTION = "insight.export"  # the audit-log action every insight export uses


class FilterForm(forms.Form):
    date_from = forms.DateField(required=False, label="Submitted from")
    date_to = forms.DateField(required=False, label="Submitted until")
    attempts = forms.ChoiceField(
        choices=[("first", "First attempt of each trainee"), ("all", "All attempts")],
        required=False,
        initial="first",
        label="Attempts",
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("“Submitted from” is after “Submitted until”.")
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            first_only=data.get("attempts") != "all",
        )


def visible_quizzes(user):
    """Quizzes inside the courses the user may edit (insight.scope)."""
    courses = list(courses_for_instructor(user=user).values_list("path", flat=True))
    if not courses:
        return QuizPage.objects.none()
    inside = Q()
    for path in courses:
        inside |= Q(path__startswith=path)
    return QuizPage.objects.filter(inside)


def quiz_for(user, quiz_id: int) -> QuizPage:
    """The quiz, if the user may see its course; 404 otherwise (never confirms it exists)."""
    if not 0 < quiz_id < 2**63:  # beyond any primary key (and SQLite's integers)
        raise Http404
    quiz = visible_quizzes(user).filter(pk=quiz_id).first()
    if quiz is None:
        raise Http404
    return quiz


class AnalysisIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "insight/analysis_index.html"
    page_title = TITLE
    header_icon = "table"

    def get_context_data(self, **kwargs):
        submitted = Count("attempts", filter=Q(attempts__status=Attempt.Status.SUBMITTED))
        quizzes = visible_quizzes(self.request.user).annotate(submitted=submitted)
        return super().get_context_data(quizzes=quizzes.order_by("path"), **kwargs)


class AnalysisView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "insight/analysis.html"
    header_icon = "table"

    def dispatch(self, request, quiz_id: int, *args, **kwargs):
        self.quiz = quiz_for(request.user, quiz_id)
        self.form = FilterForm(request.GET or None)
        if request.GET and not self.form.is_valid():
            response = self.render_to_response(self.get_context_data(analysis=None))
            response.status_code = 400
            return response
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{TITLE}: {self.quiz.title}"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("insight_analysis_index"), "label": TITLE}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.quiz.title}]

    def get_context_data(self, analysis: QuizAnalysis | None = ..., **kwargs):
        context = super().get_context_data(**kwargs)
        if analysis is ...:
            filters = self.form.filters() if self.form.is_bound else Filters()
            analysis = quiz_analysis(quiz=self.quiz, filters=filters)
        query = self.request.GET.urlencode()
        context.update(
            quiz=self.quiz,
            form=self.form,
            analysis=analysis,
            export_query=query,
            review_url=reverse("quizzes_item_review", args=[self.quiz.pk]),
            can_edit_questions=self.request.user.has_perm("quizzes.change_question"),
        )
        if analysis is not None and analysis.attempts:
            context.update(item_charts(analysis))
        return context


def item_charts(analysis: QuizAnalysis) -> dict:
    """The SVG of every chart on the page (each row's own charts go on the row)."""
    points = [
        (row.number, row.facility, row.discrimination, bool(row.flags))
        for row in analysis.items
        if row.facility is not None and row.discrimination is not None
    ]
    for row in analysis.rows:
        row.option_chart = (
            charts.option_bars(row.options, chart_id=f"options-{row.key}") if row.options else ""
        )
        row.heat_chart = (
            charts.heat_map(row.heat, chart_id=f"heat-{row.key}")
            if row.heat and row.heat.width
            else ""
        )
    bands = [
        (f"{i * 10}–{i * 10 + (10 if i == 9 else 9)} %", count)
        for i, count in enumerate(analysis.histogram)
    ]
    return {
        "histogram_chart": charts.histogram(analysis.histogram, pass_mark=analysis.quiz.pass_mark),
        "histogram_bands": bands,
        "scatter_chart": charts.scatter(points) if points else "",
    }


EXPORT_HEADER = [
    "Number",
    "Row",
    "Item",
    "Type",
    "Attempts",
    "Facility (%)",
    "SD (%)",
    "Discrimination",
    "Discriminative efficiency (%)",
    "Must-pass failures",
    "Chosen by bottom third (%)",
    "Chosen by top third (%)",
    "Chosen overall (%)",
    "Flags",
    "Item-writing warnings",
]


def _pct(value):
    return None if value is None else round(value * 100, 1)


def export_rows(analysis: QuizAnalysis):
    """One row per item (a variant set, then its members), then one per option of it."""
    for row in analysis.rows:
        kind = "question (deleted)" if row.deleted else "question"
        kind = "variant set" if row.is_set else kind
        yield [
            row.number,
            kind,
            row.label,
            row.type_label if not row.is_set else "",
            row.attempts,
            _pct(row.facility),
            _pct(row.sd),
            None if row.discrimination is None else round(row.discrimination, 3),
            _pct(row.efficiency),
            row.critical_failures if row.critical else None,
            None,
            None,
            None,
            " | ".join(row.flags),
            " | ".join(warning.label for warning in row.warnings),
        ]
        for option in row.options:
            label = f"{option.text} (keyed)" if option.is_keyed else option.text
            shares = [_pct(option.bottom), _pct(option.top), _pct(option.overall)]
            yield (
                [row.number, "option", label, "", sum(option.shown)]
                + [None] * 5
                + shares
                + [
                    "",
                    "",
                ]
            )


class AnalysisExportView(View):
    """The analysis as CSV or XLSX; the same filters and the same scope as the page."""

    def dispatch(self, request, quiz_id: int, file_format: str, *args, **kwargs):
        if file_format not in ("csv", "xlsx"):
            return HttpResponseBadRequest("Export as csv or xlsx.")
        quiz = quiz_for(request.user, quiz_id)
        form = FilterForm(request.GET or None)
        if request.GET and not form.is_valid():
            return HttpResponseBadRequest("Those filters are not valid: " + form.errors.as_text())
        filters = form.filters() if form.is_bound else Filters()
        analysis = quiz_analysis(quiz=quiz, filters=filters)
        log(
            instance=quiz,
            action=EXPORT_ACTION,
            user=request.user,
            data={
                "what": "item analysis",
                "format": file_format,
                "filters": {key: str(value) for key, value in vars(filters).items()},
            },
        )
        stamp = dt.date.today().isoformat()
        return spreadsheet_response(
            file_format=file_format,
            filename=f"item-analysis-{quiz.slug}-{stamp}",
            title="Item analysis",
            header=EXPORT_HEADER,
            rows=export_rows(analysis),
        )
