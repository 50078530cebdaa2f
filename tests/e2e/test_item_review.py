"""The item-writing review in Chromium, on the demo bank: the report lists the demo quizzes, one
quiz's review shows its warnings with links to the questions, and the question editor shows the
saved question's warnings and saves all the same."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def instructor(page, demo_site):
    from demo.loader import DEMO_ACCOUNTS

    account = DEMO_ACCOUNTS["instructor"]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site + "/accounts/login/")
    page.locator("#id_login").fill(account["email"])
    page.locator("#id_password").fill(account["password"])
    page.locator("main button[type=submit]").click()
    expect(page).not_to_have_url(demo_site + "/accounts/login/")
    return page


def test_report_lists_quizzes_and_reviews_one(instructor, demo_site, screenshot):
    page = instructor
    page.goto(demo_site + "/admin/")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Item-writing review").click()
    expect(page.get_by_role("heading", name="Item-writing review")).to_be_visible()
    row = page.locator("tr", has_text="Safety and contraindications quiz")
    expect(row).to_be_visible()
    screenshot("item-review-index-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("item-review-index-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    row.get_by_role("link", name="Safety and contraindications quiz").click()

    expect(page.get_by_role("heading", name="Warnings per check")).to_be_visible()
    cross = page.locator(".item-review__warning", has_text="Pneumothorax: name the complication")
    expect(cross.first).to_contain_text("must-pass")
    expect(page.locator("[data-check=true_false_must_pass]").first).to_be_visible()
    screenshot("item-review-quiz-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("item-review-quiz-390")
    page.get_by_role("heading", name="Per question").scroll_into_view_if_needed()
    screenshot("item-review-quiz-390-per-question")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the review scrolls sideways by {overflow}px at 390 px"

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Pregnancy in the first trimester").first.click()
    panel = page.locator("[data-item-checks]")
    expect(panel).to_contain_text("Right answer clearly the longest")
    panel.scroll_into_view_if_needed()
    screenshot("item-checks-panel-1280")

    page.get_by_role("button", name="Save").first.click()
    message = page.locator(".messages")
    expect(message).to_contain_text("updated")  # saving is never blocked
    expect(message).to_contain_text("item-writing warning")
    page.wait_for_timeout(800)  # let the message finish fading in
    screenshot("item-checks-saved-1280")

    page.get_by_role("link", name="Pneumothorax: name the complication").first.click()
    panel = page.locator("[data-item-checks]")
    expect(panel).to_contain_text("Across quizzes")
    expect(panel).to_contain_text("“Contraindication and stated concern” shows “Pneumothorax”")
    panel.scroll_into_view_if_needed()
    screenshot("item-checks-panel-cross-cues-1280")
