"""Uploaded images are served so that nothing in them runs: a sandboxing CSP, nosniff, and
download (not display) for anything that is not an image. Covers SVGs stored before cleaning.

Only Wagtail's image folders are public. Documents go through Wagtail's document view (collection
privacy, its own CSP, attachment); certificate PDFs through the owner-checked view.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

MEDIA_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
PUBLIC_FOLDERS = ("original_images/", "images/")  # Wagtail's originals and renditions


def serve_media(request, path):
    if not path.startswith(PUBLIC_FOLDERS):
        raise Http404("Not a public file.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = MEDIA_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if not response.get("Content-Type", "").startswith("image/"):
        name = PurePosixPath(path).name.replace('"', "")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
