"""Review visibility per policy × timing × attempt state: the pure rule, as a table and as
properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.review_rules import (
    LEVELS,
    ReviewState,
    review_level,
    review_pending_note,
    timing_reached,
)

POLICIES = ["none", "score", "responses", "answers"]
TIMINGS = ["immediately", "after_pass", "after_last", "pass_or_last", "after_close"]

STATES = {
    "passed, attempts left": ReviewState(passed=True, attempts_left=2, closed=False),
    "failed, attempts left": ReviewState(passed=False, attempts_left=2, closed=False),
    "failed, last attempt used": ReviewState(passed=False, attempts_left=0, closed=False),
    "failed, quiz closed": ReviewState(passed=False, attempts_left=1, closed=True),
    # all attempts used, then an instructor's override grants one more: a retake is possible
    # again, so the key hides again until that attempt is used too
    "failed, override grants one more": ReviewState(passed=False, attempts_left=1, closed=False),
    "failed, unlimited attempts": ReviewState(passed=False, attempts_left=None, closed=False),
    "failed, unlimited, closed": ReviewState(passed=False, attempts_left=None, closed=True),
    "passed, retake in progress": ReviewState(
        passed=True, attempts_left=0, closed=True, in_progress=True
    ),
}

# Whether the timing has come, per state (columns in STATES order).
REACHED = {
    "immediately": [1, 1, 1, 1, 1, 1, 1, 0],
    "after_pass": [1, 0, 0, 0, 0, 0, 0, 0],
    "after_last": [0, 0, 1, 1, 0, 0, 1, 0],
    "pass_or_last": [1, 0, 1, 1, 0, 0, 1, 0],
    "after_close": [0, 0, 0, 1, 0, 0, 1, 0],
}
# What each policy shows while the timing has not come: never more than the score.
HIDDEN = {"none": "none", "score": "score", "responses": "score", "answers": "score"}

TABLE = [
    (policy, timing, state_name, policy if REACHED[timing][column] else HIDDEN[policy])
    for policy in POLICIES
    for timing in TIMINGS
    for column, state_name in enumerate(STATES)
]


@pytest.mark.parametrize(("policy", "timing", "state_name", "expected"), TABLE)
def test_review_level_table(policy, timing, state_name, expected):
    assert review_level(policy=policy, timing=timing, state=STATES[state_name]) == expected


def test_the_table_covers_every_policy_timing_and_state():
    assert len(TABLE) == len(POLICIES) * len(TIMINGS) * len(STATES) == 160


states = st.builds(
    ReviewState,
    passed=st.booleans(),
    attempts_left=st.none() | st.integers(min_value=0, max_value=5),
    closed=st.booleans(),
    in_progress=st.booleans(),
)


@given(policy=st.sampled_from(POLICIES), timing=st.sampled_from(TIMINGS), state=states)
def test_never_more_than_the_policy_and_at_most_the_score_until_the_timing(policy, timing, state):
    level = review_level(policy=policy, timing=timing, state=state)
    assert LEVELS.index(level) <= LEVELS.index(policy)
    if state.in_progress or not timing_reached(timing, state):
        assert LEVELS.index(level) <= LEVELS.index("score")


@given(policy=st.sampled_from(POLICIES), timing=st.sampled_from(TIMINGS), state=states)
def test_a_pass_or_the_closing_never_hides_what_was_shown(policy, timing, state):
    before = review_level(policy=policy, timing=timing, state=state)
    for later in (
        ReviewState(True, state.attempts_left, state.closed, state.in_progress),
        ReviewState(state.passed, state.attempts_left, True, state.in_progress),
    ):
        after = review_level(policy=policy, timing=timing, state=later)
        assert LEVELS.index(after) >= LEVELS.index(before)


@given(policy=st.sampled_from(POLICIES), timing=st.sampled_from(TIMINGS), state=states)
def test_the_note_explains_exactly_when_something_is_held_back(policy, timing, state):
    level = review_level(policy=policy, timing=timing, state=state)
    note = review_pending_note(policy=policy, timing=timing, state=state, closes_text="5 May")
    assert bool(note) == (level != policy)


@pytest.mark.parametrize(
    ("timing", "state", "expected"),
    [
        ("pass_or_last", STATES["failed, attempts left"], "once you pass this quiz, or after"),
        ("after_pass", STATES["failed, attempts left"], "will appear here once you pass"),
        ("after_last", STATES["failed, attempts left"], "after your last attempt"),
        ("after_close", STATES["failed, attempts left"], "once the quiz closes on 5 May 2027"),
        # unlimited attempts: there is no last attempt, only the closing date
        ("pass_or_last", STATES["failed, unlimited attempts"], "pass this quiz, or once the quiz"),
        ("immediately", STATES["passed, retake in progress"], "attempt in progress"),
    ],
)
def test_pending_note_words(timing, state, expected):
    note = review_pending_note(
        policy="answers", timing=timing, state=state, closes_text="5 May 2027"
    )
    assert expected in note and note.startswith("The correct answers and feedback")
