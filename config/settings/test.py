"""Test settings: fast hashing, eager Celery unless a test runs a real worker."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/needlepoint-test-media")  # noqa: S108
PRIVATE_MEDIA_ROOT = os.environ.get("TEST_PRIVATE_MEDIA_ROOT", "/tmp/needlepoint-test-private")  # noqa: S108
ACCOUNT_RATE_LIMITS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405
# Lets a live-server test wait for requests still running before its database is flushed.
MIDDLEWARE = ["tests.e2e.inflight.InFlightRequestsMiddleware", *MIDDLEWARE]  # noqa: F405
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl"},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}
CERTIFICATE_EMAIL_RETRY_BACKOFF = 1
CREDENTIAL_KEYS_DIR = os.environ.get(
    "TEST_CREDENTIAL_KEYS_DIR",
    "/tmp/needlepoint-test-credential-keys",  # noqa: S108
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared-cache in-memory database: with shared cache, SQLite answers a
    # live-server request that meets another's write with "database table is locked" at once,
    # ignoring the busy timeout. A file waits like production does. WAL lets readers go on while
    # one request writes; no fsync, since the file is thrown away.
    # One file per test process, so two runs (or a run beside a benchmark) never share one.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"needlepoint-test-{os.getpid()}.sqlite3")
    }
    DATABASES["default"]["OPTIONS"]["init_command"] = (  # noqa: F405
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
    )
