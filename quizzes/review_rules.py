"""When a trainee may see what of a submitted attempt: pure rules, tested as a table.

Levels, each including the one before: "none" (passed or not), "score" (score, pass mark and the
must-pass items missed, named by their stem, with their reason), "responses" (own answers marked
right or wrong), "answers" (correct answers and feedback). The author's review policy is the
most a trainee ever sees; until the review timing is reached they see at most the score, so a
retake is not a memory test of the last review.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("none", "score", "responses", "answers")
HIDDEN_UNTIL_TIMING = "score"  # the most shown before the timing is reached


@dataclass(frozen=True)
class ReviewState:
    """One trainee at one quiz, now (attempts count in the current recertification cycle)."""

    passed: bool  # some attempt passed
    attempts_left: int | None  # None when attempts are unlimited (with any override applied)
    closed: bool  # past the closing date (the trainee's own, if an override moved it)
    in_progress: bool = False  # an attempt is open right now

    @property
    def no_attempt_left(self) -> bool:
        """No further attempt can be started: the limit is used up or the quiz has closed."""
        return self.closed or (self.attempts_left is not None and self.attempts_left <= 0)


TIMING_IN_WORDS = {  # for the quiz page, before the first attempt
    "immediately": "after each attempt",
    "after_pass": "once you pass",
    "after_last": "after your last attempt",
    "pass_or_last": "once you pass, or after your last attempt",
    "after_close": "once the quiz closes",
}


def timing_reached(timing: str, state: ReviewState) -> bool:
    """Whether the review timing the author chose has come for this trainee."""
    if timing == "immediately":
        return True
    if timing == "after_pass":
        return state.passed
    if timing == "after_last":
        return state.no_attempt_left
    if timing == "pass_or_last":
        return state.passed or state.no_attempt_left
    if timing == "after_close":
        return state.closed
    return False  # an unknown timing shows less, never more


def _lower(first: str, second: str) -> str:
    return min(first, second, key=LEVELS.index)


def review_level(*, policy: str, timing: str, state: ReviewState) -> str:
    """What a submitted attempt shows now. An attempt in progress hides the review of earlier
    ones whatever the timing: the key must not sit in another tab during a retake."""
    policy = policy if policy in LEVELS else "none"
    if state.in_progress or not timing_reached(timing, state):
        return _lower(policy, HIDDEN_UNTIL_TIMING)
    return policy


def review_pending_note(*, policy: str, timing: str, state: ReviewState, closes_text: str) -> str:
    """The sentence the result page shows while part of the review is still held back ("" if
    nothing is). `closes_text` is the closing date in words, or "" when the quiz never closes."""
    if (
        policy not in ("responses", "answers")
        or review_level(policy=policy, timing=timing, state=state) == policy
    ):
        return ""
    what = "The correct answers and feedback" if policy == "answers" else "Your marked answers"
    if state.in_progress:
        return f"{what} are hidden while you have an attempt in progress."
    close = f"once the quiz closes on {closes_text}" if closes_text else ""
    last = "after your last attempt"
    if state.attempts_left is None:  # unlimited: the last attempt only comes with the closing
        last = close
    when = {
        "after_pass": "once you pass this quiz",
        "after_last": last,
        "pass_or_last": "once you pass this quiz" + (f", or {last}" if last else ""),
        "after_close": close,
    }.get(timing, "")
    if not when:
        return f"{what} are not shown for this quiz."
    return f"{what} will appear here {when}."


def timing_problem(*, timing: str, attempts_allowed: int, closes) -> str:
    """Why the editor refuses a timing that would never come ("" if it can)."""
    if closes or timing not in ("after_close", "after_last"):
        return ""
    if timing == "after_last" and attempts_allowed:
        return ""
    unlimited = " and unlimited attempts" if timing == "after_last" else ""
    return (
        f"With no closing date{unlimited}, this review would never be shown. Set a closing "
        "date or an attempt limit, or choose “Once the trainee has passed”."
    )
