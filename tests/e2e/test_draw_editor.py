"""The quiz slot editor in Chromium: an unsatisfiable draw is refused on publish with a message
naming the slot, on a wide and a narrow screen; the corrected draw publishes."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def quiz_editor(page, live_server, transactional_db):
    from courses.roles import instructors_group_ensure
    from quizzes.models import QuestionCategory, QuizSlot, VariantSet
    from tests.factories import UserFactory, build_course, wagtail_initial_data
    from tests.factories.quizzes import QuestionFactory, QuizPageFactory

    wagtail_initial_data()
    instructor = UserFactory(email="teach@example.org", is_superuser=True, is_staff=True)
    instructor.groups.add(instructors_group_ensure())
    root = QuestionCategory.objects.create(name="Contraindications")
    for name in ("Pregnancy", "Anticoagulants", "Needle phobia"):
        sub = QuestionCategory.objects.create(name=name, parent=root)
        question = QuestionFactory(category=sub, title=f"{name}: when to defer")
        question.tags.add("lumbar", "cervical")
        question.save()
    variants = VariantSet.objects.create(name="Pneumothorax recognition")
    for wording in ("breathless after thoracic needling", "sharp chest pain on inspiration"):
        QuestionFactory(variant_set=variants, title=f"Pneumothorax: {wording}")
    quiz = QuizPageFactory(parent=build_course(modules=1, lessons_per_module=1), title="Safety")
    QuizSlot.objects.create(quiz=quiz, variant_set=variants, sort_order=0)
    QuizSlot.objects.create(
        quiz=quiz, category=root, count=2, cover_subcategories=True, sort_order=1
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill("teach@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("main button[type=submit]").click()
    expect(page).not_to_have_url(live_server.url + "/accounts/login/")
    return page, f"{live_server.url}/admin/pages/{quiz.pk}/edit/"


def _publish(page):
    page.locator("footer button.w-dropdown__toggle").first.click()
    page.locator("button[name='action-publish']").click()


def test_an_unsatisfiable_draw_is_refused_naming_the_slot(quiz_editor, screenshot):
    page, url = quiz_editor
    page.goto(url)
    _publish(page)
    message = "Slot 2: One from each sub-category needs 3 questions, but it draws 2."
    expect(page.get_by_text(message).first).to_be_visible()
    row = page.locator("#inline_child_slots-1")
    expect(row.get_by_text(message.removeprefix("Slot 2: "))).to_be_visible()  # on the row too
    row.scroll_into_view_if_needed()
    shots = screenshot("draw-editor-refused-1280").parent
    page.screenshot(path=str(shots / "draw-editor-slot-1280.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("draw-editor-refused-390")
    row.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "draw-editor-slot-390.png"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("input[name='slots-1-count']").fill("3")
    _publish(page)
    expect(page.locator(".messages")).to_contain_text("published")
