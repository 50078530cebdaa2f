"""Certificate PDFs in an S3-compatible bucket (CERTIFICATE_STORAGE=s3; see config/storage_env.py).

A separate module so that boto3 is imported only by deployments that use it.
"""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Private objects with no URL: a presigned link could be forwarded, so only the view serves."""

    def url(self, name, *args, **kwargs):
        raise ValueError("Certificate files have no public URL; use the download view.")
