"""The question editor in Chromium: creating a question makes one row, whatever the timing, and a
new form does not greet the instructor with validation errors."""

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

ADD_URL = "/admin/snippets/quizzes/question/add/"


@pytest.fixture
def instructor_page(page, live_server, transactional_db):
    from courses.roles import instructors_group_ensure
    from tests.factories import UserFactory, wagtail_initial_data

    wagtail_initial_data()
    instructor = UserFactory(email="teach@example.org")
    instructor.groups.add(instructors_group_ensure())
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill("teach@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("main button[type=submit]").click()
    expect(page).not_to_have_url(live_server.url + "/accounts/login/")
    return page


def _add_answer_block(page, label: str):
    page.locator("#panel-body-section button[title='Insert a block']").first.click()
    page.get_by_role("option", name=label).click()


def _fill_valid_true_false_question(page, bank_pk: int, title: str):
    """Everything but the title first, so the form only becomes valid with the last keystroke."""
    page.evaluate(
        "pk => { const i = document.querySelector('input[name=bank]'); i.value = pk;"
        " i.dispatchEvent(new Event('change', {bubbles: true})); }",
        bank_pk,
    )
    page.locator("#panel-stem-section [contenteditable=true]").click()
    page.keyboard.type("Consent is needed before every session.")
    _add_answer_block(page, "True / false")
    page.locator("input[name='body-0-value-answer']").check()
    page.locator("#id_title").fill("")
    page.locator("#id_title").press_sequentially(title, delay=20)


def _save(page):
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("created")


def _record_posts(page) -> list:
    posts = []
    page.on(
        "request",
        lambda r: posts.append(r.headers.get("accept", "")) if r.method == "POST" else None,
    )
    return posts


def test_save_immediately_after_typing_creates_one_question(instructor_page, live_server):
    from quizzes.models import Question
    from tests.factories.quizzes import QuestionBankFactory

    bank = QuestionBankFactory()
    page = instructor_page
    page.goto(live_server.url + ADD_URL)
    _fill_valid_true_false_question(page, bank.pk, "Consent first")
    _save(page)
    time.sleep(1.5)  # any autosave still in flight lands before we count
    assert Question.objects.filter(title="Consent first").count() == 1


def test_save_while_an_autosave_is_in_flight_creates_one_question(
    instructor_page, live_server, monkeypatch
):
    """The server answers autosaves slowly (as on a busy day): Save is clicked after an autosave
    has created the row but before its answer has turned the form into an edit form."""
    from wagtail.admin.views.generic import models as generic_views

    from quizzes.models import Question
    from tests.factories.quizzes import QuestionBankFactory

    original = generic_views.CreateView.save_action

    def slow_save_action(self):
        if self.expects_json_response:
            time.sleep(1.5)
        return original(self)

    monkeypatch.setattr(generic_views.CreateView, "save_action", slow_save_action)
    bank = QuestionBankFactory()
    page = instructor_page
    posts = _record_posts(page)
    page.goto(live_server.url + ADD_URL)
    _fill_valid_true_false_question(page, bank.pk, "Consent, autosaving")
    deadline = time.time() + 3
    while time.time() < deadline and "application/json" not in posts:
        page.wait_for_timeout(50)
    page.wait_for_timeout(300)
    _save(page)
    time.sleep(2)
    assert Question.objects.filter(title="Consent, autosaving").count() == 1


def test_save_after_a_pause_creates_one_question(instructor_page, live_server, screenshot):
    from quizzes.models import Question
    from tests.factories.quizzes import QuestionBankFactory

    bank = QuestionBankFactory()
    page = instructor_page
    page.goto(live_server.url + ADD_URL)
    _fill_valid_true_false_question(page, bank.pk, "Consent, then wait")
    time.sleep(2)  # longer than the editor's autosave interval
    _save(page)
    time.sleep(1)
    assert Question.objects.filter(title="Consent, then wait").count() == 1


def test_double_clicked_save_creates_one_question(instructor_page, live_server):
    from quizzes.models import Question
    from tests.factories.quizzes import QuestionBankFactory

    bank = QuestionBankFactory()
    page = instructor_page
    page.goto(live_server.url + ADD_URL)
    _fill_valid_true_false_question(page, bank.pk, "Consent, double click")
    page.get_by_role("button", name="Save", exact=True).dblclick()
    expect(page.locator(".messages")).to_contain_text("Consent, double click")
    time.sleep(1)
    assert Question.objects.filter(title="Consent, double click").count() == 1


def test_new_question_form_shows_no_validation_errors_before_save(
    instructor_page, live_server, screenshot
):
    page = instructor_page
    page.goto(live_server.url + ADD_URL)
    _add_answer_block(page, "Image hotspot")
    page.locator("#id_title").fill("Half-written")
    time.sleep(2)  # longer than the editor's autosave interval
    expect(page.get_by_text("Autosave is paused")).to_have_count(0)
    expect(page.get_by_text("There are validation errors")).to_have_count(0)
    screenshot("21-new-question-form")
