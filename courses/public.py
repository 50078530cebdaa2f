"""Pages anyone signed in may open: Wagtail's `.public()`, with the view restrictions kept.

Wagtail reads every view restriction on each call. They change only when an editor sets or
removes one (or moves a page under one), so they are kept like course outlines
(courses/outline_cache.py): saving or deleting a restriction, or moving a page, drops them.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import PageViewRestriction

from courses.outline_cache import kept_value


def _restricted_sections() -> list[tuple[str, int]]:
    rows = PageViewRestriction.objects.values_list("page__path", "page__depth")
    return sorted(set(rows))


def public(pages):
    """`pages` without those under a view restriction, as `pages.public()` gives them."""
    sections = kept_value(("view-restrictions",), _restricted_sections)
    if not sections:
        return pages
    private = reduce(or_, (Q(path__startswith=path, depth__gte=depth) for path, depth in sections))
    return pages.exclude(private)
