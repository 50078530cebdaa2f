"""The course page shows what a trainee came to do (enrol, or take the next step) on the first
screen: on a phone right under the summary, before the outline; beside the course when wide."""

import pytest
from playwright.sync_api import expect

from tests.e2e.attempts import log_in

pytestmark = pytest.mark.e2e

COURSE = "/courses/dry-needling-low-back-pain-foundations/"
HEIGHT = 844  # a phone's screen at 390 px wide


def box(locator) -> dict:
    expect(locator).to_be_visible()
    return locator.bounding_box()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    ("who", "action"),
    [("visitor", "Sign up to enrol"), ("new", "next-step"), ("unenrolled", "Enrol in this course")],
)
def test_the_course_action_is_on_the_first_screen(page, demo_site, screenshot, width, who, action):
    page.set_viewport_size({"width": width, "height": HEIGHT})
    if who == "new":
        log_in(page, demo_site, role="new")
    elif who == "unenrolled":
        from tests.factories import UserFactory

        UserFactory(email="unenrolled@example.org")
        page.goto(demo_site + "/accounts/login/")
        page.get_by_label("Email").fill("unenrolled@example.org")
        page.get_by_label("Password").fill("correct-horse-battery")
        page.get_by_role("button", name="Sign In").click()
        expect(page.get_by_role("link", name="Log in")).to_have_count(0)
    page.goto(demo_site + COURSE)
    enrolment = page.get_by_role("complementary", name="Enrolment")
    button = (
        enrolment.get_by_test_id(action)
        if who == "new"
        else enrolment.get_by_role("link", name=action).or_(
            enrolment.get_by_role("button", name=action)
        )
    )
    action_box = box(button.first)
    screenshot(f"course-page-{who}-{width}")
    # The box shows on the first screen (on a phone, below the summary; the demo's is long).
    assert box(enrolment)["y"] <= HEIGHT - 150, box(enrolment)
    if width == 1280:
        assert action_box["y"] + action_box["height"] <= HEIGHT, action_box
    outline = box(page.get_by_role("heading", name="Course outline"))
    if width == 1280:  # beside the course, level with its title
        title = box(page.get_by_role("heading", level=1))
        assert box(enrolment)["x"] > title["x"] + title["width"] - 1
        assert abs(box(enrolment)["y"] - title["y"]) < 40
    else:  # under the summary, before the outline
        assert action_box["y"] < outline["y"]
