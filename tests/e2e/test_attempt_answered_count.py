"""The attempt page's "N of M answered" follows the trainee's answers as autosave stores them,
and agrees with the server's count when the page is loaded again."""

import pytest
from playwright.sync_api import expect

from tests.e2e.attempts import log_in, start_technique_attempt

pytestmark = pytest.mark.e2e


def first_position(attempt, kinds) -> int:
    return next(row.position for row in attempt.questions.all() if row.snapshot["type"] in kinds)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_answered_count_follows_answers_given_and_cleared(page, demo_site, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    user = log_in(page, demo_site)
    attempt = start_technique_attempt(user)
    total = attempt.questions.count()
    typed = first_position(attempt, {"numeric", "short_text"})
    chosen = first_position(attempt, {"single_choice", "true_false"})
    page.goto(f"{demo_site}/attempts/{attempt.id}/")
    status, count = page.locator("#save-status"), page.locator("#answered-count")
    expect(count).to_have_text(f"0 of {total} answered.")

    page.locator(f"#question-{chosen} input[type=radio]").first.check()
    expect(status).to_contain_text("All answers saved at")
    expect(count).to_have_text(f"1 of {total} answered.")
    text_box = page.locator(f"#question-{typed} input[type=text], #question-{typed} textarea")
    text_box.first.fill("12")
    expect(count).to_have_text(f"2 of {total} answered.")
    screenshot(f"attempt-answered-count-{width}")

    text_box.first.fill("")
    expect(count).to_have_text(f"1 of {total} answered.")
    expect(status).to_contain_text("All answers saved at")
    assert attempt.questions.exclude(response={}).count() == 1

    page.reload()
    expect(count).to_have_text(f"1 of {total} answered.")
