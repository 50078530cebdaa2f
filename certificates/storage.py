"""Private storage for certificate PDFs: outside MEDIA_ROOT, so no web server or URL serves them.

By default a directory on this machine (PRIVATE_MEDIA_ROOT); with CERTIFICATE_STORAGE=s3 a private
bucket (certificates/s3_storage.py), which every machine of a deployment shares.

A PDF carries the holder's registration number, which the public verify page deliberately hides.
The only way to a file is the download view, which checks the holder (or a register reader).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)

    def url(self, name):
        raise ValueError("Certificate files have no public URL; use the download view.")


def private_storage():
    """Callable, so migrations record the function rather than this machine's path.

    STORAGES["private"], when configured (CERTIFICATE_STORAGE=s3), replaces the local directory.
    """
    if "private" in settings.STORAGES:
        return storages["private"]
    return PrivateStorage()
