"""The certificate register in the Wagtail admin: filters, CSV export, revoke, re-issue, resend."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.views.decorators.http import require_http_methods
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from certificates.models import Certificate, CertificateEmail
from certificates.review import certificate_review_clear
from certificates.selectors import csv_safe
from certificates.services import (
    CertificateActionError,
    certificate_holder_new_cycle,
    certificate_reissue,
    certificate_resend,
    certificate_revoke,
)
from courses.models import CoursePage
from courses.scope import (
    CourseScopedListingMixin,
    CourseScopedObjectMixin,
    course_subtree_q,
    courses_for_instructor,
)

CHANGE = "certificates.change_certificate"
STANDING_CHOICES = [("valid", "Valid"), ("expired", "Expired"), ("revoked", "Revoked")]
REVIEW_CHOICES = [("flagged", "Flagged for review"), ("clear", "Not flagged")]


class RegisterPermissionPolicy(ModelPermissionPolicy):
    """Certificates are records: instructors read them and act through the audited actions."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete", "copy"} and super().user_has_permission(
            user, action
        )


def with_delivery_status(queryset):
    delivery = CertificateEmail.objects.filter(
        certificate=OuterRef("pk"), kind=CertificateEmail.Kind.DELIVERY
    )
    return queryset.select_related("course", "user").annotate(
        delivery_status=Subquery(delivery.values("status")[:1]),
        delivery_attempts=Subquery(delivery.values("attempts")[:1]),
    )


def _visible_courses(request):
    return courses_for_instructor(user=request.user) if request else CoursePage.objects.none()


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(label="Course", queryset=_visible_courses)
    standing = django_filters.ChoiceFilter(
        label="Standing", choices=STANDING_CHOICES, method="filter_standing"
    )
    delivery_status = django_filters.ChoiceFilter(
        label="Certificate email", choices=CertificateEmail.Status.choices
    )
    review = django_filters.ChoiceFilter(
        label="Review", choices=REVIEW_CHOICES, method="filter_review"
    )
    issued_at = django_filters.DateFromToRangeFilter(label="Issued", widget=DateRangePickerWidget)
    expires_at = django_filters.DateFromToRangeFilter(label="Expires", widget=DateRangePickerWidget)

    class Meta:
        model = Certificate
        fields = ["course"]

    def filter_review(self, queryset, name, value):
        """Flagged: an unrevoked certificate someone must look at (see certificates.review)."""
        flagged = {"review_flagged_at__isnull": False, "status": Certificate.Status.VALID}
        return queryset.filter(**flagged) if value == "flagged" else queryset.exclude(**flagged)

    def filter_standing(self, queryset, name, value):
        now = timezone.now()
        if value == "revoked":
            return queryset.filter(status=Certificate.Status.REVOKED)
        valid = queryset.filter(status=Certificate.Status.VALID)
        return (
            valid.filter(expires_at__gt=now)
            if value == "valid"
            else valid.filter(expires_at__lte=now)
        )


DATETIME_FORMAT = "j F Y H:i"  # the site's dates ("2 July 2026"), in its time zone, to the minute
XLSX_DATETIME_FORMAT = "d mmmm yyyy hh:mm"
EXPORTED_DATES = ("issued_at", "expires_at", "revoked_at", "reissued_at", "review_flagged_at")


def local_datetime(value) -> str:
    return "" if value is None else date_format(timezone.localtime(value), DATETIME_FORMAT)


def local_naive(value):
    """XLSX has no time zones: write the site's wall-clock time, not UTC, without microseconds."""
    if value is None:
        return None
    return timezone.localtime(value).replace(tzinfo=None, second=0, microsecond=0)


class CertificateIndexView(CourseScopedListingMixin, IndexView):
    """Certificates of the courses the user may see (courses.scope), exports included."""

    scope_field = "course__path"
    # Names are typed by trainees: a spreadsheet must not run one as a formula.
    custom_field_preprocess = {
        **{
            field: {"csv": csv_safe}
            for field in (
                "holder_name",
                "registration_number",
                "course_title",
                "revoked_reason",
                "review_reason",
            )
        },
        **{field: {"csv": local_datetime, "xlsx": local_naive} for field in EXPORTED_DATES},
    }

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        return super().generate_xlsx_row(worksheet, row_dict, date_format=XLSX_DATETIME_FORMAT)

    def get_base_queryset(self):
        return with_delivery_status(super().get_base_queryset())


def standing_label(certificate) -> str:
    return dict(STANDING_CHOICES)[certificate.standing(timezone.now())]


def review_label(certificate) -> str:
    if certificate.flagged_for_review and certificate.status == Certificate.Status.VALID:
        return f"Flagged for review {local_datetime(certificate.review_flagged_at)}"
    return ""


def delivery_label(certificate) -> str:
    status = getattr(certificate, "delivery_status", None)
    if status is None:
        return "—"
    label = CertificateEmail.Status(status).label
    attempts = getattr(certificate, "delivery_attempts", 0) or 0
    return f"{label} ({attempts} attempt{'s' if attempts != 1 else ''})" if attempts > 1 else label


class CertificateInspectView(CourseScopedObjectMixin, InspectView):
    scope_field = "course__path"
    template_name = "certificates/admin/inspect.html"
    EMPTY = {
        "reissued_at": "Not re-issued",
        "revoked_at": "Not revoked",
        "revoked_reason": "—",
        "registration_number": "Not given",
        "pdf_rendered_at": "Not rendered yet",
        "review_reason": "Not flagged",
        "review_flagged_at": "Not flagged",
    }

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name)
        if value in (None, ""):
            return self.EMPTY.get(field_name, "—")
        if field_name.endswith("_at"):
            return local_datetime(value)
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        context.update(
            {
                "certificate": certificate,
                "standing": standing_label(certificate),
                "emails": certificate.emails.select_related("requested_by"),
                "retired_codes": certificate.retired_codes.all(),
                "can_act": self.request.user.has_perm(CHANGE),
                "action_urls": {
                    action: reverse(f"certificate_register:{action}", args=[certificate.pk])
                    for action in ("revoke", "reissue", "resend", "newcycle", "clearreview")
                },
                "review": bool(review_label(certificate)),
            }
        )
        return context


class CertificateHistoryView(CourseScopedObjectMixin, HistoryView):
    """The audit trail is for everyone who may see the register, not only editors."""

    scope_field = "course__path"

    any_permission_required = ["view"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Recorded in the audit history.",
    )


ACTIONS = {
    "clearreview": {
        "title": "Clear the review flag",
        "service": certificate_review_clear,
        "help": "The certificate keeps its standing. Say what you checked (for example that the "
        "skill was signed off again); the flag's reason and yours go into the audit history.",
        "done": "Review flag cleared.",
    },
    "revoke": {
        "title": "Revoke certificate",
        "service": certificate_revoke,
        "help": "The verify page will show “Revoked” and this reason to anyone who checks it.",
        "done": "Certificate revoked.",
    },
    "reissue": {
        "title": "Re-issue certificate",
        "service": certificate_reissue,
        "help": "A new code and PDF with the holder's current name and registration number, "
        "emailed to them. The old code will verify as “replaced”.",
        "done": "Certificate re-issued; the new PDF and email are on their way.",
    },
    "newcycle": {
        "title": "Start a new cycle",
        "service": certificate_holder_new_cycle,
        "help": "Opens a new cycle of the course for the holder: their progress and quiz "
        "attempts start afresh, and completing it issues a new certificate. This certificate "
        "keeps its standing.",
        "done": "A new cycle has started; the trainee sees it on their dashboard.",
    },
}


def _in_scope(request):
    return Certificate.objects.filter(course_subtree_q(user=request.user, field="course__path"))


@require_http_methods(["GET", "POST"])
def certificate_action(request, pk: int, action: str):
    """Revoke or re-issue, with a reason; the services log who did it."""
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    certificate = get_object_or_404(_in_scope(request), pk=pk)
    spec = ACTIONS[action]
    form = ReasonForm(request.POST or None)
    inspect_url = reverse("certificate_register:inspect", args=[pk])
    if request.method == "POST" and form.is_valid():
        try:
            spec["service"](
                certificate=certificate, reason=form.cleaned_data["reason"], user=request.user
            )
        except CertificateActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, spec["done"])
        return redirect(inspect_url)
    return TemplateResponse(
        request,
        "certificates/admin/action.html",
        {"certificate": certificate, "form": form, "spec": spec, "cancel_url": inspect_url},
    )


@require_http_methods(["POST"])
def certificate_resend_view(request, pk: int):
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    certificate = get_object_or_404(_in_scope(request), pk=pk)
    try:
        certificate_resend(certificate=certificate, user=request.user)
    except CertificateActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The certificate will be emailed to {certificate.user.email}.")
    return redirect("certificate_register:inspect", pk)


class CertificateRegisterViewSet(ModelViewSet):
    """Every certificate, per course: who holds what, its standing and whether the email arrived."""

    model = Certificate
    icon = "doc-full-inverse"
    menu_label = "Certificate register"
    menu_order = 215
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    history_view_class = CertificateHistoryView
    filterset_class = CertificateFilterSet
    form_fields = []  # never edited directly: the permission policy refuses add/change/delete
    search_fields = ["holder_name", "code", "course_title", "registration_number"]
    search_backend_name = None
    list_display = [
        "holder_name",
        "course_title",
        Column("code", label="Code", accessor="display_code"),
        "issued_at",
        "expires_at",
        Column("standing", label="Standing", accessor=standing_label),
        Column("delivery", label="Certificate email", accessor=delivery_label),
        Column("review", label="Review", accessor=review_label),
    ]
    list_export = [
        "holder_name",
        "registration_number",
        "course_title",
        "display_code",
        "cpd_hours",
        "issued_at",
        "expires_at",
        "standing_now",
        "revoked_at",
        "revoked_reason",
        "delivery_status",
        "review_flagged_at",
        "review_reason",
    ]
    export_headings = {
        "display_code": "Code",
        "standing_now": "Standing",
        "delivery_status": "Certificate email",
        "cpd_hours": "CPD hours",
        "review_flagged_at": "Flagged for review at",
        "review_reason": "Flagged for review because",
    }
    export_filename = "certificate-register"
    inspect_view_fields = [
        "holder_name",
        "registration_number",
        "course_title",
        "cpd_hours",
        "issued_at",
        "expires_at",
        "reissued_at",
        "revoked_at",
        "revoked_reason",
        "pdf_rendered_at",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "<id:pk>/revoke/",
                certificate_action,
                {"action": "revoke"},
                name="revoke",
            ),
            path(
                "<id:pk>/reissue/",
                certificate_action,
                {"action": "reissue"},
                name="reissue",
            ),
            path("<id:pk>/resend/", certificate_resend_view, name="resend"),
            path(
                "<id:pk>/clear-review/",
                certificate_action,
                {"action": "clearreview"},
                name="clearreview",
            ),
            path(
                "<id:pk>/new-cycle/",
                certificate_action,
                {"action": "newcycle"},
                name="newcycle",
            ),
        ]
