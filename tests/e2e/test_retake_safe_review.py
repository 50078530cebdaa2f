"""A trainee fails the demo safety quiz on a must-pass item and sees no key (but the score, the
fail and the item missed with its reason), waits out the cooldown, passes, and sees the review."""

import pytest
from playwright.sync_api import expect

from tests.e2e.attempts import log_in, wait_out_cooldown

pytestmark = pytest.mark.e2e

SAFETY_SLUG = "safety-and-contraindications-quiz"
WIDTHS = {"1280": (1280, 900), "390": (390, 844)}


def shots(page, screenshot, name: str):
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        screenshot(f"{name}-{label}")
    page.set_viewport_size({"width": 1280, "height": 900})


def answer(user, *, miss_must_pass: bool):
    """Save answers through the service (the keyboard test drives the inputs themselves)."""
    from quizzes.models import Attempt
    from quizzes.services import attempt_save_responses
    from tests.quizzes.test_attempts import key_response

    attempt = Attempt.objects.get(user=user, status="in_progress")
    responses, missed = {}, None
    for row in attempt.questions.all():
        responses[row.position] = key_response(row)
        critical_case = row.snapshot["critical"] and row.snapshot["type"] == "single_choice"
        if miss_must_pass and missed is None and critical_case:  # a wrong option of a case
            wrong = next(o for o in row.snapshot["key"]["options"] if o["credit"] <= 0)
            responses[row.position] = {"choice": wrong["id"]}
            missed = row
    assert attempt_save_responses(attempt=attempt, responses=responses).errors == {}
    return attempt, missed


def key_texts(attempt, *, keyed_only: bool = False) -> list[str]:
    """The key as a review shows it: option feedback (all options, or only the keyed ones a
    full-marks attempt chose), keyed options' text, true/false feedback, model answers."""
    texts = []
    for row in attempt.questions.all():
        review, display = row.snapshot["review"], row.snapshot["display"]
        for option_id, info in review.get("options", {}).items():
            if info["feedback"] and (info["credit"] > 0 or not keyed_only):
                texts.append(info["feedback"])
            if info["credit"] > 0:
                texts += [o["text"] for o in display["options"] if o["id"] == option_id]
        if not keyed_only:
            texts += [text for text in review.get("feedback", {}).values() if text]
        texts += [review["model_answer"]] if review.get("model_answer") else []
    return [text for text in texts if len(text) > 12]  # long enough not to occur by chance


def test_failed_safety_quiz_shows_no_key_then_the_pass_shows_the_review(
    page, demo_site, screenshot
):
    from quizzes.models import QuizPage

    user = log_in(page, demo_site, "new")
    quiz = QuizPage.objects.get(slug=SAFETY_SLUG)
    page.goto(demo_site + quiz.url)
    expect(page.get_by_test_id("answers-shown")).to_have_text(
        "Correct answers and feedback: once you pass"
    )
    expect(page.get_by_text("Wait after a failed attempt: 1 hour")).to_be_visible()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("button", name="Submit for marking")).to_be_visible()

    first, missed = answer(user, miss_must_pass=True)
    page.reload()  # the page shows the saved answers, and submits them
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Submit for marking").click()
    expect(page.get_by_test_id("attempt-outcome")).to_have_text("Not passed")
    expect(page.get_by_text("Score:")).to_be_visible()
    alert = page.get_by_test_id("missed-must-pass")
    expect(alert).to_contain_text(missed.snapshot["review"]["critical_reason"])
    expect(alert.locator(".missed-stem")).to_have_count(1)
    expect(page.get_by_test_id("review-note")).to_contain_text("will appear here once you pass")
    text = page.locator("body").inner_text()  # as read: entities decoded
    assert "Correct answer:" not in text and "Your answer:" not in text
    for secret in key_texts(first):
        assert secret not in text, f"the key leaked after a failed attempt: {secret!r}"
    shots(page, screenshot, "20-safety-failed-no-key")

    page.get_by_role("link", name="Back to the quiz").click()
    expect(page.get_by_role("status")).to_contain_text("After a failed attempt, you can try again")
    expect(page.get_by_role("button", name="Start another attempt")).to_have_count(0)
    shots(page, screenshot, "21-safety-cooldown")

    wait_out_cooldown(user, SAFETY_SLUG)
    page.reload()
    page.get_by_role("button", name="Start another attempt").click()
    expect(page.get_by_role("button", name="Submit for marking")).to_be_visible()
    second, _ = answer(user, miss_must_pass=False)
    page.reload()
    page.get_by_role("button", name="Submit for marking").click()
    expect(page.get_by_test_id("attempt-outcome")).to_have_text("Passed")
    expect(page.get_by_role("heading", name="Review")).to_be_visible()
    expect(page.get_by_text("Correct answer:").first).to_be_visible()
    text = page.locator("body").inner_text()
    missing = [secret for secret in key_texts(second, keyed_only=True) if secret not in text]
    assert not missing, missing
    shots(page, screenshot, "22-safety-passed-review")

    page.goto(demo_site + f"/attempts/{first.id}/result/")  # the failed attempt, reviewed now
    expect(page.get_by_text("Correct answer:").first).to_be_visible()
    expect(page.get_by_test_id("missed-must-pass")).to_contain_text("See question")


def test_quiz_editor_offers_the_timings_and_the_wait_in_units(page, demo_site, screenshot):
    from quizzes.models import QuizPage

    log_in(page, demo_site, "instructor")
    quiz = QuizPage.objects.get(slug=SAFETY_SLUG)
    page.goto(demo_site + f"/admin/pages/{quiz.id}/edit/")
    timing = page.get_by_label("Show the review")
    expect(timing).to_have_value("after_pass")
    expect(page.get_by_text("keeps retakes honest")).to_be_visible()
    expect(page.get_by_label("Wait after a failed attempt")).to_have_value("1")
    expect(page.locator("#id_cooldown_unit")).to_have_value("hours")
    for label, (width, height) in WIDTHS.items():  # the admin scrolls inside its own panel
        page.set_viewport_size({"width": width, "height": height})
        for field in ("cooldown_unit", "review_timing"):
            page.locator(f"#id_{field}").scroll_into_view_if_needed()
            screenshot(f"23-quiz-editor-{field}-{label}")
