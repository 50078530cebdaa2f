from django import forms
from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from home.svg import UnsafeSvg, svg_sanitize


class SafeImageForm(BaseImageForm):
    """Every admin image form (single, multiple, chooser): an SVG that cannot be cleaned is refused
    with a reason. The cleaning itself happens when the image is saved (home/signals.py)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile) and file.name.lower().endswith(".svg"):
            position = file.tell()
            file.seek(0)
            try:
                svg_sanitize(file.read())
            except UnsafeSvg as error:
                raise forms.ValidationError(str(error)) from None
            finally:
                file.seek(position)
        return file
