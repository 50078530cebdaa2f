from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from home import health


@never_cache
def healthz(request):
    """Only the database decides the status code: lessons and quizzes are served without Redis.

    Redis, worker and beat make the answer "degraded"; they are read from recorded heartbeats
    (milliseconds), never pinged live, and the public answer names no hosts.
    """
    checks = {"database": health.check_database(), **health.check_redis_worker_beat()}
    healthy = checks["database"]["ok"]
    status = "ok" if all(c["ok"] for c in checks.values()) else ("degraded" if healthy else "down")
    return JsonResponse({"status": status, **checks}, status=200 if healthy else 503)


@never_cache
@login_required
def healthz_detail(request):
    """Operators' view: which workers have recorded a heartbeat, and how long ago."""
    if not request.user.is_staff:
        raise PermissionDenied
    try:
        workers = health.worker_details()
    except Exception as error:  # noqa: BLE001 - Redis down is an answer here, not a 500
        return JsonResponse({"error": type(error).__name__, "workers": []}, status=503)
    return JsonResponse({"workers": workers})


def search(request):
    """Search published courses and lessons; results show titles and summaries only."""
    from courses.models import CoursePage, LessonPage

    # Plain words only: PostgreSQL refuses NUL in text and SQLite's FTS5 reads a stray '"' as an
    # unterminated phrase; both were 500s. Phrase search is not offered, so nothing is lost.
    query = request.GET.get("q", "").replace("\x00", "").replace('"', " ").strip()[:200]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .type(CoursePage, LessonPage)
            .specific()
            .search(query, operator="and")
        )
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "home/search.html", {"query": query, "results": page})
