"""An instructor imports a GIFT file in the admin: upload, read the preview, confirm."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

GIFT = b"""$CATEGORY: $course$/top/Safety

::Consent:: Consent is needed before needling.{T}

::Lung:: Which serious complication? {=pneumothorax =%50%collapsed lung#close}

::Reflect:: Describe your technique. {}
"""


def test_instructor_imports_a_gift_file(page, live_server, transactional_db, screenshot):
    from courses.roles import instructors_group_ensure
    from quizzes.models import Question
    from tests.factories import UserFactory, wagtail_initial_data
    from tests.factories.quizzes import QuestionBankFactory

    wagtail_initial_data()
    instructor = UserFactory(email="teach@example.org")
    instructor.groups.add(instructors_group_ensure())
    QuestionBankFactory(name="Safety bank")

    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill("teach@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("main button[type=submit]").click()
    page.goto(live_server.url + "/admin/snippets/quizzes/questionbank/")
    page.get_by_role("link", name="Import questions").click()
    page.locator("#id_file").set_input_files(
        files=[{"name": "safety.gift", "mimeType": "text/plain", "buffer": GIFT}]
    )
    page.locator("#id_file_format").select_option("gift")
    page.locator("#id_bank").select_option(label="Safety bank")
    page.get_by_role("button", name="Preview").click()

    table = page.locator("table.listing")
    expect(table).to_contain_text("Consent")
    expect(table).to_contain_text("Essay questions are skipped: the engine cannot mark free text.")
    expect(table).to_contain_text("Feedback for 'collapsed lung' was not kept.")
    screenshot("30-question-import-preview")
    assert Question.objects.count() == 0

    page.get_by_role("button", name="Import these questions").click()
    expect(page.locator(".messages")).to_contain_text("Imported 2 questions into Safety bank")
    expect(page.locator("main")).to_contain_text("Lung")
    screenshot("31-question-import-done")
    assert Question.objects.count() == 2
