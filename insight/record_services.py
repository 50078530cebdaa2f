"""Granting a trainee an exception from their record: more attempts or more time on one quiz."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from quizzes.models import QuizOverride

MAX_EXTRA_ATTEMPTS = 20
MAX_EXTRA_MINUTES = 600


class OverrideError(Exception):
    """Refused; the message is shown to the instructor as is."""


@transaction.atomic
def quiz_override_grant(
    *, quiz, trainee, extra_attempts: int, extra_minutes: int, reason: str, granted_by
) -> QuizOverride:
    """Add attempts (on top of any granted before) and set the extra time, with a reason.

    The one override row per (quiz, trainee) is created or locked first, so two instructors
    granting at once add both grants; the save is a revision (Wagtail's history: who, when)."""
    if extra_attempts < 0 or extra_minutes < 0 or not (extra_attempts or extra_minutes):
        raise OverrideError("Grant at least one extra attempt or some extra time.")
    QuizOverride.objects.get_or_create(quiz=quiz, user=trainee, defaults={"reason": reason})
    override = QuizOverride.objects.select_for_update().get(quiz=quiz, user=trainee)
    total = override.extra_attempts + extra_attempts
    if total > MAX_EXTRA_ATTEMPTS:
        raise OverrideError(
            f"That would make {total} extra attempts; at most {MAX_EXTRA_ATTEMPTS} are allowed."
        )
    QuizOverride.objects.filter(pk=override.pk).update(
        extra_attempts=F("extra_attempts") + extra_attempts,
        extra_minutes=max(override.extra_minutes, extra_minutes),
        reason=reason,
    )
    override.refresh_from_db()
    override.save_revision(user=granted_by, log_action=True)
    return override
