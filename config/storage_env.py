"""Where private files (certificate PDFs, course packages awaiting import) are kept.

CERTIFICATE_STORAGE=filesystem (the default) keeps them under PRIVATE_MEDIA_ROOT on this machine.
CERTIFICATE_STORAGE=s3 puts them in an S3-compatible bucket, so web processes and workers on
different machines read and write the same files. Objects are stored with a private ACL and never
get a URL: downloads still go through the owner-checked view, which streams from the bucket.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

MAX_MEMORY_SIZE = 1024 * 1024  # a downloaded object larger than this spills to a temporary file


def private_storage_from_env(environ: Mapping[str, str]) -> dict | None:
    """The STORAGES["private"] entry for CERTIFICATE_STORAGE, or None for the local filesystem."""
    kind = environ.get("CERTIFICATE_STORAGE", "filesystem").strip().lower()
    if kind in ("", "filesystem"):
        return None
    if kind != "s3":
        raise ImproperlyConfigured("CERTIFICATE_STORAGE must be 'filesystem' or 's3'.")
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        raise ImproperlyConfigured("CERTIFICATE_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        "location": environ.get("AWS_LOCATION", "").strip("/"),
        "default_acl": "private",
        "querystring_auth": True,  # belt and braces: PrivateS3Storage.url refuses anyway
        # Like the filesystem: a new file never replaces one of the same name, so deleting the
        # old PDF after a re-render or a revocation cannot remove the new one.
        "file_overwrite": False,
        "max_memory_size": MAX_MEMORY_SIZE,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
    }
    # Without keys boto3 uses its own chain (instance role, AWS_* environment, config files).
    if environ.get("AWS_ACCESS_KEY_ID"):
        options["access_key"] = environ["AWS_ACCESS_KEY_ID"]
        options["secret_key"] = environ.get("AWS_SECRET_ACCESS_KEY", "")
    return {"BACKEND": "certificates.s3_storage.PrivateS3Storage", "OPTIONS": options}
