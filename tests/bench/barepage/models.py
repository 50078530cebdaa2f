from wagtail.fields import StreamField
from wagtail.models import Page

from courses.blocks import LessonBodyBlock


class BarePage(Page):
    """Wagtail's own cost for a page: route, serve, render the same StreamField body in the same
    site chrome (base.html). The HTTP bench compares our lesson page against it."""

    body = StreamField(LessonBodyBlock(), use_json_field=True)
    template = "barepage/bare_page.html"
