"""Settings shared by every environment; environment variables override the defaults."""

import os
from pathlib import Path

import dj_database_url
from django.contrib.messages import constants as message_constants

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
# Absolute links (emails, PDFs, QR codes). By default the server `make run` starts on WEB_PORT.
WEB_PORT = os.environ.get("WEB_PORT", "8000")
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{WEB_PORT}").rstrip("/")
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "accounts",
    "home",
    "courses",
    "quizzes",
    "certificates",
    "practice",
    "notifications",
    "packages",
    "insight",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.users_app.UsersAdminConfig",  # wagtail.users with forms for our User
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "allauth",
    "allauth.account",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "courses.middleware.SharedTokensOncePerRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.KeepTraineesOutOfAdminMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must be last: it turns lockouts into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for the writer rather than failing with "database is locked" when requests, the worker
    # and beat overlap. IMMEDIATE takes the write lock when a transaction begins: a deferred one
    # that read first and then tries to write deadlocks against another writer, and SQLite answers
    # that at once with "database is locked", whatever the timeout. It also serialises
    # check-then-write services on SQLite, which has no SELECT … FOR UPDATE.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.LoginLimitBackend",  # after axes: what axes refuses is not counted
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Pages under Wagtail's Privacy send visitors to the site's own log-in page, not Wagtail's.
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "courses:dashboard"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: log in by email, no usernames.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.ProfileSignupForm"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Log-in limits (README, "Log-in limits"), the same on every log-in path: axes locks an
# (email, client) pair; accounts.login_limits counts checked failures per client and per account.
# allauth's own failed-login limit would count on only one path and keep counting attempts axes had
# already refused, so it is off; its other limits (sign-up, reset, all log-ins per client) stay.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True  # the emailed link is how a locked-out owner gets in
LOGIN_FAILURES_PER_CLIENT = int(os.environ.get("LOGIN_FAILURES_PER_CLIENT", "30"))
LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("LOGIN_FAILURES_PER_ACCOUNT", "20"))
LOGIN_FAILURE_WINDOW = 15 * 60  # seconds, from the first counted failure
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Needlepoint Academy] "

# django-axes: lock an (email, client IP) pair out after repeated failures.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.adapter.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
# The real client behind our proxies, for axes, allauth's limits and ours.
CLIENT_IP_CALLABLE = "config.proxy.client_ip"
AXES_CLIENT_IP_CALLABLE = CLIENT_IP_CALLABLE
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))  # reverse proxies in front

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {message_constants.ERROR: "danger"}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
# Django serves /media/ itself (with a sandboxing CSP); set SERVE_MEDIA=false when the proxy does,
# and give those responses the same headers (README, "Uploaded files").
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Files only the app serves, after its own checks (certificate PDFs); never under MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Redis backs Celery and the cache. REDIS_URL is set by `make run` when it starts Redis itself.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None  # a long Redis outage must not end the worker
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "home.tasks.record_worker_heartbeat", "schedule": 30.0},
    "submit-expired-attempts": {"task": "quizzes.tasks.submit_expired_attempts", "schedule": 60.0},
    "sweep-certificates": {"task": "certificates.tasks.sweep_certificates", "schedule": 300.0},
    # Catches up a status-list rebuild that could not be queued (Redis down at revocation).
    "sweep-credentials": {
        "task": "certificates.credential_tasks.sweep_credentials",
        "schedule": 900.0,
    },
    "rebuild-credential-status-list": {
        "task": "certificates.credential_tasks.rebuild_status_list",
        "schedule": 3600.0,
    },
    "sweep-outbox": {"task": "notifications.tasks.sweep_outbox", "schedule": 300.0},
    "certificate-expiry-reminders": {
        "task": "certificates.tasks.send_expiry_reminders",
        "schedule": 3600.0,
    },
}
# First retry of a refused certificate email waits up to this many seconds, doubling each time.
CERTIFICATE_EMAIL_RETRY_BACKOFF = int(os.environ.get("CERTIFICATE_EMAIL_RETRY_BACKOFF", "5"))

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Shared between web processes, so a limit holds whichever process answers.
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "ratelimit",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    },
}
# Shared by every process: tokens saying whether what a process keeps in memory still holds
# (courses/outline_cache.py). Pages are served without it, only slower.
CACHES["shared"] = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": REDIS_URL,
    "KEY_PREFIX": "shared",
    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
}
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_FAIL_OPEN = True  # a Redis outage must not lock everyone out of verification
CERTIFICATE_VERIFY_RATE = os.environ.get("CERTIFICATE_VERIFY_RATE", "60/10m")
CERTIFICATE_VERIFY_MISS_RATE = os.environ.get("CERTIFICATE_VERIFY_MISS_RATE", "10/10m")

# Email: EMAIL_URL (smtp://user:pass@host:port, or console:// / file://) or the discrete settings.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Needlepoint Academy <no-reply@example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
if os.environ.get("EMAIL_URL"):
    from config.email_url import parse_email_url

    globals().update(parse_email_url(os.environ["EMAIL_URL"]))

# Saves that arrive this long after a quiz deadline still count (network latency); later ones don't.
QUIZ_DEADLINE_GRACE_SECONDS = int(os.environ.get("QUIZ_DEADLINE_GRACE_SECONDS", "5"))

WAGTAIL_SITE_NAME = "Needlepoint Academy"
# Open Badges 3.0 credentials (README, "Portable credentials"). The private signing keys live in
# this directory, outside the repository and the database: back it up with the site's secrets.
CREDENTIAL_KEYS_DIR = Path(
    os.environ.get("CREDENTIAL_KEYS_DIR", BASE_DIR / "var" / "credential-keys")
)
CREDENTIAL_KEYS_AUTOCREATE = True  # dev and tests make a key on first use; production refuses
CREDENTIAL_ISSUER_NAME = os.environ.get("CREDENTIAL_ISSUER_NAME", WAGTAIL_SITE_NAME)
CREDENTIAL_MAX_UPLOAD_BYTES = 256 * 1024
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.SafeImageForm"  # refuses SVGs it cannot clean
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# One password reset for everyone (allauth's: limited per client, logs in and lifts log-in locks).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatar requests from the admin

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail 8 runs search-index and reference-index updates as tasks and logs each one.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
