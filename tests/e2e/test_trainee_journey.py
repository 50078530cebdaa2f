"""A new trainee signs up, enrols in the demo course, reads a lesson and sees their progress."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_sign_up_enrol_complete_lesson_and_see_progress(page, demo_site, screenshot):
    page.goto(demo_site + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dry needling training")
    screenshot("01-home")

    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Full name").fill("Robin Clinician")
    page.get_by_label("Email").fill("robin@example.org")
    page.get_by_role("combobox", name="Profession").select_option("physiotherapist")
    page.get_by_label("Professional registration number (optional)").fill("PH555000")
    page.locator("#id_password1").fill("a-long-unusual-passphrase")
    page.locator("#id_password2").fill("a-long-unusual-passphrase")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="My learning")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Courses").click()
    page.get_by_role("link", name=re.compile("Dry needling for low back pain")).click()
    expect(page.get_by_text("Sample content.")).to_be_visible()
    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_role("alert").or_(page.get_by_role("status")).first).to_contain_text(
        "You are enrolled"
    )
    screenshot("02-course-enrolled")

    page.get_by_role("link", name=re.compile("^Start: ")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What dry needling is")
    expect(page.locator(".lesson-body")).to_be_visible()
    screenshot("03-lesson")

    page.get_by_role("button", name="Mark lesson complete").click()
    expect(page.get_by_test_id("lesson-complete")).to_be_visible()
    # 1 of 24 requirements: 18 lessons, 3 quizzes and 3 practical skills, on every page
    bar = page.get_by_role("progressbar", name="Course progress")
    expect(bar).to_have_attribute("aria-valuenow", "4")
    screenshot("04-lesson-completed")

    page.get_by_role("link", name="My learning").click()
    # the same 1 of 24
    bar = page.get_by_role("progressbar", name="Course progress")
    expect(bar).to_have_attribute("aria-valuenow", "4")
    expect(page.get_by_role("link", name=re.compile("^Continue: "))).to_be_visible()
    screenshot("05-dashboard")


def test_keyboard_user_can_skip_to_content_and_reach_enrolment(page, demo_site):
    page.goto(demo_site + "/courses/dry-needling-low-back-pain-foundations/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
