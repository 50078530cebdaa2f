"""One definition of progress and of the next step, shown the same way on every page (issue 9)."""

import re

import pytest
from django.urls import reverse

from courses.models import Enrollment
from courses.services import enrollment_create, lesson_complete
from quizzes.services import attempt_save_responses, attempt_start, attempt_submit
from tests.factories import LessonPageFactory, build_course, lessons_of
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.quizzes.test_attempts import key_response

pytestmark = pytest.mark.django_db


def pass_quiz(quiz, user):
    attempt, _ = attempt_start(quiz=quiz, user=user)
    attempt_save_responses(
        attempt=attempt, responses={r.position: key_response(r) for r in attempt.questions.all()}
    )
    attempt = attempt_submit(attempt=attempt)
    assert attempt.passed
    return attempt


@pytest.fixture
def gated_course(db):
    """Module 1: two lessons + the safety quiz that opens module 2; a final assessment on top."""
    course = build_course(modules=2, lessons_per_module=2, title="Gated course")
    safety_module, technique_module = course.get_children().specific()
    safety = quiz_with_questions(
        safety_module,
        [QuestionFactory(kind="true_false")],
        title="Safety quiz",
        unlocks_module=technique_module,
        is_required=True,
    )
    final = quiz_with_questions(
        course, [QuestionFactory(kind="true_false")], title="Final assessment", is_required=True
    )
    return course, safety, final, technique_module


def continue_link(html: str):
    """The href and text of the page's "Continue"/"Start" call to action."""
    match = re.search(r'<a [^>]*data-testid="next-step"[^>]*href="([^"]+)"[^>]*>([^<]+)<', html)
    if match is None:
        match = re.search(r'<a [^>]*href="([^"]+)"[^>]*data-testid="next-step"[^>]*>([^<]+)<', html)
    if match is None:  # any "Continue: …" / "Start: …" button
        match = re.search(r'<a [^>]*href="([^"]+)"[^>]*>((?:Continue|Start): [^<]+)<', html)
    return match and (match.group(1), match.group(2).strip())


def percents(html: str) -> list[str]:
    return re.findall(r'data-testid="progress-percent">(\d+)%<', html)


def three_pages(client, course, lesson):
    return {
        "course": client.get(course.url).content.decode(),
        "lesson": client.get(lesson.url).content.decode(),
        "dashboard": client.get("/learning/").content.decode(),
    }


def test_continue_leads_to_the_gating_quiz_on_every_page(client, trainee, gated_course):
    course, safety, _, _ = gated_course
    enrollment_create(user=trainee, course=course)
    for lesson in lessons_of(course)[:2]:
        lesson_complete(user=trainee, lesson=lesson)
    client.force_login(trainee)
    pages = three_pages(client, course, lessons_of(course)[0])
    for name in ("course", "dashboard"):
        link = continue_link(pages[name])
        assert link is not None, f"no next-step link on the {name} page"
        assert link[0] == safety.url, f"{name} page continues to {link}"
        assert "Safety quiz" in link[1]


def test_next_step_skips_a_locked_lesson_even_when_the_gate_is_optional(client, trainee):
    course = build_course(modules=2, lessons_per_module=1)
    first_module, second_module = course.get_children().specific()
    gate = quiz_with_questions(
        first_module,
        [QuestionFactory(kind="true_false")],
        title="Optional gate",
        unlocks_module=second_module,
        is_required=False,
    )
    enrollment_create(user=trainee, course=course)
    lesson_complete(user=trainee, lesson=lessons_of(course)[0])
    client.force_login(trainee)
    for url in (course.url, "/learning/"):
        link = continue_link(client.get(url).content.decode())
        assert link is not None and link[0] == gate.url, f"{url}: {link}"


def test_progress_is_the_same_figure_on_the_course_page_lesson_sidebar_and_dashboard(
    client, trainee, gated_course
):
    course, safety, _, _ = gated_course
    enrollment_create(user=trainee, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[:2]:
        lesson_complete(user=trainee, lesson=lesson)
    pass_quiz(safety, trainee)
    lesson_complete(user=trainee, lesson=lessons[2])
    client.force_login(trainee)
    pages = three_pages(client, course, lessons[2])
    # 4 lessons + 2 required quizzes; 3 lessons and the safety quiz done: 4 of 6 = 67 %.
    figures = {name: percents(html) for name, html in pages.items()}
    assert figures == {"course": ["67"], "lesson": ["67"], "dashboard": ["67"]}, figures
    for name, html in pages.items():
        assert "4 of 6 steps" in html, name


def test_a_completion_stands_when_a_required_lesson_is_added_later(client, trainee, gated_course):
    course, safety, final, technique_module = gated_course
    enrollment = enrollment_create(user=trainee, course=course)[0]
    for lesson in lessons_of(course)[:2]:
        lesson_complete(user=trainee, lesson=lesson)
    pass_quiz(safety, trainee)
    for lesson in lessons_of(course)[2:]:
        lesson_complete(user=trainee, lesson=lesson)
    pass_quiz(final, trainee)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    added = LessonPageFactory(parent=technique_module, title="Added after completion")

    client.force_login(trainee)
    pages = three_pages(client, course, added)
    for name, html in pages.items():
        assert percents(html) == ["100"], (name, percents(html))
        assert "Completed" in html, name
        assert "New since you completed" in html, name
        assert "Added after completion" in html, name
    assert Enrollment.objects.get(pk=enrollment.pk).completed_at == enrollment.completed_at


def test_the_result_of_a_gating_quiz_says_what_it_opened(client, trainee, gated_course):
    course, safety, _, technique_module = gated_course
    enrollment_create(user=trainee, course=course)
    attempt = pass_quiz(safety, trainee)
    client.force_login(trainee)
    html = client.get(reverse("quizzes:result", args=[attempt.id])).content.decode()
    first_technique_lesson = lessons_of(course)[2]
    assert technique_module.title in html
    assert "now open" in html
    assert f'href="{first_technique_lesson.url}"' in html


def test_the_lesson_sidebar_lists_every_quiz_marks_passes_and_locks(client, trainee, gated_course):
    course, safety, final, _ = gated_course
    enrollment_create(user=trainee, course=course)
    client.force_login(trainee)
    lesson = lessons_of(course)[0]

    html = client.get(lesson.url).content.decode()
    sidebar = html.split('aria-label="Course outline"', 1)[1]
    assert final.title in sidebar, "the final assessment is missing from the sidebar"
    assert safety.title in sidebar
    assert sidebar.count('data-testid="outline-locked"') == 2  # the two technique lessons
    assert "Locked" in sidebar

    pass_quiz(safety, trainee)
    sidebar = client.get(lesson.url).content.decode().split('aria-label="Course outline"', 1)[1]
    quiz_item = re.search(r"<li[^>]*>(?:(?!</li>).)*Safety quiz(?:(?!</li>).)*</li>", sidebar, re.S)
    assert quiz_item and "Completed" in quiz_item.group(0), "a passed quiz is not shown as done"
    assert 'data-testid="outline-locked"' not in sidebar
