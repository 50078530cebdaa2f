import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.media import serve_media
from practice import urls as practice_urls  # noqa: E402

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("healthz", home_views.healthz, name="healthz"),
    path("healthz/detail", home_views.healthz_detail, name="healthz_detail"),
    path("search/", home_views.search, name="search"),
    path("", include("courses.urls")),
    path("", include("quizzes.urls")),
    path("", include("certificates.urls")),
    path("", include("practice.urls")),
    *practice_urls.cosign_urlpatterns,
]

if settings.SERVE_MEDIA:
    # Uploads, with headers that stop active content (home/media.py); in dev and production.
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.+)$", serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.errors.page_not_found"
handler500 = "home.errors.server_error"
