"""Which courses an instructor may look into: the ones they may edit.

One rule for every insight page and export, the quiz results and the certificate register,
defined by Wagtail page permissions, so a second course with its own instructor group is
invisible to the first course's instructors. (insight.scope re-exports it.)"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
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


def request_courses(request) -> list[dict]:
    """The courses the admin user may see, as dicts (id, title, path), read once per request:
    every instructor menu item, the sign-off count and the queue's filters ask for them."""
    if not hasattr(request, "_instructor_courses"):
        request._instructor_courses = list(
            courses_for_instructor(user=request.user)
            .order_by("title")
            .values("id", "title", "path")
        )
    return request._instructor_courses


def request_user_teaches_a_course(request) -> bool:
    """Whether the admin's instructor menu items show."""
    return bool(request_courses(request))


def instructor_may_see_course(*, user, course: CoursePage) -> bool:
    return courses_for_instructor(user=user).filter(pk=course.pk).exists()


def course_instructors(*, course: CoursePage):
    """Active users who may edit the course (the same rule as courses_for_instructor, read from
    the other side): members of groups with change permission on it or an ancestor."""
    from django.contrib.auth import get_user_model
    from wagtail.models import GroupPagePermission

    ancestors = [course.path[:n] for n in range(Page.steplen, len(course.path) + 1, Page.steplen)]
    groups = GroupPagePermission.objects.filter(
        page__path__in=ancestors, permission__codename="change_page"
    ).values("group_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def course_subtree_q(*, user, field: str = "path") -> Q:
    """Matches pages inside a course the user may see (field: the page path, e.g. "quiz__path"),
    for filtering attempts, quizzes or anything hanging off a page below a course."""
    paths = list(courses_for_instructor(user=user).values_list("path", flat=True))
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths))


class CourseScopedObjectMixin:
    """For Wagtail admin object views (inspect, history): 404 unless the row is inside one of
    the user's courses (scope_field: the path of a page at or below the course, e.g.
    "course__path")."""

    scope_field = "path"

    def scope_q(self) -> Q:
        return course_subtree_q(user=self.request.user, field=self.scope_field)

    def get_object(self, *args):
        from django.http import Http404

        instance = super().get_object(*args)  # (queryset=None) on some views, nothing on others
        if not type(instance)._default_manager.filter(self.scope_q(), pk=instance.pk).exists():
            raise Http404
        return instance


class CourseScopedListingMixin(CourseScopedObjectMixin):
    """For Wagtail admin index views: only the rows inside the user's courses."""

    def get_base_queryset(self):
        return super().get_base_queryset().filter(self.scope_q())
