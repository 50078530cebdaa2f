"""Steps that need other steps done first (a quiz that needs the safety quiz passed). Pure.

Providers report, with the trainee's state, which requirement keys a step needs ("quiz:7", later
"skill:3"). Whether they are met is judged here, against the done keys of every provider in the
trainee's current enrollment cycle: the same keys completion counts, so "passed" means the same
on the course outline, the quiz page and at the start of an attempt.

A needed key that is not a live step of the same course (unpublished, deleted, moved away) is not
enforced: the course as published is what the trainee can do, as for completion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from courses.completion import Requirement
from courses.gating import ModuleLock


def unmet_prerequisites(
    needed: Iterable[str], *, done: set[str], steps: Mapping[str, Requirement]
) -> tuple[Requirement, ...]:
    """The needed steps not yet done, in the order given; keys that are no live step are skipped."""
    unmet = []
    for key in dict.fromkeys(needed):
        if key in steps and key not in done:
            unmet.append(steps[key])
    return tuple(unmet)


def _quoted(labels: list[str]) -> str:
    quoted = [f"“{label}”" for label in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def prerequisite_reason(unmet: Iterable[Requirement], *, todo: Callable[[str], str]) -> str:
    """'Pass “Safety quiz” first.' `todo(kind)` is the provider's phrase, e.g. "pass {}"."""
    phrases, kinds = [], []
    unmet = list(unmet)
    for requirement in unmet:
        if requirement.kind not in kinds:
            kinds.append(requirement.kind)
    for kind in kinds:
        labels = [r.label for r in unmet if r.kind == kind]
        phrases.append(todo(kind).format(_quoted(labels)))
    sentence = " and ".join(phrases)
    return sentence[:1].upper() + sentence[1:] + " first."


def prerequisite_lock(
    unmet: tuple[Requirement, ...], *, todo: Callable[[str], str]
) -> ModuleLock | None:
    """A lock naming what is missing; its page is the first missing step (where "next" leads)."""
    if not unmet:
        return None
    first_page = next((r.page for r in unmet if r.page is not None), None)
    return ModuleLock(prerequisite_reason(unmet, todo=todo), first_page, missing=unmet)
