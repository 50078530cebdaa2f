"""Settings for `make bench`'s HTTP pass: production settings on loopback, plus the bare page."""

import os

from config.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.bench.barepage"]  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405 - a persistent connection per worker
# The bench never signs a credential; a throwaway key directory keeps `check` quiet.
CREDENTIAL_KEYS_AUTOCREATE = True
CREDENTIAL_KEYS_DIR = os.environ.get("BENCH_KEYS_DIR", "/tmp/needlepoint-bench-keys")  # noqa: S108
