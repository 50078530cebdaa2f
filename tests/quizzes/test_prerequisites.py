"""A quiz that requires others passed first: refused at start, explained on its page, locked in
the outline with "next step" leading to what is missing (issue 10, item 1).

"Passed" is the completion definition: a pass submitted in the trainee's current enrollment cycle.
"""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrollment
from courses.outline import course_view
from courses.services import enrollment_create, enrollment_start_cycle, lesson_complete
from quizzes.models import Attempt, QuizPrerequisite
from quizzes.services import PrerequisitesUnmet, QuizUnavailable, attempt_start
from tests.courses.test_progress_pages import continue_link, pass_quiz
from tests.factories import build_course, lessons_of
from tests.factories.quizzes import QuestionFactory, quiz_with_questions

pytestmark = pytest.mark.django_db


def tf_quiz(parent, title, **fields):
    return quiz_with_questions(
        parent, [QuestionFactory(kind="true_false")], title=title, is_required=True, **fields
    )


def require(quiz, *others):
    for order, other in enumerate(others):
        QuizPrerequisite.objects.create(quiz=quiz, required_quiz=other, sort_order=order)


def enrol_with_lessons_read(trainee, course):
    """Lessons done, so the quizzes are the outstanding steps "next step" chooses from."""
    enrollment_create(user=trainee, course=course)
    for lesson in lessons_of(course):
        lesson_complete(user=trainee, lesson=lesson)


@pytest.fixture
def course_quizzes(trainee):
    """Module 1: the technique quiz (needs safety and ethics); module 2: safety, then ethics.

    The locked quiz comes first in course order, so "next step" must lead past it.
    """
    course = build_course(modules=2, lessons_per_module=1, title="Prerequisite course")
    first, second = course.get_children().specific()
    technique = tf_quiz(first, "Technique quiz")
    safety = tf_quiz(second, "Safety quiz")
    ethics = tf_quiz(second, "Ethics quiz")
    require(technique, safety, ethics)
    enrol_with_lessons_read(trainee, course)
    return course, technique, safety, ethics


def test_start_is_refused_server_side_naming_what_is_missing(client, trainee, course_quizzes):
    _, technique, safety, ethics = course_quizzes
    client.force_login(trainee)
    response = client.post(reverse("quizzes:start", args=[technique.id]), follow=True)
    assert response.status_code == 200
    assert not Attempt.objects.filter(quiz=technique).exists()
    message = "Pass “Safety quiz” and “Ethics quiz” first."
    assert [str(m) for m in response.context["messages"]] == [message]
    with pytest.raises(PrerequisitesUnmet, match=message) as refused:
        attempt_start(quiz=technique, user=trainee)
    assert [r.page.id for r in refused.value.missing] == [safety.id, ethics.id]


def start_form(html: str, quiz) -> bool:
    return f'action="{reverse("quizzes:start", args=[quiz.id])}"' in html


def test_the_quiz_page_explains_and_links_each_missing_quiz(client, trainee, course_quizzes):
    _, technique, safety, ethics = course_quizzes
    client.force_login(trainee)
    html = client.get(technique.url).content.decode()
    box = html.split('data-testid="prerequisites-missing"')[1].split("</div>")[0]
    assert "Pass “Safety quiz” and “Ethics quiz” first." in box
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', box) == [
        (safety.url, "Safety quiz"),
        (ethics.url, "Ethics quiz"),
    ]
    assert not start_form(html, technique)

    pass_quiz(safety, trainee)  # one done: only the other is still named
    html = client.get(technique.url).content.decode()
    box = html.split('data-testid="prerequisites-missing"')[1].split("</div>")[0]
    assert "Pass “Ethics quiz” first." in box and safety.url not in box

    pass_quiz(ethics, trainee)
    html = client.get(technique.url).content.decode()
    assert "prerequisites-missing" not in html and start_form(html, technique)
    assert client.post(reverse("quizzes:start", args=[technique.id])).status_code == 302
    assert Attempt.objects.filter(quiz=technique, user=trainee).exists()


def test_outline_locks_the_quiz_with_its_reason_and_next_step_leads_to_the_missing_quiz(
    client, trainee, course_quizzes
):
    course, technique, safety, ethics = course_quizzes
    view = course_view(user=trainee, course=course)
    lock = view.steps[technique.id].lock
    assert (
        lock.reason == "Pass “Safety quiz” and “Ethics quiz” first." and lock.page.id == safety.id
    )
    assert view.steps[safety.id].lock is None
    assert view.next_step.id == safety.id  # not the locked technique quiz, first in order

    client.force_login(trainee)
    html = client.get(course.url).content.decode()
    item = html.split(f'href="{technique.url}"')[1].split("</li>")[0]
    assert 'data-testid="step-lock-reason">Pass “Safety quiz” and “Ethics quiz” first.' in item
    assert 'data-testid="outline-locked"' in item
    assert continue_link(html)[0] == safety.url

    pass_quiz(safety, trainee)
    assert course_view(user=trainee, course=course).next_step.id == ethics.id
    pass_quiz(ethics, trainee)
    view = course_view(user=trainee, course=course)
    assert view.steps[technique.id].lock is None and view.next_step.id == technique.id


def test_next_step_follows_a_chain_of_prerequisites(trainee):
    course = build_course(modules=2, lessons_per_module=1)
    first, second = course.get_children().specific()
    final, middle, base = (
        tf_quiz(first, "Final"),
        tf_quiz(second, "Middle"),
        tf_quiz(second, "Base"),
    )
    require(final, middle)
    require(middle, base)
    enrol_with_lessons_read(trainee, course)
    assert course_view(user=trainee, course=course).next_step.id == base.id
    with pytest.raises(PrerequisitesUnmet, match="Pass “Middle” first"):
        attempt_start(quiz=final, user=trainee)


def test_a_pass_in_an_earlier_cycle_does_not_count_after_recertification(trainee, course_quizzes):
    course, technique, safety, ethics = course_quizzes
    pass_quiz(safety, trainee)
    pass_quiz(ethics, trainee)
    assert course_view(user=trainee, course=course).steps[technique.id].lock is None
    Enrollment.objects.filter(user=trainee).update(completed_at=timezone.now())
    enrollment_start_cycle(user=trainee, course=course)
    view = course_view(user=trainee, course=course)
    assert view.steps[technique.id].lock.reason == "Pass “Safety quiz” and “Ethics quiz” first."
    with pytest.raises(PrerequisitesUnmet):
        attempt_start(quiz=technique, user=trainee)


def test_an_unpublished_or_deleted_prerequisite_is_not_enforced(client, trainee, course_quizzes):
    """The course as published is what a trainee can do: a quiz that is no longer part of it
    (as for completion) cannot hold another quiz locked for good."""
    course, technique, safety, ethics = course_quizzes
    safety.unpublish()
    client.force_login(trainee)
    html = client.get(technique.url).content.decode()
    assert "Pass “Ethics quiz” first." in html and "Safety quiz" not in html
    ethics.delete()
    assert client.get(technique.url).status_code == 200
    assert client.get(course.url).status_code == 200
    attempt, created = attempt_start(quiz=technique, user=trainee)
    assert created


def test_a_cycle_saved_around_the_editor_locks_both_and_never_500s(client, trainee):
    """Publishing a revision (workflow, scheduler) skips the form: a cycle may still exist."""
    course = build_course(modules=1, lessons_per_module=1)
    module = course.get_children().first()
    one, two = tf_quiz(module, "One"), tf_quiz(module, "Two")
    require(one, two)
    require(two, one)
    enrol_with_lessons_read(trainee, course)
    client.force_login(trainee)
    for url in (one.url, two.url, course.url, "/learning/"):
        assert client.get(url).status_code == 200
    response = client.post(reverse("quizzes:start", args=[one.id]))
    assert response.status_code == 302 and not Attempt.objects.exists()
    assert course_view(user=trainee, course=course).next_step is None


def test_module_gates_still_come_first(trainee):
    course = build_course(modules=2, lessons_per_module=1)
    first, second = course.get_children().specific()
    gate = tf_quiz(first, "Gate", unlocks_module=second)
    other = tf_quiz(first, "Other")
    locked = tf_quiz(second, "Inside")
    require(locked, other)
    enrollment_create(user=trainee, course=course)
    with pytest.raises(QuizUnavailable, match="Pass “Gate” to open these lessons"):
        attempt_start(quiz=locked, user=trainee)
    pass_quiz(gate, trainee)
    with pytest.raises(PrerequisitesUnmet, match="Pass “Other” first"):
        attempt_start(quiz=locked, user=trainee)
