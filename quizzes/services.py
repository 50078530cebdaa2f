"""Attempts: start (draw and freeze), save answers, submit and mark exactly once, expire."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from courses.models import CoursePage, Enrollment
from courses.outline import course_view
from courses.outline_cache import kept_value
from courses.services import enrollment_evaluate_completion
from courses.trainee_cache import trainee_changed
from quizzes import draws, marking
from quizzes.cooldown import next_attempt_in_words
from quizzes.draw_data import draw_bank, quiz_draw_slots, seen_questions
from quizzes.models import Attempt, AttemptQuestion, Question, QuizOverride, QuizPage
from quizzes.responses import InvalidResponse, clean_response, position_of
from quizzes.snapshots import new_seed, prefetch_answer_blocks, question_snapshot


class QuizError(Exception):
    """Refused by the rules; the message is shown to the trainee as is."""

    status = 400


class QuizUnavailable(QuizError):
    status = 403


class PrerequisitesUnmet(QuizUnavailable):
    """Other steps of the course must be done first; `missing` names them (with their pages)."""

    def __init__(self, message: str, *, missing: tuple = ()):
        super().__init__(message)
        self.missing = missing


class AttemptClosed(QuizError):
    status = 409


class DeadlinePassed(AttemptClosed):
    pass


def deadline_grace() -> timedelta:
    return timedelta(seconds=getattr(settings, "QUIZ_DEADLINE_GRACE_SECONDS", 5))


@dataclass(frozen=True)
class QuizRules:
    """The rules for one trainee: the quiz's settings with any instructor override applied."""

    attempts_allowed: int
    time_limit: timedelta | None
    available_from: object
    available_until: object
    cooldown: timedelta

    @property
    def time_limit_minutes(self) -> int:
        return int(self.time_limit.total_seconds() // 60) if self.time_limit else 0


def quiz_overrides(*, quiz: QuizPage) -> dict[int, QuizOverride]:
    """The quiz's overrides by trainee, kept like its slots: any override saved or deleted drops
    them (quizzes/apps.py), so a start reads them without a query."""

    def read():
        return {row.user_id: row for row in QuizOverride.objects.filter(quiz=quiz)}

    return kept_value(("quiz-overrides", quiz.pk), read)


def quiz_rules(*, quiz: QuizPage, user) -> QuizRules:
    override = quiz_overrides(quiz=quiz).get(user.pk)
    attempts = quiz.attempts_allowed
    minutes = quiz.time_limit_minutes
    available_from, available_until = quiz.available_from, quiz.available_until
    if override:
        attempts = attempts + override.extra_attempts if attempts else 0
        minutes = minutes + override.extra_minutes if minutes else 0
        available_from = override.available_from or available_from
        available_until = override.available_until or available_until
    return QuizRules(
        attempts_allowed=attempts,
        time_limit=timedelta(minutes=minutes) if minutes else None,
        available_from=available_from,
        available_until=available_until,
        cooldown=quiz.cooldown,
    )


def course_of_quiz(quiz: QuizPage) -> CoursePage:
    """The quiz's course, read once per quiz instance (a start asks for it twice)."""
    course = getattr(quiz, "_course_of_quiz", None)
    if course is None or not quiz.path.startswith(course.path):
        course = quiz._course_of_quiz = CoursePage.objects.ancestor_of(quiz).get()
    return course


def draw_questions(
    *, quiz: QuizPage, rng: random.Random, user=None, seen: dict[int, int] | None = None
) -> list[tuple[Question, draws.Drawn]]:
    """Resolve the quiz's slots (quizzes/draws.py) into questions, in a fixed number of queries.

    A draw the bank can no longer satisfy (questions deleted, moved or untagged since the quiz
    was saved) is refused with the reason; attempts already started keep their snapshots.
    """
    # The live quiz's slots change only when the quiz page is published: kept like outlines.
    slots, slot_ids = kept_value(("quiz-draw-slots", quiz.pk), lambda: quiz_draw_slots(quiz=quiz))
    bank = draw_bank(slots=slots)
    if seen is None:  # variants rotate: what this trainee's attempts have shown
        seen = seen_questions(quiz=quiz, user=user) if user is not None else {}
    try:
        drawn = draws.draw(slots, bank, rng=rng, seen=seen)
    except draws.DrawError as error:
        raise QuizUnavailable(
            f"This quiz cannot be started until its author fixes its questions ({error})"
        ) from error
    questions = Question.objects.select_related("scenario", "image").in_bulk(
        [d.question for d in drawn]
    )
    prefetch_answer_blocks(questions.values())
    ordered = [
        (questions[d.question], replace(d, slot=slot_ids[d.slot]))
        for d in drawn
        if d.question in questions
    ]
    if quiz.shuffle_questions:
        rng.shuffle(ordered)
    return _group_scenarios(ordered)


def _group_scenarios(questions: list[tuple[Question, draws.Drawn]]) -> list:
    """Keep questions about the same case together, where the first of them fell."""
    grouped: list = []
    placed: set[int] = set()
    for question, origin in questions:
        if question.pk in placed:
            continue
        family = [(question, origin)]
        if question.scenario_id:
            family = [pair for pair in questions if pair[0].scenario_id == question.scenario_id]
        grouped.extend(family)
        placed.update(pair[0].pk for pair in family)
    return grouped


def attempt_start_check(
    *, quiz: QuizPage, user, rules: QuizRules, now, history: list[Attempt] | None = None
) -> None:
    """Raise QuizUnavailable with the reason this trainee cannot start an attempt now.

    `history` is every attempt of this trainee at this quiz, if the caller has read it already.
    """
    if not quiz.live:
        raise QuizUnavailable("This quiz is not published.")
    course = course_of_quiz(quiz)
    # Locks by the outline's definition. A quiz's lock comes from quiz passes alone (its
    # module's gate, its prerequisite quizzes), so only the quiz provider is asked.
    view = course_view(user=user, course=course, only_kinds={"quiz"})
    enrollment = view.enrollment
    if enrollment is None:
        raise QuizUnavailable(f"Enrol in “{course.title}” to take this quiz.")
    step = view.steps.get(quiz.id)
    if step is None:  # under an unpublished module: not part of the published course
        raise QuizUnavailable("This quiz is not published.")
    lock = step.lock  # its module's gate, like its lessons; else its unmet prerequisites
    if lock is not None and lock.missing:
        raise PrerequisitesUnmet(lock.reason, missing=lock.missing)
    if lock is not None:
        raise QuizUnavailable(lock.reason)
    if rules.available_from and now < rules.available_from:
        raise QuizUnavailable(
            f"This quiz opens on {timezone.localtime(rules.available_from):%d %B %Y at %H:%M}."
        )
    if rules.available_until and now >= rules.available_until:
        raise QuizUnavailable("This quiz has closed.")
    if history is None:
        history = list(Attempt.objects.filter(quiz=quiz, user=user))
    submitted = [  # attempts count afresh in each recertification cycle
        attempt
        for attempt in history
        if attempt.status == Attempt.Status.SUBMITTED
        and attempt.started_at >= enrollment.enrolled_at
    ]
    if rules.attempts_allowed and len(submitted) >= rules.attempts_allowed:
        used = (
            "your only attempt"
            if rules.attempts_allowed == 1
            else f"all {rules.attempts_allowed} attempts"
        )
        raise QuizUnavailable(
            f"You have used {used} at this quiz. Ask your instructor if you need another."
        )
    last = max(submitted, key=lambda attempt: attempt.submitted_at, default=None)
    if last and not last.passed and rules.cooldown and now < last.submitted_at + rules.cooldown:
        when = next_attempt_in_words(until=last.submitted_at + rules.cooldown, now=now)
        raise QuizUnavailable(f"After a failed attempt, you can try again {when}.")


class _OpenAttemptDue(Exception):
    """Found under the enrolment lock: an open attempt past its deadline, to submit first."""

    def __init__(self, attempt: Attempt):
        super().__init__()
        self.attempt = attempt


def attempt_start(*, quiz: QuizPage, user) -> tuple[Attempt, bool]:
    """Resume the open attempt, or start one: draw, order and freeze its questions once.

    Starts by one trainee are serialised on their enrollment row (SQLite: on the database, as
    every transaction begins IMMEDIATE), so parallel clicks all get the one attempt. An expired
    attempt is submitted outside that lock (submit locks the attempt, then the enrollment), and
    the start is then tried again.
    """
    try:
        return _attempt_start_locked(quiz=quiz, user=user)
    except _OpenAttemptDue as due:
        attempt_expire_if_due(attempt=due.attempt)
    return _attempt_start_locked(quiz=quiz, user=user)


@transaction.atomic
def _attempt_start_locked(*, quiz: QuizPage, user) -> tuple[Attempt, bool]:
    now = timezone.now()
    enrollment = _locked_enrollment_of(user_id=user.pk, page=quiz)
    if enrollment is not None:
        quiz._course_of_quiz = enrollment.course  # read with it: course_of_quiz needs no query
    history = list(Attempt.objects.filter(quiz=quiz, user=user))  # the one read of attempts
    open_attempt = next((a for a in history if a.is_open), None)
    if open_attempt is not None:  # resumed: the trainee's own, or a parallel start's
        if _is_due(open_attempt, now):
            raise _OpenAttemptDue(open_attempt)
        return open_attempt, False
    rules = quiz_rules(quiz=quiz, user=user)
    attempt_start_check(quiz=quiz, user=user, rules=rules, now=now, history=history)
    seed = new_seed()
    rng = random.Random(seed)  # noqa: S311 - ordering questions, not security
    seen = seen_questions(quiz=quiz, user=user) if history else {}
    drawn = draw_questions(quiz=quiz, rng=rng, user=user, seen=seen)
    if not drawn:
        raise QuizUnavailable("This quiz has no questions yet.")
    deadline = now + rules.time_limit if rules.time_limit else None
    if rules.available_until and (deadline is None or deadline > rules.available_until):
        deadline = rules.available_until
    number = max((a.number for a in history), default=0) + 1
    snapshots = [
        {
            **question_snapshot(q, rng=rng, shuffle_options=quiz.shuffle_options),
            "origin": {"slot_id": origin.slot, "variant_set_id": origin.variant_set},
        }
        for q, origin in drawn
    ]
    attempt = Attempt.objects.create(
        quiz=quiz,
        user=user,
        number=number,
        seed=seed,
        deadline=deadline,
        max_score=sum((Decimal(s["points"]) for s in snapshots), Decimal(0)),
    )
    AttemptQuestion.objects.bulk_create(
        AttemptQuestion(
            attempt=attempt,
            position=index,
            question=question,
            snapshot=snapshot,
            slot_id=origin.slot,
            variant_set_id=origin.variant_set,
        )
        for index, ((question, origin), snapshot) in enumerate(
            zip(drawn, snapshots, strict=True), start=1
        )
    )
    return attempt, True


def _is_due(attempt: Attempt, now) -> bool:
    return bool(attempt.is_open and attempt.deadline and now > attempt.deadline + deadline_grace())


def attempt_expire_if_due(*, attempt: Attempt, now=None) -> bool:
    """Submit an open attempt whose deadline has passed, with what was saved. True if it did."""
    now = now or timezone.now()
    if _is_due(attempt, now):
        attempt_submit(attempt=attempt, auto=True)
        attempt.refresh_from_db()
        return True
    return False


@dataclass(frozen=True)
class SaveResult:
    saved: int
    errors: dict[int, str]  # position -> why that answer was not saved
    answered: tuple[int, ...] = ()  # positions saved with an answer
    unanswered: tuple[int, ...] = ()  # positions saved empty (an answer cleared)


def attempt_save_responses(*, attempt: Attempt, responses: dict[int, object]) -> SaveResult:
    """Validate and store answers for some questions of an open attempt.

    Each answer stands alone: a valid one is saved even when another in the same request is not
    (that one keeps its previous value and gets a message). A question id that is not part of
    the attempt is tampering and saves nothing. A late save first submits the attempt
    (committed on its own) and is then refused.
    """
    try:
        return _store_responses(attempt=attempt, responses=responses)
    except DeadlinePassed:
        attempt_expire_if_due(attempt=attempt)
        raise


@transaction.atomic
def _store_responses(*, attempt: Attempt, responses: dict[int, object]) -> SaveResult:
    # The same row lock as submit: a save either lands before the marking (and is marked) or
    # sees the attempt submitted. SQLite has no row locks; its IMMEDIATE transactions serialise.
    current = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if not current.is_open:
        raise AttemptClosed("This attempt has been submitted; answers can no longer change.")
    now = timezone.now()
    if current.deadline and now > current.deadline + deadline_grace():
        raise DeadlinePassed(
            "Time is up: this attempt was submitted with the answers saved before the deadline. "
            "This last change arrived too late and was not saved."
        )
    by_position = {position_of(key): raw for key, raw in responses.items()}
    if None in by_position or len(by_position) != len(responses):
        raise InvalidResponse("That question is not part of this attempt.")
    rows = {row.position: row for row in attempt.questions.filter(position__in=by_position)}
    if set(rows) != set(by_position):
        raise InvalidResponse("That question is not part of this attempt.")
    changed, errors = [], {}
    for position, raw in by_position.items():
        row = rows[position]
        try:
            row.response = clean_response(row.snapshot, raw)
        except InvalidResponse as error:
            errors[row.position] = str(error)
            continue
        row.saved_at = now
        changed.append(row)
    AttemptQuestion.objects.bulk_update(changed, ["response", "saved_at"])
    return SaveResult(
        saved=len(changed),
        errors=errors,
        answered=tuple(sorted(row.position for row in changed if row.response)),
        unanswered=tuple(sorted(row.position for row in changed if not row.response)),
    )


def _locked_attempts():
    """Attempts read under their row lock (not their quiz's): waits for a save in flight."""
    return Attempt.objects.select_for_update(of=("self",)).select_related("quiz")


@transaction.atomic
def attempt_submit(*, attempt: Attempt, auto: bool = False) -> Attempt:
    """Mark the attempt once: a second submit (double click, another tab, retry) changes nothing.

    The row lock waits for a save in flight, so every stored answer is marked and none is
    stored after `submitted_at`. `attempt` is updated in place and returned.
    """
    locked = _locked_attempts().get(pk=attempt.pk)
    _mark_locked(locked, auto=auto)
    for field in ("status", "submitted_at", "auto_submitted", *_RESULT_FIELDS):
        setattr(attempt, field, getattr(locked, field))
    return attempt


@transaction.atomic
def attempt_submit_own(*, attempt_id: int, user) -> Attempt:
    """A trainee's submit: reading their own attempt is the lock (Attempt.DoesNotExist if it is
    not theirs), so the request costs no separate ownership read."""
    locked = _locked_attempts().get(pk=attempt_id, user=user)
    return _mark_locked(locked, auto=False)


_RESULT_FIELDS = ("score", "percent", "passed", "failed_critical")


def _mark_locked(attempt: Attempt, *, auto: bool) -> Attempt:
    if not attempt.is_open:
        return attempt  # already marked: read under the lock, so current
    now = timezone.now()
    rows = list(attempt.questions.all())
    total = Decimal(0)
    failed_critical = False
    for row in rows:
        result = marking.mark(row.snapshot["type"], row.snapshot["key"], row.response)
        row.fraction = result.fraction
        row.score = marking.points_for(result, Decimal(row.snapshot["points"]))
        total += row.score
        if row.snapshot.get("critical") and not result.is_correct:
            failed_critical = True
    AttemptQuestion.objects.bulk_update(rows, ["fraction", "score"])
    maximum = attempt.max_score or Decimal(0)
    percent = (total * 100 / maximum).quantize(Decimal("0.1")) if maximum else Decimal(0)
    passed = percent >= attempt.quiz.pass_mark and not failed_critical
    changes = {
        "status": Attempt.Status.SUBMITTED,
        "submitted_at": now,
        "auto_submitted": auto,
        "score": total,
        "percent": percent,
        "passed": passed,
        "failed_critical": failed_critical,
    }
    # Guarded as well as locked: marking happens once even if the lock were ever lost.
    won = Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS).update(**changes)
    if not won:
        raise AttemptClosed("This attempt has been submitted already.")
    trainee_changed(attempt.user_id)  # an UPDATE sends no signal
    for field, value in changes.items():
        setattr(attempt, field, value)
    if passed and attempt.quiz.is_required:
        _evaluate_course_completion(attempt)
    return attempt


def _locked_enrollment_of(*, user_id: int, page) -> Enrollment | None:
    """The trainee's current enrolment in the course holding `page`, with its course, read under
    the enrolment's row lock (the lock starts and completion evaluations take): one query."""
    ancestors = [page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
    return (
        Enrollment.objects.select_for_update(of=("self",))
        .filter(user_id=user_id, course__path__in=ancestors)
        .select_related("course")
        .order_by("-cycle")
        .first()
    )


def _evaluate_course_completion(attempt: Attempt) -> None:
    """A passed required quiz may be the last requirement of the course."""
    enrollment = _locked_enrollment_of(user_id=attempt.user_id, page=attempt.quiz)
    if enrollment is not None:
        enrollment_evaluate_completion(enrollment=enrollment, already_locked=True)


def attempts_submit_expired(*, now=None) -> int:
    """For the periodic task: submit every open attempt whose deadline has passed."""
    now = now or timezone.now()
    due = Attempt.objects.filter(
        status=Attempt.Status.IN_PROGRESS, deadline__lt=now - deadline_grace()
    ).select_related("quiz")
    count = 0
    for attempt in due:
        attempt_submit(attempt=attempt, auto=True)
        count += 1
    return count
