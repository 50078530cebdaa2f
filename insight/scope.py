"""Which courses an instructor may look into: the ones they may edit.

One rule for every insight page and export, defined by Wagtail page permissions, so a second
course with its own instructor group is invisible to the first course's instructors."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from courses.models import CoursePage


def courses_for_instructor(*, user) -> QuerySet[CoursePage]:
    """Courses the user may edit (change permission on the course or an ancestor); superusers
    see all; anyone else (trainees, anonymous, inactive) sees none."""
    if not (user.is_authenticated and user.is_active):
        return CoursePage.objects.none()
    if user.is_superuser:
        return CoursePage.objects.all()
    editable = PagePermissionPolicy(Page).instances_user_has_permission_for(user, "change")
    return CoursePage.objects.filter(pk__in=editable.values("pk"))


def instructor_may_see_course(*, user, course: CoursePage) -> bool:
    return courses_for_instructor(user=user).filter(pk=course.pk).exists()
