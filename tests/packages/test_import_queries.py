"""The course import costs a constant number of queries per lesson and per batch of questions:
lessons cost the same each (Wagtail's page create, revision and publish), questions nothing
per question beyond the database's own insert splitting. Counts, not timings (`make bench`)."""

import pytest
from django.db import connection

from packages.services import package_import
from tests.factories import site_home
from tests.packages.package_generator import generated_package, queries_counted

pytestmark = pytest.mark.django_db
# Measured ~103 on SQLite: Wagtail's add_child, save_revision and publish each clean and index
# the page. A block, link or image costing a query of ours each would show here.
PER_LESSON_LIMIT = 120


@pytest.fixture(autouse=True)
def course_index():
    from courses.models import CourseIndexPage
    from tests.factories import CourseIndexPageFactory

    return CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=site_home())


def _queries(tmp_path, lessons: int, questions: int, name: str = "") -> int:
    slug = f"generated-{lessons}-{questions}{name}"
    root = generated_package(tmp_path / slug, lessons=lessons, questions=questions, slug=slug)
    with queries_counted() as sql:
        result = package_import(source=root)
    assert result.course.slug == slug
    return len(sql)


def test_queries_grow_by_a_constant_per_lesson_and_not_per_question(tmp_path):
    _queries(
        tmp_path, 4, 40, "-warm-up"
    )  # warm-up: content types cached; images, categories, tags made
    base = _queries(tmp_path, 4, 40)
    two_more = _queries(tmp_path, 6, 40) - base
    four_more = _queries(tmp_path, 8, 40) - base
    per_lesson = two_more / 2
    # The same cost for each lesson, wherever it comes (within SQLite's search-index upkeep,
    # which re-normalises a few entries more or less from one import to the next).
    assert abs(four_more - 2 * two_more) <= 0.05 * four_more, (two_more, four_more)
    assert per_lesson <= PER_LESSON_LIMIT
    more_questions = _queries(tmp_path, 4, 160) - base  # 120 more questions, one batch
    # PostgreSQL inserts a batch in one statement; SQLite splits INSERTs every ~50 rows and its
    # search fallback indexes in slices: a few queries per hundred questions, never one each.
    limit = 2 if connection.vendor == "postgresql" else 120 // 15
    assert more_questions <= limit, more_questions
