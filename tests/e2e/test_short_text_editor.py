"""The short-text block in the question editor: each accepted answer shows its three marking
options, ticked for a new answer, with help that says what they do; saving stores them."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_question_editor import ADD_URL, _add_answer_block, instructor_page  # noqa: F401

pytestmark = pytest.mark.e2e

LABELS = [
    "Ignore a leading a / an / the",
    "Ignore punctuation around the answer",
    "Accept singular or plural",
]


def test_a_new_short_text_answer_shows_its_options_ticked(instructor_page, live_server, screenshot):  # noqa: F811
    from quizzes.models import Question
    from tests.factories.quizzes import QuestionBankFactory

    bank = QuestionBankFactory()
    page = instructor_page
    page.goto(live_server.url + ADD_URL)
    page.evaluate(
        "pk => { const i = document.querySelector('input[name=bank]'); i.value = pk;"
        " i.dispatchEvent(new Event('change', {bubbles: true})); }",
        bank.pk,
    )
    page.locator("#id_title").fill("Name the complication")
    page.locator("#panel-stem-section [contenteditable=true]").click()
    page.keyboard.type("Name the rare but serious complication of needling over the chest.")
    _add_answer_block(page, "Short text")
    answer = page.locator("[name='body-0-value-answers-0-value-text']")
    expect(answer).to_be_visible()
    answer.fill("pneumothorax")
    for name in ("ignore_articles", "ignore_punctuation", "singular_or_plural"):
        expect(page.locator(f"[name='body-0-value-answers-0-value-{name}']")).to_be_checked()
    for label in LABELS:
        expect(page.get_by_text(label).first).to_be_visible()
    expect(page.get_by_text("'a pneumothorax' counts as 'pneumothorax'").first).to_be_visible()
    page.locator("[name='body-0-value-answers-0-value-singular_or_plural']").uncheck()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        answer.evaluate("e => e.scrollIntoView({block: 'center', inline: 'nearest'})")
        screenshot(f"short-text-editor-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("created")
    stored = Question.objects.get(title="Name the complication").body[0].value["answers"][0]
    assert (stored["ignore_articles"], stored["ignore_punctuation"]) == (True, True)
    assert stored["singular_or_plural"] is False
