"""Question import and export in the Wagtail admin: upload → preview → confirm, and downloads.

Between preview and confirm the uploaded bytes wait in a private temporary file named by a random
id; the confirm form carries only that id, signed with the user's pk and the chosen bank and
format. The file is parsed again on confirm: a client-sent parsed payload is never trusted.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import ngettext
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from quizzes.exporters import questions_export
from quizzes.importers.model import QuestionFileError, max_bytes
from quizzes.importers.parse import parse_file
from quizzes.importers.services import questions_import, questions_preview
from quizzes.models import QuestionBank

SIGNING_SALT = "quizzes.question-import"
PENDING_MAX_AGE = 60 * 60  # seconds a previewed upload may wait for its confirmation
FORMAT_CHOICES = [("gift", "GIFT (.gift, .txt)"), ("moodlexml", "Moodle XML (.xml)")]
EXPORT_TYPES = {
    "gift": ("text/plain; charset=utf-8", "gift.txt"),
    "moodlexml": ("application/xml; charset=utf-8", "xml"),
}


def can_import(user) -> bool:
    return user.has_perm("quizzes.add_question")


def can_export(user) -> bool:
    return user.has_perm("quizzes.view_question") or user.has_perm("quizzes.change_question")


def _pending_dir() -> Path:
    """A directory only this process's user can read: uploads may hold unpublished questions."""
    default = Path(tempfile.gettempdir()) / f"needlepoint-question-imports-{os.getuid()}"
    path = Path(getattr(settings, "QUESTION_IMPORT_TEMP_DIR", default))
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise ImproperlyConfigured(f"{path} must belong to this user and be private (mode 700).")
    return path


def _sweep_pending(directory: Path) -> None:
    """Forget uploads nobody confirmed."""
    cutoff = time.time() - PENDING_MAX_AGE
    for stale in [*directory.glob("*.upload"), *directory.glob("*.claimed")]:
        try:
            if stale.stat().st_mtime < cutoff:
                stale.unlink(missing_ok=True)
        except FileNotFoundError:  # claimed or swept by another request meanwhile
            continue


def _claim(path: Path) -> Path | None:
    """Take the pending upload for this confirmation: an atomic rename, so a double-submitted
    or replayed confirm finds nothing and cannot import the file twice."""
    claimed = path.with_suffix(".claimed")
    try:
        os.rename(path, claimed)
    except FileNotFoundError:
        return None
    os.utime(claimed)  # not swept while this import runs
    return claimed


class QuestionImportForm(forms.Form):
    file = forms.FileField(help_text="A GIFT or Moodle XML file, UTF-8, up to the size limit.")
    file_format = forms.ChoiceField(label="Format", choices=FORMAT_CHOICES)
    bank = forms.ModelChoiceField(QuestionBank.objects.all(), help_text="Questions go here.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {max_bytes():,} bytes."
            )
        return upload


class QuestionImportView(WagtailAdminTemplateMixin, View):
    page_title = "Import questions"
    header_icon = "upload"
    template_name = "quizzes/admin/import_questions.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=QuestionImportForm()))

    def post(self, request):
        if "token" in request.POST:
            return self._confirm(request)
        form = QuestionImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["file"].read(max_bytes() + 1)
        file_format, bank = form.cleaned_data["file_format"], form.cleaned_data["bank"]
        context = {"form": form, "bank": bank, "file_name": form.cleaned_data["file"].name}
        try:
            report = questions_preview(result=parse_file(data, file_format))
        except QuestionFileError as error:
            return self.render_to_response(self.get_context_data(file_error=error, **context))
        directory = _pending_dir()
        _sweep_pending(directory)
        upload_id = secrets.token_urlsafe(18)
        (directory / f"{upload_id}.upload").write_bytes(data)
        token = signing.dumps(
            {"id": upload_id, "user": request.user.pk, "bank": bank.pk, "format": file_format},
            salt=SIGNING_SALT,
        )
        return self.render_to_response(self.get_context_data(report=report, token=token, **context))

    def _confirm(self, request):
        try:
            pending = signing.loads(
                request.POST["token"], salt=SIGNING_SALT, max_age=PENDING_MAX_AGE
            )
        except signing.BadSignature:
            messages.error(request, "This preview has expired. Upload the file again.")
            return redirect("quizzes_questions_import")
        if pending["user"] != request.user.pk or not re.fullmatch(r"[\w-]+", pending["id"]):
            raise PermissionDenied
        path = _pending_dir() / f"{pending['id']}.upload"
        bank = get_object_or_404(QuestionBank, pk=pending["bank"])
        claimed = _claim(path)
        if claimed is None:
            messages.error(
                request,
                "This upload was already imported (or is being imported) or has expired: "
                "nothing more was imported. Check the bank before uploading it again.",
            )
            return redirect("quizzes_questions_import")
        try:
            result = parse_file(claimed.read_bytes(), pending["format"])
            with transaction.atomic():
                report = questions_import(bank=bank, result=result)
        except QuestionFileError as error:  # the file cannot change, but stay safe
            claimed.unlink(missing_ok=True)
            messages.error(request, str(error))
            return redirect("quizzes_questions_import")
        except BaseException:
            os.rename(claimed, path)  # nothing was imported: the preview may be confirmed again
            raise
        if report.rejected:
            os.rename(claimed, path)
            messages.error(request, "Nothing was imported: some questions were rejected.")
            return self.render_to_response(
                self.get_context_data(report=report, bank=bank, form=QuestionImportForm())
            )
        claimed.unlink(missing_ok=True)
        skipped = f"; {len(report.skipped)} skipped" if report.skipped else ""
        questions = ngettext("question", "questions", report.imported)
        messages.success(request, f"Imported {report.imported} {questions} into {bank}{skipped}.")
        listing = reverse("wagtailsnippets_quizzes_question:list")
        return redirect(f"{listing}?bank={bank.pk}")


def questions_export_view(request, bank_id: int, file_format: str):
    if not can_export(request.user):
        raise PermissionDenied
    if file_format not in EXPORT_TYPES:
        raise Http404
    bank = get_object_or_404(QuestionBank, pk=bank_id)
    questions = bank.questions.select_related("category", "image").order_by("pk")
    text, _notes = questions_export(questions, file_format)
    content_type, extension = EXPORT_TYPES[file_format]
    response = HttpResponse(text, content_type=content_type)
    filename = f"{slugify(bank.name) or 'questions'}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
