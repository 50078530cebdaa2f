from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from home import health


@never_cache
def healthz(request):
    """Database and Redis decide the status code; worker and beat are reported for operators."""
    checks = {
        "database": health.check_database(),
        "redis": health.check_redis(),
    }
    if checks["redis"]["ok"]:
        checks["worker"] = health.check_worker()
        checks["beat"] = health.check_beat()
    else:
        checks["worker"] = {"ok": False, "error": "redis unavailable", "workers": []}
        checks["beat"] = {"ok": False, "error": "redis unavailable"}
    healthy = checks["database"]["ok"] and checks["redis"]["ok"]
    status = "ok" if all(c["ok"] for c in checks.values()) else ("degraded" if healthy else "down")
    return JsonResponse({"status": status, **checks}, status=200 if healthy else 503)


def search(request):
    """Search published courses and lessons; results show titles and summaries only."""
    from courses.models import CoursePage, LessonPage

    query = request.GET.get("q", "").strip()[:200]
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
