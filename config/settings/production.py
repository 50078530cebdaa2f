"""Production: secrets from the environment, HTTPS everywhere, mandatory email verification."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.storage_env import private_storage_from_env

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 50 characters."
    )

ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Never mint a signing key on the fly in production: `manage.py credential_keys rotate` makes one,
# and a missing key directory stops signing (and `manage.py check`) instead of silently forking.
CREDENTIAL_KEYS_AUTOCREATE = False
# Behind a reverse proxy the client address is in X-Forwarded-For, not REMOTE_ADDR; without this
# one person's typos would lock everyone out (lockouts and verify limits key on the address).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail previews pages in a same-origin iframe.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Certificate PDFs: PRIVATE_MEDIA_ROOT by default; CERTIFICATE_STORAGE=s3 for a shared bucket.
_private_storage = private_storage_from_env(os.environ)
if _private_storage:
    STORAGES["private"] = _private_storage
CACHES = {
    **CACHES,  # noqa: F405 - keeps the shared "ratelimit" and "shared" caches from base
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,  # noqa: F405
    },
}
