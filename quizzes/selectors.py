"""Reads for quiz pages, attempts and results."""

from __future__ import annotations

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone

from courses.models import Enrollment
from quizzes.models import Attempt, QuizPage
from quizzes.models.quiz import ReviewPolicy, ReviewTiming


def quizzes_by_course(*, courses) -> dict[int, list[QuizPage]]:
    courses = list(courses)
    result: dict[int, list[QuizPage]] = defaultdict(list)
    if not courses:
        return result
    quizzes = (
        QuizPage.objects.live()
        .filter(reduce(or_, (Q(path__startswith=c.path) for c in courses)))
        .only("id", "title", "path", "depth", "url_path", "is_required", "live")
        .order_by("path")
    )
    for quiz in quizzes:
        for course in courses:
            if quiz.path.startswith(course.path):
                result[course.id].append(quiz)
    return result


def attempts_for(*, quiz: QuizPage, user) -> list[Attempt]:
    if not user.is_authenticated:
        return []
    return list(Attempt.objects.filter(quiz=quiz, user=user).order_by("-number"))


def quiz_page_context(*, quiz: QuizPage, user) -> dict:
    from quizzes.services import QuizError, attempt_start_check, course_of_quiz, quiz_rules

    attempts = attempts_for(quiz=quiz, user=user)
    open_attempt = next((a for a in attempts if a.is_open), None)
    submitted = [a for a in attempts if not a.is_open]
    start_refusal = None
    missing_prerequisites = ()
    rules = None
    earlier: list[Attempt] = []
    if user.is_authenticated:
        rules = quiz_rules(quiz=quiz, user=user)
        if open_attempt is None:
            try:
                attempt_start_check(quiz=quiz, user=user, rules=rules, now=timezone.now())
            except QuizError as error:
                start_refusal = str(error)
                missing_prerequisites = getattr(error, "missing", ())
    course = course_of_quiz(quiz)
    if submitted:  # attempts and passes count within the current (recertification) cycle
        enrollment = Enrollment.objects.current(user=user, course=course)
        if enrollment is not None:
            cycle_start = enrollment.enrolled_at
            submitted_this_cycle = [a for a in submitted if a.started_at >= cycle_start]
            if len(submitted_this_cycle) != len(submitted):
                earlier = [a for a in submitted if a.started_at < cycle_start]
                submitted = submitted_this_cycle
    return {
        "course": course,
        "attempts": submitted,
        "earlier_attempts": earlier,
        "open_attempt": open_attempt,
        "passed": any(a.passed for a in submitted),
        "start_refusal": start_refusal,
        "missing_prerequisites": missing_prerequisites,
        "rules": rules,
        "attempts_left": (rules.attempts_allowed - len(submitted))
        if rules and rules.attempts_allowed
        else None,
    }


def review_visibility(attempt: Attempt, *, now=None) -> str:
    """What the trainee may see of a submitted attempt now: none, score, responses or answers."""
    quiz = attempt.quiz
    if attempt.is_open:
        return ReviewPolicy.NONE
    if quiz.review_timing == ReviewTiming.AFTER_CLOSE:
        closes = quiz.available_until
        if closes is None or (now or timezone.now()) < closes:
            return (
                ReviewPolicy.SCORE if quiz.review_policy != ReviewPolicy.NONE else ReviewPolicy.NONE
            )
    return quiz.review_policy


def result_next_steps(*, attempt: Attempt, user) -> dict:
    """What the result page offers next: the module a pass has just opened, and the course's
    next step, by the same definition as the course page and the dashboard."""
    from courses.outline import course_view
    from quizzes.services import course_of_quiz

    quiz = attempt.quiz
    view = course_view(user=user, course=course_of_quiz(quiz))
    opened = None
    if attempt.passed and quiz.unlocks_module_id and quiz.unlocks_module_id not in view.locks:
        for number, module in enumerate(view.outline.modules, start=1):
            if module.page.id == quiz.unlocks_module_id:
                first = module.items[0] if module.items else None
                opened = {"module": module.page, "number": number, "first": first}
    next_step = view.next_step
    if next_step is not None and (
        next_step.id == quiz.id
        or (opened and opened["first"] and next_step.id == opened["first"].id)
    ):
        next_step = None  # already offered on the page
    return {"course": view.course, "opened": opened, "next_step": next_step}
