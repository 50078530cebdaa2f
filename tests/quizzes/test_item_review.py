"""The item-writing review on stored questions: the adapter reads every question type, a quiz's
candidates are its fixed and drawn questions, the editor and the report show the warnings to
those who may see them (never blocking a save), and `check_items` prints them."""

import io

import pytest
from django.core.management import CommandError, call_command

from courses.roles import instructors_group_ensure
from quizzes.item_review import item_view, quiz_candidate_questions, quiz_review
from quizzes.models import QuizSlot
from tests.factories import UserFactory, build_course, lessons_of
from tests.factories.quizzes import (
    QuestionCategoryFactory,
    QuestionFactory,
    body,
    every_type_questions,
    quiz_with_questions,
)

pytestmark = pytest.mark.django_db

LONG_KEY = body(
    "single_choice",
    options=[
        {"text": "A right answer far longer than any of the others", "credit": 1.0, "feedback": ""},
        {"text": "Wrong", "credit": 0.0, "feedback": ""},
        {"text": "Also wrong", "credit": 0.0, "feedback": ""},
    ],
)


@pytest.fixture
def module(quiz_course):
    return lessons_of(quiz_course)[0].get_parent()


@pytest.fixture
def instructor_client(client):
    instructor = UserFactory()
    instructor.groups.add(instructors_group_ensure())
    client.force_login(instructor)
    return client


def test_adapter_reads_every_question_type():
    views = {q.question_type: item_view(q) for q in every_type_questions()}
    assert [o.credit for o in views["single_choice"].options] == [1.0, 0.0, 0.0]
    assert views["short_text"].accepted[0].text == "pneumothora*"
    assert views["numeric"].numbers == ("2018",)
    assert views["matching"].pairs[0] == ("Dry needling", "ANSWER-WESTERN-ANATOMY")
    assert views["ordering"].sequence[0] == "Assess"
    assert all(view.stem for view in views.values())


def test_candidates_are_fixed_slots_and_every_question_of_drawn_categories(module):
    drawn = QuestionCategoryFactory(name="Drawn")
    fixed = QuestionFactory(title="Fixed")
    in_category = [QuestionFactory(title=f"Drawn {n}", category=drawn) for n in range(3)]
    QuestionFactory(title="Elsewhere")
    quiz = quiz_with_questions(module, [fixed])
    QuizSlot.objects.create(quiz=quiz, category=drawn, count=1, sort_order=1)
    assert quiz_candidate_questions(quiz) == [fixed, *in_category]


def _cued_pair():
    key = QuestionFactory(
        title="Name it",
        kind="short_text",
        critical=True,
        critical_reason="Serious.",
        stem="<p>Name the complication of needling over the chest.</p>",
    )
    giver = QuestionFactory(
        title="Giver",
        stem="<p>Which is rare?</p>",
        body=body(
            "single_choice",
            options=[
                {"text": "Pneumothorax", "credit": 1.0, "feedback": ""},
                {"text": "Soreness", "credit": 0.0, "feedback": ""},
            ],
        ),
    )
    return key, giver


def test_quiz_review_finds_cross_cues_between_candidates(module):
    key, giver = _cued_pair()
    review = quiz_review(quiz_with_questions(module, [key, giver]))
    (cue,) = [w for w in review.set_warnings if w.code == "cross_cue"]
    assert (cue.item_id, cue.other_id) == (key.pk, giver.pk)
    assert dict((code, n) for code, _, n in review.counts)["cross_cue"] == 1


def test_variants_of_one_set_never_share_an_attempt_so_they_do_not_cue_each_other(module):
    from quizzes.models import VariantSet

    key, giver = _cued_pair()
    variants = VariantSet.objects.create(name="Pneumothorax")
    for question in (key, giver):
        question.variant_set = variants
        question.save()
    quiz = quiz_with_questions(module, [])
    QuizSlot.objects.create(quiz=quiz, variant_set=variants, sort_order=1)
    review = quiz_review(quiz)
    assert {q.pk for q in quiz_candidate_questions(quiz)} == {key.pk, giver.pk}
    assert [w for w in review.set_warnings if w.code == "cross_cue"] == []
    other = QuestionFactory(title="Other giver", body=giver.body, stem=giver.stem)
    QuizSlot.objects.create(quiz=quiz, question=other, sort_order=2)  # it can share one
    (cue,) = [w for w in quiz_review(quiz).set_warnings if w.code == "cross_cue"]
    assert (cue.item_id, cue.other_id) == (key.pk, other.pk)


def test_editor_panel_shows_the_cross_cues_of_the_question(instructor_client, module):
    key, giver = _cued_pair()
    quiz_with_questions(module, [key, giver], title="Cued quiz")
    for question in (key, giver):
        url = f"/admin/snippets/quizzes/question/edit/{question.pk}/"
        html = instructor_client.get(url).content.decode()
        assert "Across quizzes" in html and "Cued quiz" in html
        assert "which answers the must-pass item" in html


def test_editor_panel_shows_saved_warnings_and_saving_is_not_blocked(instructor_client):
    question = QuestionFactory(title="Long key", body=LONG_KEY)
    url = f"/admin/snippets/quizzes/question/edit/{question.pk}/"
    html = instructor_client.get(url).content.decode()
    assert "Item-writing checks" in html and "Right answer clearly the longest" in html
    assert "A right answer far longer than any of the others" in html

    fresh = QuestionFactory(title="Clean")
    html = instructor_client.get(f"/admin/snippets/quizzes/question/edit/{fresh.pk}/").content
    assert b"No item-writing warnings" in html
    html = instructor_client.get("/admin/snippets/quizzes/question/add/").content.decode()
    assert "save it to see them" in html


def test_saving_a_flawed_question_succeeds_with_a_warning_message(instructor_client):
    question = QuestionFactory(title="Long key", body=LONG_KEY)
    url = f"/admin/snippets/quizzes/question/edit/{question.pk}/"
    response = instructor_client.post(url, _edit_post_data(question), follow=True)
    assert response.status_code == 200
    shown = [str(m.message) for m in response.context["messages"]]
    assert any("updated" in m for m in shown)
    assert any("1 item-writing warning" in m and "clearly the longest" in m for m in shown)


def _edit_post_data(question) -> dict:
    """The edit form as a browser posts it, for a single-choice question."""
    options = question.body[0].value["options"].bound_blocks
    data = {
        "title": question.title,
        "bank": question.bank_id,
        "category": question.category_id,
        "tags": "",
        "stem": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Which?", "depth": 0, '
        '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "points": "1",
        "critical_reason": "",
        "general_feedback": '{"blocks": [], "entityMap": {}}',
        "body-count": "1",
        "body-0-type": "single_choice",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": question.body[0].id,
        "body-0-value-options-count": str(len(options)),
    }
    for index, option in enumerate(options):
        prefix = f"body-0-value-options-{index}"
        data.update(
            {
                f"{prefix}-deleted": "",
                f"{prefix}-order": str(index),
                f"{prefix}-id": option.id,
                f"{prefix}-value-text": option.value["text"],
                f"{prefix}-value-credit": str(option.value["credit"]),
                f"{prefix}-value-feedback": "",
            }
        )
    return data


def test_report_lists_quizzes_and_shows_one_with_edit_links(instructor_client, module):
    question = QuestionFactory(title="Long key", body=LONG_KEY)
    quiz = quiz_with_questions(module, [question], title="Checked quiz")
    html = instructor_client.get("/admin/reports/item-writing/").content.decode()
    assert "Checked quiz" in html and f"/admin/reports/item-writing/{quiz.pk}/" in html
    html = instructor_client.get(f"/admin/reports/item-writing/{quiz.pk}/").content.decode()
    assert "Right answer clearly the longest" in html
    assert f"/admin/snippets/quizzes/question/edit/{question.pk}/" in html
    assert "A right answer far longer than any of the others" in html
    export = instructor_client.get("/admin/reports/item-writing/", {"export": "csv"})
    assert b"Checked quiz" in b"".join(export.streaming_content)


def test_report_is_for_those_who_can_edit_quizzes(client, trainee, module):
    quiz = quiz_with_questions(module, [QuestionFactory()])
    assert client.get("/admin/reports/item-writing/").status_code == 302  # to the login
    client.force_login(trainee)
    for url in ("/admin/reports/item-writing/", f"/admin/reports/item-writing/{quiz.pk}/"):
        assert client.get(url).status_code in (302, 403)


def test_an_editor_of_one_course_sees_only_its_quizzes(client, quiz_course, module):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    other = lessons_of(build_course(modules=1, lessons_per_module=1))[0].get_parent()
    mine = quiz_with_questions(module, [QuestionFactory()], title="Mine")
    theirs = quiz_with_questions(other, [QuestionFactory()], title="Theirs")
    group = Group.objects.create(name="Editors of one course")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=quiz_course,
        permission=Permission.objects.get(
            codename="change_page", content_type__app_label="wagtailcore"
        ),
    )
    editor = UserFactory()
    editor.groups.add(group)
    client.force_login(editor)
    html = client.get("/admin/reports/item-writing/").content.decode()
    assert "Mine" in html and "Theirs" not in html
    assert client.get(f"/admin/reports/item-writing/{mine.pk}/").status_code == 200
    assert client.get(f"/admin/reports/item-writing/{theirs.pk}/").status_code == 404


def test_report_for_a_missing_or_absurd_quiz_id_is_a_404(instructor_client):
    for quiz_id in ("999999", "99999999999999999999999"):
        response = instructor_client.get(f"/admin/reports/item-writing/{quiz_id}/")
        assert response.status_code == 404


def test_check_items_prints_the_review_and_exits_0(module):
    question = QuestionFactory(title="Long key", body=LONG_KEY)
    quiz = quiz_with_questions(module, [question], title="Checked quiz")
    out = io.StringIO()
    call_command("check_items", "--quiz", quiz.slug, stdout=out)
    text = out.getvalue()
    assert "Checked quiz" in text and "Long key" in text
    assert "Right answer clearly the longest" in text
    assert "Right answer the longest option: 1 of 1 choice items" in text

    out = io.StringIO()
    call_command("check_items", "--bank", question.bank.name, "--brief", stdout=out)
    assert "Long key" in out.getvalue() and "4.80× as long" in out.getvalue()
    assert "Trim it" not in out.getvalue()  # the advice is left out


def test_check_items_fail_on_warning_and_unknown_names(module):
    question = QuestionFactory(title="Long key", body=LONG_KEY)
    quiz = quiz_with_questions(module, [question])
    with pytest.raises(CommandError, match="1 item-writing warnings"):
        call_command("check_items", "--quiz", quiz.slug, "--fail-on-warning", stdout=io.StringIO())
    clean = quiz_with_questions(module, [QuestionFactory(title="Clean")])
    call_command("check_items", "--quiz", clean.slug, "--fail-on-warning", stdout=io.StringIO())
    with pytest.raises(CommandError, match="No quiz"):
        call_command("check_items", "--quiz", "nope")
    with pytest.raises(CommandError, match="No question bank"):
        call_command("check_items", "--bank", "nope")


def test_brief_findings_keep_quoted_titles_whole():
    from quizzes.management.commands.check_items import gist

    text = "“A: b. c” shows “x”, which answers “Q: name it”: advice. More advice."
    assert gist(text) == "“A: b. c” shows “x”, which answers “Q: name it”"
    assert gist("No stop here") == "No stop here"
