"""The site root routes any page in one lookup, as Wagtail's level-by-level walk would."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from courses.models import LessonPage
from tests.factories import build_course, lessons_of

pytestmark = pytest.mark.django_db


def root():
    return Site.objects.get(is_default_site=True).root_page.specific


def components(page) -> list[str]:
    return [part for part in page.url.split("/") if part]


def walk(page_root, parts):
    """Wagtail's own routing: one child lookup per level."""
    return Page.route(page_root, RequestFactory().get("/"), parts)


def routed(parts):
    return root().route(RequestFactory().get("/"), parts)


def test_every_page_routes_where_the_level_by_level_walk_does():
    course = build_course(modules=2, lessons_per_module=2)
    home = root()
    pages = [course, *course.get_descendants().specific()]
    for page in pages:
        parts = components(page)
        assert routed(parts).page.pk == walk(home, parts).page.pk == page.pk
        assert type(routed(parts).page) is type(page.specific)


def test_a_lesson_five_levels_down_costs_two_queries():
    lesson = lessons_of(build_course(modules=1, lessons_per_module=1))[0]
    parts = components(lesson)
    home = root()
    with CaptureQueriesContext(connection) as queries:
        result = home.route(RequestFactory().get("/"), parts)
    assert isinstance(result.page, LessonPage)
    assert len(queries) == 2  # the page by its URL path, then its specific row
    with CaptureQueriesContext(connection) as walked:
        walk(home, parts)
    assert len(walked) > len(queries)


@pytest.mark.parametrize("case", ["unpublished", "missing", "extra part", "wrong parent"])
def test_paths_that_name_no_live_page_are_404_as_before(case):
    course = build_course(modules=2, lessons_per_module=1)
    lesson, other = lessons_of(course)
    parts = components(lesson)
    if case == "unpublished":
        lesson.unpublish()
    elif case == "missing":
        parts[-1] = "no-such-lesson"
    elif case == "extra part":
        parts.append("more")
    else:  # the lesson's slug under the other lesson's module
        parts = components(other)[:-1] + [parts[-1]]
    with pytest.raises(Http404):
        routed(parts)
    with pytest.raises(Http404):
        walk(root(), parts)
