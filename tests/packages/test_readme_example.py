"""The README's package example is a real package: it imports cleanly and exports back."""

import re
from pathlib import Path

import pytest

from packages.selectors import course_package_files
from packages.services import package_import
from tests.factories import site_home

pytestmark = pytest.mark.django_db
README = Path(__file__).resolve().parents[2] / "README.md"


def example_files() -> dict[str, str]:
    section = README.read_text().split("## Course packages", 1)[1].split("The commands (", 1)[0]
    found = re.findall(r"^`([\w./-]+)`:\n\n```\w+\n(.*?)^```", section, re.M | re.S)
    return dict(found)


def test_the_readme_example_imports_and_exports_back(tmp_path):
    from courses.models import CourseIndexPage
    from tests.factories import CourseIndexPageFactory

    CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=site_home())
    files = example_files()
    assert sorted(files) == ["course.yaml", "lessons/01-screening.md", "questions.yaml"]
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = package_import(source=tmp_path)
    assert result.warnings == []  # the item-writing checks have nothing to say either
    exported = course_package_files(course=result.course)
    lesson = exported["lessons/01-screening.md"].decode()
    assert "[screening quiz](page:screening-quiz)" in lesson
    assert ":::: procedure Clean technique" in lesson
