"""A trainee cannot start the technique quiz before passing the safety quiz (issue 10, item 1):
the quiz page says why and links to the safety quiz; once that is passed, the technique quiz
starts."""

import pytest
from playwright.sync_api import expect

from tests.e2e.attempts import TECHNIQUE_SLUG, log_in
from tests.e2e.test_safety_quiz_keyboard import take_attempt

pytestmark = pytest.mark.e2e

REASON = "Pass “Safety and contraindications quiz” first."


def at_both_widths(page, screenshot, name: str):
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        screenshot(f"{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_technique_quiz_waits_for_the_safety_quiz(page, demo_site, screenshot):
    from quizzes.models import QuizPage
    from tests.demo.package import SAFETY

    page.on("dialog", lambda dialog: dialog.accept())
    technique = QuizPage.objects.get(slug=TECHNIQUE_SLUG)
    safety = QuizPage.objects.get(slug=SAFETY)
    course = technique.get_parent().get_parent()
    user = log_in(page, demo_site, "new")

    page.goto(demo_site + technique.url)
    box = page.get_by_test_id("prerequisites-missing")
    expect(box).to_contain_text(REASON)
    expect(page.get_by_role("button", name="Start the quiz")).to_have_count(0)
    link = box.get_by_role("link", name="Safety and contraindications quiz")
    expect(link).to_have_attribute("href", safety.url)
    at_both_widths(page, screenshot, "20-technique-quiz-needs-safety")

    page.goto(demo_site + course.url)
    row = page.locator("li", has=page.locator(f'a[href="{technique.url}"]'))
    expect(row.get_by_test_id("step-lock-reason")).to_have_text(REASON)
    expect(row.get_by_test_id("outline-locked")).to_be_visible()
    at_both_widths(page, screenshot, "21-outline-technique-quiz-locked")

    page.goto(demo_site + technique.url)
    page.get_by_test_id("prerequisites-missing").get_by_role("link").click()
    expect(page).to_have_url(demo_site + safety.url)
    page.get_by_role("button", name="Start the quiz").click()
    take_attempt(page, user, sabotage_critical=False)
    page.get_by_role("button", name="Submit for marking").click()
    expect(page.get_by_test_id("attempt-outcome")).to_have_text("Passed")

    page.goto(demo_site + technique.url)
    expect(page.get_by_test_id("prerequisites-missing")).to_have_count(0)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("button", name="Submit for marking")).to_be_visible()
    at_both_widths(page, screenshot, "22-technique-quiz-started")


def test_the_editor_shows_a_refused_prerequisite_on_its_row(page, demo_site, screenshot):
    """The quiz editor's Course rules panel: the technique quiz made to require itself."""
    from quizzes.models import QuizPage

    technique = QuizPage.objects.get(slug=TECHNIQUE_SLUG)
    log_in(page, demo_site, "admin")
    page.goto(f"{demo_site}/admin/pages/{technique.id}/edit/")
    field = page.locator('input[name="prerequisites-0-required_quiz"]')
    expect(field).to_have_count(1)
    field.evaluate("(input, id) => { input.value = id }", str(technique.id))
    page.get_by_role("button", name="Save draft").click()
    error = page.get_by_text("A quiz cannot require itself.")
    expect(error).to_be_visible()
    for width, height in ((1280, 900), (390, 844)):  # the admin scrolls inside its own pane
        page.set_viewport_size({"width": width, "height": height})
        error.scroll_into_view_if_needed()
        screenshot(f"23-editor-refuses-self-{width}")
    saved = QuizPage.objects.get(pk=technique.pk).prerequisites.get()
    assert saved.required_quiz_id != technique.id  # refused, nothing saved
