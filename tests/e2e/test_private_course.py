"""A course shared with a password: the site's own password page, then the course, at 1280 and
390 px."""

import pytest
from playwright.sync_api import expect

from tests.e2e.attempts import log_in

pytestmark = pytest.mark.e2e

COURSE = "/courses/dry-needling-low-back-pain-foundations/"


@pytest.mark.parametrize("width", [1280, 390])
def test_a_trainee_gives_the_password_and_reaches_the_course(page, demo_site, screenshot, width):
    from wagtail.models import PageViewRestriction

    from courses.models import CoursePage

    page.set_viewport_size({"width": width, "height": 844})
    log_in(page, demo_site, role="new")
    PageViewRestriction.objects.create(
        page=CoursePage.objects.get(url_path__endswith=COURSE.split("/")[-2] + "/"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="cohort-27",
    )
    page.goto(demo_site + COURSE)
    expect(page.get_by_role("heading", name="Password required")).to_be_visible()
    expect(page.get_by_role("link", name="Needlepoint Academy")).to_be_visible()
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".invalid-feedback")).to_be_visible()
    screenshot(f"course-password-wrong-{width}")
    page.get_by_label("Password").fill("cohort-27")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dry needling")
    expect(page.get_by_test_id("next-step").first).to_be_visible()
