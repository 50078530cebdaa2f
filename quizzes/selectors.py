"""Reads for quiz pages, attempts and results."""

from __future__ import annotations

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.utils import timezone

from courses.models import Enrollment
from quizzes.models import Attempt, QuizPage
from quizzes.models.quiz import ReviewPolicy
from quizzes.review_rules import (
    TIMING_IN_WORDS,
    ReviewState,
    review_level,
    review_pending_note,
)


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
        "review_when": _review_when(quiz),
        "rules": rules,
        "attempts_left": (rules.attempts_allowed - len(submitted))
        if rules and rules.attempts_allowed
        else None,
    }


def _review_when(quiz: QuizPage) -> str:
    """The quiz page's line on when the review shows, e.g. "Correct answers and feedback: once
    you pass" ("" when the policy never shows answers)."""
    what = {"answers": "Correct answers and feedback", "responses": "Your marked answers"}
    if quiz.review_policy not in what or quiz.review_timing not in TIMING_IN_WORDS:
        return ""
    return f"{what[quiz.review_policy]}: {TIMING_IN_WORDS[quiz.review_timing]}"


def review_state(*, quiz: QuizPage, user, now=None, rules=None) -> ReviewState:
    """The facts review timing depends on, for one trainee now: attempts left (an instructor's
    override included), a pass, the closing date, an attempt in progress."""
    from quizzes.services import course_of_quiz, quiz_rules

    now = now or timezone.now()
    rules = rules or quiz_rules(quiz=quiz, user=user)
    enrollment = Enrollment.objects.current(user=user, course=course_of_quiz(quiz))
    this_cycle = Q(started_at__gte=enrollment.enrolled_at) if enrollment else Q()
    submitted = Q(status=Attempt.Status.SUBMITTED) & this_cycle
    counts = Attempt.objects.filter(quiz=quiz, user=user).aggregate(
        submitted=Count("id", filter=submitted),
        passed=Count("id", filter=submitted & Q(passed=True)),
        open=Count("id", filter=Q(status=Attempt.Status.IN_PROGRESS)),
    )
    return ReviewState(
        passed=counts["passed"] > 0,
        attempts_left=(
            max(0, rules.attempts_allowed - counts["submitted"]) if rules.attempts_allowed else None
        ),
        closed=bool(rules.available_until and now >= rules.available_until),
        in_progress=counts["open"] > 0,
    )


def attempt_review(attempt: Attempt, *, now=None) -> tuple[str, str]:
    """What the trainee may see of their attempt now (none, score, responses or answers), and
    the sentence saying when the rest will show ("" if nothing is held back)."""
    from quizzes.services import quiz_rules

    quiz = attempt.quiz
    if attempt.is_open:
        return ReviewPolicy.NONE, ""
    rules = quiz_rules(quiz=quiz, user=attempt.user)
    state = review_state(quiz=quiz, user=attempt.user, now=now, rules=rules)
    level = review_level(policy=quiz.review_policy, timing=quiz.review_timing, state=state)
    closes = rules.available_until
    note = review_pending_note(
        policy=quiz.review_policy,
        timing=quiz.review_timing,
        state=state,
        closes_text=_date_in_words(timezone.localtime(closes)) if closes else "",
    )
    return level, note


def _date_in_words(moment) -> str:
    return f"{moment.day} {moment:%B %Y} at {moment:%H:%M}"


def review_visibility(attempt: Attempt, *, now=None) -> str:
    """What the trainee may see of a submitted attempt now: none, score, responses or answers."""
    return attempt_review(attempt, now=now)[0]


def missed_must_pass(attempt: Attempt, *, rows=None) -> list[dict]:
    """The must-pass items this attempt got wrong, by stem and reason: never the key, the
    trainee's answer or how the other items went. `rows`: the attempt's questions, if loaded."""
    if not attempt.failed_critical:
        return []
    return [
        {
            "position": row.position,
            "stem": row.snapshot["display"]["stem"],
            "reason": row.snapshot["review"].get("critical_reason", ""),
        }
        for row in (attempt.questions.all() if rows is None else rows)
        if row.snapshot.get("critical") and (row.fraction or 0) < 1
    ]


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
