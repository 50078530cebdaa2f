"""Forms of the package admin: the upload, and the confirmation that names a previewed upload."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

UPDATE_LABEL = "Apply as an update to the existing course with the same slug"


def max_upload_bytes() -> int:
    """The largest .zip accepted (settings.PACKAGE_UPLOAD_MAX_BYTES; 50 MB by default)."""
    return int(getattr(settings, "PACKAGE_UPLOAD_MAX_BYTES", 50 * 1024 * 1024))


def too_large_message(size: int | None = None) -> str:
    limit = filesizeformat(max_upload_bytes())
    if size is None:
        return f"The upload is larger than the limit of {limit}: nothing was read or imported."
    return f"The file is {filesizeformat(size)}; the limit is {limit}. Nothing was imported."


class PackageUploadForm(forms.Form):
    package = forms.FileField(
        label="Course package (.zip)",
        help_text="A .zip made by “Export as package” or by export_course, "
        "with course.yaml at its top.",
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
    update = forms.BooleanField(
        label=UPDATE_LABEL,
        required=False,
        help_text="Changed pages get new published revisions and changed questions new versions; "
        "attempts already started keep the questions they showed.",
    )

    def clean_package(self):
        upload = self.cleaned_data["package"]
        if upload.size > max_upload_bytes():
            raise forms.ValidationError(too_large_message(upload.size))
        return upload


class PackageConfirmForm(forms.Form):
    token = forms.CharField(max_length=100, min_length=20, widget=forms.HiddenInput)

    def clean_token(self):
        token = self.cleaned_data["token"]
        if not token.isascii() or not token.replace("-", "").replace("_", "").isalnum():
            raise forms.ValidationError("This preview is not valid.")
        return token
