"""Course packages in the Wagtail admin: upload → preview → confirm, and export as a .zip.

Thin views: the import's dry run (packages/admin_preview.py) and the import itself
(packages/services.py) decide; the upload waits between the two in private storage
(packages/pending.py). Who may do what follows Wagtail's page permissions, as authoring does:
a new course needs add and publish rights under the course index, an update or an export
needs edit (and, for the update, publish) rights on that course.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from courses.models import CourseIndexPage, CoursePage
from packages import pending as uploads
from packages.admin_forms import (
    PackageConfirmForm,
    PackageUploadForm,
    max_upload_bytes,
    too_large_message,
)
from packages.admin_preview import action_groups, admin_wording, package_preview
from packages.problems import PackageInvalid
from packages.selectors import ExportRefused, course_package_files, package_zip
from packages.services import package_import

MULTIPART_OVERHEAD = 64 * 1024  # the form's other fields and the part headers


class NotAllowed(PermissionDenied):
    """Refused by page permissions, with the reason the form shows."""


def can_import_new(user) -> bool:
    index = CourseIndexPage.objects.first()
    if index is None:
        return False
    permissions = index.permissions_for_user(user)
    return permissions.can_add_subpage() and permissions.can_publish_subpage()


def can_change_course(user, course: Page, *, publish: bool) -> bool:
    permissions = course.permissions_for_user(user)
    return permissions.can_edit() and (permissions.can_publish() or not publish)


def can_use_packages(user) -> bool:
    """Whether to show the import at all: a new course, or an update of some course."""
    if can_import_new(user):
        return True
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return pages.type(CoursePage).exists()


def authorizer(user):
    """For the import: refuse, inside its lock, a course this user may not write."""

    def authorize(course: CoursePage | None) -> None:
        if course is None and not can_import_new(user):
            raise NotAllowed("You may not add courses: ask an administrator for the rights.")
        if course is not None and not can_change_course(user, course, publish=True):
            raise NotAllowed(f"You may not edit and publish the course “{course.title}”.")

    return authorize


class PackageImportView(WagtailAdminTemplateMixin, View):
    page_title = "Import a course package"
    header_icon = "upload"
    template_name = "packages/admin/import.html"

    @classmethod
    def as_view(cls, **initkwargs):
        # The size check must come before anything reads the body, and Django's CSRF middleware
        # reads it: so the middleware is skipped here and the check runs in dispatch, after.
        return csrf_exempt(super().as_view(**initkwargs))

    def dispatch(self, request, *args, **kwargs):
        if not can_use_packages(request.user):
            raise PermissionDenied
        if request.method == "POST" and _declared_length(request) > (
            max_upload_bytes() + MULTIPART_OVERHEAD
        ):
            context = self.get_context_data(form=PackageUploadForm(), refused=too_large_message())
            return self.render_to_response(context, status=413)
        return csrf_protect(super().dispatch)(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def render_to_response(self, context, status=200, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response.status_code = status
        return response

    def get(self, request):
        form = PackageUploadForm(initial={"update": request.GET.get("update") == "1"})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request):
        if "token" in request.POST:
            return self._confirm(request)
        form = PackageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload, update = form.cleaned_data["package"], form.cleaned_data["update"]
        context = {"form": form, "file_name": upload.name, "update": update}
        try:
            result = package_preview(
                source=upload, update=update, authorize=authorizer(request.user)
            )
        except PackageInvalid as error:
            return self._problems(context, error.problems)
        except NotAllowed as error:
            context["refused"] = str(error)
            return self.render_to_response(self.get_context_data(**context), status=403)
        _, token = uploads.pending_package_create(user=request.user, upload=upload, update=update)
        context.update(
            result=result,
            groups=action_groups(result.actions),
            warnings=list(dict.fromkeys(result.warnings)),  # a pair of cross-cued items: once
            token=token,
            confirm_form=PackageConfirmForm(initial={"token": token}),
        )
        return self.render_to_response(self.get_context_data(**context))

    def _problems(self, context, problems, status=400):
        context["problems"] = [admin_wording(problem) for problem in problems]
        return self.render_to_response(self.get_context_data(**context), status=status)

    def _confirm(self, request):
        form = PackageConfirmForm(request.POST)
        if not form.is_valid():
            return self._stale(request, "This preview is not valid: upload the package again.")
        try:
            with transaction.atomic():
                claimed = uploads.pending_package_consume(
                    user=request.user, token=form.cleaned_data["token"]
                )
                if claimed is None:
                    return self._stale(
                        request,
                        "This preview has expired or was already confirmed: nothing more was "
                        "imported. Check the course before uploading the package again.",
                        status=409,
                    )
                with uploads.pending_package_open(claimed) as handle:
                    result = package_import(
                        source=handle,
                        update=claimed.update,
                        authorize=authorizer(request.user),
                    )
                log(
                    instance=result.course,
                    action="packages.import",
                    user=request.user,
                    data=_audit(claimed, result),
                )
                uploads.pending_package_discard(claimed)
        except uploads.UploadChanged:
            return self._stale(
                request, "The stored upload is gone or changed since its preview: upload it again."
            )
        except NotAllowed as error:
            return self._stale(request, str(error), status=403)
        except PackageInvalid as error:  # the site changed since the preview
            context = {"form": PackageUploadForm(), "file_name": claimed.original_name}
            return self._problems(context, error.problems, status=409)
        course = result.course
        verb = "Updated" if claimed.update else "Imported"
        messages.success(request, f"{verb} “{course.title}” from {claimed.original_name}.")
        return redirect("wagtailadmin_explore", course.pk)

    def _stale(self, request, message: str, status: int = 400):
        context = {"form": PackageUploadForm(), "refused": message}
        return self.render_to_response(self.get_context_data(**context), status=status)


def _declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except (TypeError, ValueError):
        return 0


def _audit(claimed, result) -> dict:
    return {
        "package": claimed.original_name,
        "sha256": claimed.sha256,
        "update": claimed.update,
        "changes": len(result.actions),
        "warnings": len(result.warnings),
    }


def package_export_view(request, page_id: int):
    """The course as a .zip, for those who may edit it; each download is in the page's history."""
    course = get_object_or_404(CoursePage, pk=page_id)
    if not can_change_course(request.user, course, publish=False):
        raise PermissionDenied
    try:
        files = course_package_files(course=course)
    except (
        ExportRefused
    ) as refusal:  # content the format cannot write back: say where, lose nothing
        messages.error(request, f"Not exported: {refusal}")
        return redirect("wagtailadmin_explore", course.get_parent().pk)
    data = package_zip(files)
    log(
        instance=course,
        action="packages.export",
        user=request.user,
        data={"files": len(files), "bytes": len(data)},
    )
    response = HttpResponse(data, content_type="application/zip")
    filename = f"{slugify(course.slug) or 'course'}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def import_url(*, update: bool = False) -> str:
    url = reverse("packages_import")
    return f"{url}?update=1" if update else url
