"""An instructor exports the demo course from its menu, edits a lesson, uploads it as an update,
reads the preview and confirms it."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def edited(package: bytes) -> tuple[bytes, str, str]:
    """The package with its first lesson retitled: (zip bytes, old title, new title)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    name = sorted(n for n in source.namelist() if n.startswith("lessons/"))[0]
    text = source.read(name).decode()
    old = re.search(r"^title: (.+)$", text, re.M).group(1).strip("'\"")
    new = f"{old} (revised)"
    text = re.sub(r"^title: .+$", f"title: {new}", text, count=1, flags=re.M)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.namelist():
            target.writestr(item, text if item == name else source.read(item))
    return buffer.getvalue(), old, new


def test_instructor_exports_updates_and_sees_the_change(page, demo_site, screenshot):
    from courses.models import CoursePage, LessonPage

    course = CoursePage.objects.get()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site + "/accounts/login/")
    page.locator("#id_login").fill("instructor@example.org")
    page.locator("#id_password").fill("needle-instructor-2026")
    page.locator("main button[type=submit]").click()

    page.goto(f"{demo_site}/admin/pages/{course.get_parent().pk}/")
    page.get_by_role("button", name=f"More options for '{course.title}'").click()
    export = page.get_by_role("link", name="Export as package (.zip)")
    expect(export).to_be_visible()
    screenshot("40-package-export-menu")
    with page.expect_download() as download:
        export.click()
    assert download.value.suggested_filename == f"{course.slug}.zip"
    package, old, new = edited(Path(download.value.path()).read_bytes())

    page.goto(f"{demo_site}/admin/")
    page.get_by_role("link", name="Import course").click()
    page.locator("#id_package").set_input_files(
        files=[{"name": "demo-revised.zip", "mimeType": "application/zip", "buffer": package}]
    )
    page.get_by_label("Apply as an update to the existing course with the same slug").check()
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("main")
    expect(preview).to_contain_text(f"Applies to {course.title}")
    expect(preview).to_contain_text(f"Update lesson “{old}” (title: new published revision)")
    screenshot("41-package-preview-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("42-package-preview-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not LessonPage.objects.filter(title=new).exists()

    page.get_by_role("button", name="Apply the update").click()
    expect(page.locator(".messages")).to_contain_text(f"Updated “{course.title}”")
    lesson = LessonPage.objects.get(title=new)
    assert lesson.live
    page.wait_for_timeout(600)  # the message slides in
    screenshot("43-package-updated")
    page.goto(f"{demo_site}/admin/pages/{lesson.get_parent().pk}/")
    expect(page.locator("main")).to_contain_text(new)
    screenshot("44-package-lesson-revised")
