"""The item-writing review in Chromium, on the demo bank: the report lists the demo quizzes (which
pass the checks, issue 11), one quiz's review shows the warnings of two flawed questions planted in
it with links to the questions, and the question editor shows the saved question's warnings and
saves all the same."""

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


SLOPPY = "Draft: which complication"
TRUE_FALSE = "Draft: blood thinners true or false"


def plant_flawed_questions():
    """Two questions with classic flaws, added to the demo's technique quiz: a must-pass
    true/false item, and a choice item whose long key names the short-text item's answer."""
    from quizzes.models import Question, QuizPage, QuizSlot
    from tests.demo.package import TECHNIQUE
    from tests.factories.quizzes import body

    template = Question.objects.get(title="Pneumothorax: name the complication")
    sloppy = Question.objects.create(
        bank=template.bank,
        category=template.category,
        title=SLOPPY,
        stem="<p>Which complication is linked to needling the upper back?</p>",
        body=body(
            "single_choice",
            options=[
                {"text": "Pneumothorax, a collapsed lung, when needling the chest", "credit": 1.0},
                {"text": "Soreness", "credit": 0.0},
                {"text": "Bruising", "credit": 0.0},
            ],
        ),
    )
    flat = Question.objects.create(
        bank=template.bank,
        category=template.category,
        title=TRUE_FALSE,
        stem="<p>True or false: blood thinners need to be considered before needling.</p>",
        critical=True,
        critical_reason="Bleeding risk.",
        body=body("true_false", answer=True, feedback_true="", feedback_false=""),
    )
    quiz = QuizPage.objects.get(slug=TECHNIQUE)
    for question in (sloppy, flat):
        QuizSlot.objects.create(quiz=quiz, question=question, sort_order=100 + question.pk)


def test_report_lists_quizzes_and_reviews_one(instructor, demo_site, screenshot):
    page = instructor
    plant_flawed_questions()
    page.goto(demo_site + "/admin/")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Item-writing review").click()
    expect(page.get_by_role("heading", name="Item-writing review")).to_be_visible()
    expect(page.locator("tr", has_text="Safety and contraindications quiz")).to_be_visible()
    row = page.locator("tr", has_text="Technique and clinical application")
    expect(row).to_be_visible()
    screenshot("item-review-index-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("item-review-index-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    row.get_by_role("link", name="Technique and clinical application").click()

    expect(page.get_by_role("heading", name="Warnings per check")).to_be_visible()
    cross = page.locator(".item-review__warning", has_text="Pneumothorax: name the complication")
    expect(cross.first).to_contain_text(SLOPPY)
    expect(page.locator("[data-check=true_false_must_pass]").first).to_be_visible()
    screenshot("item-review-quiz-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("item-review-quiz-390")
    page.get_by_role("heading", name="Per question").scroll_into_view_if_needed()
    screenshot("item-review-quiz-390-per-question")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the review scrolls sideways by {overflow}px at 390 px"

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name=SLOPPY).first.click()
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
    expect(panel).to_contain_text(f"“{SLOPPY}” shows “Pneumothorax”")
    panel.scroll_into_view_if_needed()
    screenshot("item-checks-panel-cross-cues-1280")
