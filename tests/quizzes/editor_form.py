"""The quiz page editor's own POST, as an author saving and publishing the page."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from quizzes.models import QuizPage


def post_quiz_editor(client, quiz, *, slots, **fields):
    """Publish `quiz` through the editor with these slot rows and settings (the rest at their
    defaults); returns the response and the quiz as stored afterwards."""
    data = {
        "title": quiz.title,
        "slug": quiz.slug,
        "intro": rich_text(""),
        "pass_mark": 80,
        "time_limit_minutes": 0,
        "attempts_allowed": 3,
        "cooldown_amount": 0,
        "cooldown_unit": "hours",
        "questions_per_page": 0,
        "review_policy": "answers",
        "review_timing": "pass_or_last",
        "action-publish": "action-publish",
        "slots": slots,
        **fields,
    }
    for name in QuizPage.get_edit_handler().get_form_class().formsets:
        data.setdefault(name, inline_formset([]))  # other inline panels, left empty
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[quiz.pk]), nested_form_data(data)
    )
    return response, QuizPage.objects.get(pk=quiz.pk)
