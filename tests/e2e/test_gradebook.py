"""An instructor in Chromium: opens the gradebook, filters to "stuck on a gate", opens that
trainee's record and reads a response; screenshots at 1280 and 390 px wide.
(axe-core runs over these pages in test_insight_axe.py.)"""

import pytest
from playwright.sync_api import expect

from tests.factories import wagtail_initial_data

pytestmark = pytest.mark.e2e
PASSWORD = "correct-horse-battery"


@pytest.fixture
def gradebook_site(transactional_db, live_server):
    from tests.insight.grade_data import gradebook_course, instructor_of

    wagtail_initial_data()
    data = gradebook_course()
    data.not_started(full_name="Ada Idle", registration_number="HCPC-PH1001")
    data.in_progress(full_name="Ben Busy", profession="osteopath")
    data.stuck(full_name="Cleo Stuck", registration_number="HCPC-PH2002")
    data.completed(full_name="Dan Done", registration_number="HCPC-PH3003")
    instructor = instructor_of(data.course)
    return live_server.url, instructor


def whole_page(page, screenshot, name):
    """The admin scrolls inside its layout, so a full-page shot is cut at the window: grow the
    window to the content first."""
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 900), 6000)})
    screenshot(name)
    page.set_viewport_size(size)


def log_in(page, base, user):
    page.goto(base + "/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    expect(page).not_to_have_url(base + "/accounts/login/")


@pytest.mark.parametrize("width", [1280, 390])
def test_instructor_finds_a_stuck_trainee_and_reads_her_response(
    page, gradebook_site, screenshot, width
):
    base, instructor = gradebook_site
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, base, instructor)
    page.goto(base + "/admin/insight/gradebook/")
    expect(page.get_by_role("heading", name="Gradebook")).to_be_visible()
    expect(page.get_by_test_id("gradebook-row")).to_have_count(4)
    expect(page.locator(".insight-funnel")).to_be_visible()
    whole_page(page, screenshot, f"gradebook-{width}")

    page.get_by_label("Status").select_option(label="Stuck on a gate")
    page.get_by_role("button", name="Apply").click()
    rows = page.get_by_test_id("gradebook-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Cleo Stuck")
    expect(rows.first).to_contain_text("Stuck on a gate")
    expect(rows.first).to_contain_text("1 must-pass failure")
    whole_page(page, screenshot, f"gradebook-stuck-{width}")

    rows.first.get_by_role("link", name="Cleo Stuck").click()
    expect(page.get_by_role("heading", name="Cleo Stuck")).to_be_visible()
    expect(page.get_by_test_id("record-attempts")).to_contain_text("Must-pass item missed")
    whole_page(page, screenshot, f"record-{width}")

    page.get_by_test_id("record-attempts").get_by_role("link").first.click()
    first = page.get_by_test_id("response").first
    expect(first).to_contain_text("GATE-STEM")
    expect(first.get_by_test_id("trainee-answer")).to_contain_text("Trainee's answer: False")
    expect(first).to_contain_text("Correct answer: True")
    whole_page(page, screenshot, f"record-attempt-{width}")
