"""Keyboard only: fail the safety quiz on a must-pass case, wait, retake, pass, see the module
open."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

COURSE = "/courses/dry-needling-low-back-pain-foundations"
SAFETY_QUIZ = f"{COURSE}/safety-and-contraindications/safety-and-contraindications-quiz/"
LOCKED_LESSON = f"{COURSE}/the-treatment-session/assessment-screening-and-consent/"


def press_on(page, selector: str, key: str = "Space"):
    page.locator(selector).focus()
    page.keyboard.press(key)


def answer_with_keyboard(page, row, *, sabotage: bool):
    """Give the key answer (from the frozen snapshot) using only focus and key presses."""
    from tests.quizzes.test_attempts import key_response

    position, kind, display = row.position, row.snapshot["type"], row.snapshot["display"]
    answer = key_response(row)
    if kind == "single_choice":
        if sabotage:  # a wrong option of a must-pass case
            answer = {
                "choice": next(o["id"] for o in row.snapshot["key"]["options"] if o["credit"] <= 0)
            }
        press_on(page, f"#q{position}-{answer['choice']}")
    elif kind == "true_false":
        press_on(page, f"#q{position}-{answer['value']}")
    elif kind == "multiple_response":
        for choice in answer["choices"]:
            press_on(page, f"#q{position}-{choice}")
    elif kind == "short_text":
        page.locator(f"#q{position}-text").focus()
        page.keyboard.type(answer["text"])
    elif kind == "numeric":
        page.locator(f"#q{position}-value").focus()
        page.keyboard.type(answer["value"])
    elif kind == "matching":
        choice_ids = [choice["id"] for choice in display["choices"]]
        for prompt, choice in answer["matches"].items():
            page.locator(f"#q{position}-match-{prompt}").focus()
            for _ in range(choice_ids.index(choice) + 1):
                page.keyboard.press("ArrowDown")
    else:
        raise AssertionError(f"the safety quiz has no {kind} questions")


def take_attempt(page, user, *, sabotage_critical: bool):
    from quizzes.models import Attempt

    attempt = Attempt.objects.get(user=user, status="in_progress")
    rows = list(attempt.questions.order_by("position"))
    target = next(r for r in rows if r.snapshot["critical"]) if sabotage_critical else None
    for row in rows:
        answer_with_keyboard(page, row, sabotage=row == target)
    return attempt


def test_safety_quiz_keyboard_only(page, demo_site, screenshot):
    from courses.models import CoursePage
    from courses.services import enrollment_create
    from tests.factories import UserFactory
    from tests.practice.skill_data import PASSWORD

    page.on("dialog", lambda dialog: dialog.accept())
    # A trainee new to the demo course: the demo trainee has passed the safety quiz already.
    account = {"email": "keyboard@example.org", "password": PASSWORD}
    user = UserFactory(email=account["email"], full_name="Kim Keyboard")
    course = CoursePage.objects.get(slug=COURSE.rsplit("/", 1)[1])
    enrollment_create(user=user, course=course)

    page.goto(demo_site + "/accounts/login/")
    page.locator("#id_login").focus()
    page.keyboard.type(account["email"])
    page.keyboard.press("Tab")
    page.keyboard.type(account["password"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="My learning")).to_be_visible()

    page.goto(demo_site + LOCKED_LESSON)
    expect(page.get_by_test_id("lesson-locked")).to_contain_text(
        "Pass “Safety and contraindications quiz”"
    )
    screenshot("10-lesson-locked")

    page.goto(demo_site + SAFETY_QUIZ)
    press_on(page, "form button:has-text('Start the quiz')", "Enter")
    expect(page.get_by_role("button", name="Submit for marking")).to_be_visible()
    take_attempt(page, user, sabotage_critical=True)
    screenshot("11-safety-quiz-attempt")
    press_on(page, "button:has-text('Submit for marking')", "Enter")
    expect(page.get_by_test_id("attempt-outcome")).to_have_text("Not passed")
    expect(page.get_by_role("alert")).to_contain_text("must-pass safety item")
    screenshot("12-failed-on-critical-item")

    from tests.e2e.attempts import wait_out_cooldown

    wait_out_cooldown(user, "safety-and-contraindications-quiz")
    press_on(page, "a:has-text('Back to the quiz')", "Enter")
    press_on(page, "form button:has-text('Start another attempt')", "Enter")
    expect(page.get_by_role("button", name="Submit for marking")).to_be_visible()
    take_attempt(page, user, sabotage_critical=False)
    press_on(page, "button:has-text('Submit for marking')", "Enter")
    expect(page.get_by_test_id("attempt-outcome")).to_have_text("Passed")
    expect(page.get_by_text(re.compile(r"Score: .*\(100%"))).to_be_visible()
    screenshot("13-passed")

    page.goto(demo_site + LOCKED_LESSON)
    expect(page.get_by_test_id("lesson-locked")).to_have_count(0)
    expect(page.locator(".lesson-body")).to_be_visible()
    screenshot("14-technique-module-unlocked")
