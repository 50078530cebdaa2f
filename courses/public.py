"""View restrictions (Wagtail's Privacy), kept: which pages a request must check against a
restriction, and whether it may view them.

Wagtail spends two queries on every page it serves finding the restrictions (the page's
ancestors, then the restrictions on them). They change only when an editor sets or removes one,
or moves, copies or aliases a page, so they are kept like course outlines
(courses/outline_cache.py): saving or deleting a restriction, or any page change, drops them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page, PageViewRestriction

from courses.outline_cache import kept_value


@dataclass(frozen=True)
class Privacy:
    restricted_sections: list[tuple[str, int]]  # (path, depth) of each page with a restriction
    alias_paths: list[str]  # pages that are aliases take their source page's restrictions

    def may_be_restricted(self, page) -> bool:
        """Whether a restriction can apply to `page`: one on it or an ancestor, or an alias
        among them (Wagtail then checks the alias's source)."""
        chain = (*(path for path, _ in self.restricted_sections), *self.alias_paths)
        return any(page.path.startswith(path) for path in chain)


def _privacy() -> Privacy:
    sections = sorted(set(PageViewRestriction.objects.values_list("page__path", "page__depth")))
    aliases = list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    return Privacy(restricted_sections=sections, alias_paths=aliases)


def privacy() -> Privacy:
    return kept_value(("privacy",), _privacy)


def may_view(page, request) -> bool:
    """Whether this request may view `page`, as Wagtail decides when it serves the page: signed
    in, a member of the groups, or has given the password (kept: no query for an open course)."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def viewable_page_or_404(pages, *, pk, request):
    """The live page `pk` of `pages` if this request may view it; else a 404, as for a page that
    does not exist. Actions on a page (enrol, start, complete, log) use it, so whoever may read a
    page under a restriction may also act on it, and nobody else."""
    page = get_object_or_404(pages.live(), pk=pk)
    if not may_view(page, request):
        raise Http404("No such page.")
    return page


def passed_passwords(request) -> list[int]:
    """The password restrictions this session has passed (Wagtail keeps them in the session)."""
    return list(request.session.get(PageViewRestriction.passed_view_restrictions_session_key, []))


class KeptViewRestrictionsMixin:
    """For page types: serving checks the kept restrictions rather than querying for them.

    When no restriction (and no alias) sits on the page or above it, which is every page of an
    open course, the answer is an empty queryset, which Wagtail's check iterates without a
    query; otherwise Wagtail's own lookup runs, so every restriction is enforced exactly as
    Wagtail enforces it. Decisions that write (enrolling) call Wagtail's
    `Page.get_view_restrictions(page)` for a fresh answer."""

    def get_view_restrictions(self):
        if self.pk and self.path and not self.alias_of_id and not privacy().may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
