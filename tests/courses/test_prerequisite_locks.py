"""The pure prerequisite check behind every step lock: what is missing, and how it is said."""

import pytest

from courses.completion import Requirement
from courses.prerequisites import prerequisite_lock, prerequisite_reason, unmet_prerequisites

TODO = {"quiz": "pass {}", "lesson": "complete {}", "skill": "have {} signed off"}.get


def req(key, label, page=None):
    return Requirement(key=key, kind=key.split(":")[0], label=label, page=page)


STEPS = {
    r.key: r for r in [req("quiz:1", "Safety"), req("quiz:2", "Ethics"), req("skill:3", "Asepsis")]
}


@pytest.mark.parametrize(
    ("needed", "done", "unmet"),
    [
        (["quiz:1"], set(), ["quiz:1"]),
        (["quiz:1", "quiz:2"], {"quiz:1"}, ["quiz:2"]),
        (["quiz:1", "quiz:1"], set(), ["quiz:1"]),  # a duplicate is named once
        (["quiz:9"], set(), []),  # not a live step of the course (unpublished, deleted): skipped
        (["quiz:2", "skill:3"], {"quiz:2", "skill:3"}, []),
    ],
)
def test_unmet_prerequisites(needed, done, unmet):
    assert [r.key for r in unmet_prerequisites(needed, done=done, steps=STEPS)] == unmet


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        (["quiz:1"], "Pass “Safety” first."),
        (["quiz:1", "quiz:2"], "Pass “Safety” and “Ethics” first."),
        (
            ["quiz:1", "skill:3", "quiz:2"],
            "Pass “Safety” and “Ethics” and have “Asepsis” signed off first.",
        ),
    ],
)
def test_the_reason_names_every_missing_step_by_kind(keys, reason):
    assert prerequisite_reason([STEPS[k] for k in keys], todo=TODO) == reason


def test_the_lock_leads_to_the_first_missing_step_with_a_page():
    page = object()
    unmet = (req("skill:3", "Asepsis"), req("quiz:2", "Ethics", page))
    lock = prerequisite_lock(unmet, todo=TODO)
    assert lock.page is page and lock.missing == unmet
    assert prerequisite_lock((), todo=TODO) is None
