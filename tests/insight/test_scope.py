"""Which courses an instructor may look into: decided by page permissions on the course subtree."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from insight.scope import courses_for_instructor, instructor_may_see_course
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


def _instructor_of(course, codename="change_page"):
    group = Group.objects.create(name=f"Instructors of {course.slug}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=course, permission=Permission.objects.get(codename=codename)
    )
    user = UserFactory()
    user.groups.add(group)
    return user


def test_an_instructor_sees_only_the_course_they_may_edit():
    first, second = build_course(slug="first"), build_course(slug="second")
    alice, bob = _instructor_of(first), _instructor_of(second)
    assert list(courses_for_instructor(user=alice)) == [first]
    assert list(courses_for_instructor(user=bob)) == [second]
    assert instructor_may_see_course(user=alice, course=first)
    assert not instructor_may_see_course(user=alice, course=second)


def test_permission_on_an_ancestor_covers_every_course_below_it():
    first, second = build_course(slug="first"), build_course(slug="second")
    index = Page.objects.get(pk=first.get_parent().pk)
    lead = _instructor_of(index)
    assert set(courses_for_instructor(user=lead)) == {first, second}


def test_publish_alone_or_no_permission_shows_nothing():
    course = build_course()
    assert not courses_for_instructor(user=_instructor_of(course, "publish_page")).exists()
    assert not courses_for_instructor(user=UserFactory()).exists()


def test_superusers_see_all_and_inactive_or_anonymous_users_none():
    from django.contrib.auth.models import AnonymousUser

    first, second = build_course(slug="first"), build_course(slug="second")
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert set(courses_for_instructor(user=admin)) == {first, second}
    lapsed = _instructor_of(first)
    lapsed.is_active = False
    assert not courses_for_instructor(user=lapsed).exists()
    assert not courses_for_instructor(user=AnonymousUser()).exists()
