import pytest

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (LessonPage, ModulePage, True),
        (LessonPage, CoursePage, False),
        (LessonPage, CourseIndexPage, False),
        (ModulePage, CoursePage, True),
        (ModulePage, CourseIndexPage, False),
        (CoursePage, CourseIndexPage, True),
        (CoursePage, HomePage, False),
        (CourseIndexPage, HomePage, True),
    ],
)
def test_page_type_rules(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed
    assert (child in parent.allowed_subpage_models()) is allowed


def test_only_one_course_index_per_home(course):
    assert not CourseIndexPage.can_create_at(HomePage.objects.get())


def test_lessons_cannot_have_children(course):
    lesson = lessons_of(course)[0]
    assert not ModulePage.can_create_at(lesson)
    assert not LessonPage.can_create_at(lesson)
