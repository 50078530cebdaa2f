from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from courses.public import KeptViewRestrictionsMixin


class HomePage(KeptViewRestrictionsMixin, Page):
    """The site root: a welcome and the published courses."""

    headline = models.CharField(max_length=160, blank=True)
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("headline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    def route(self, request, path_components):
        """Find a page deeper than one level in one query by its URL path, rather than one child
        lookup and one `.specific` per level (a lesson is five levels down). Same outcome as
        Wagtail's walk: no page in this project routes its own sub-paths, so a path that names a
        page lands on it; any other path takes the usual walk (and its 404)."""
        if len(path_components) > 1:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(
                path__startswith=self.path,
                depth=self.depth + len(path_components),
                url_path=url_path,
            ).first()
            if page is not None:
                if not page.live:
                    raise Http404
                return RouteResult(page.specific)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from courses.models import CoursePage

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .order_by("path")[:6]
        )
        return context
