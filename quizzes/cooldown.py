"""The wait after a failed attempt, in the units an author thinks in and the words a trainee reads.

Pure: no database, times in, text out (local time is the site's TIME_ZONE).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.utils import timezone

UNIT_MINUTES = {"minutes": 1, "hours": 60, "days": 24 * 60}
_SINGULAR = {"minutes": "minute", "hours": "hour", "days": "day"}


def cooldown_delta(amount: int, unit: str) -> timedelta:
    return timedelta(minutes=(amount or 0) * UNIT_MINUTES[unit])


def largest_unit(minutes: int) -> tuple[int, str]:
    """90 → (90, "minutes"), 120 → (2, "hours"), 2880 → (2, "days"): the largest exact unit,
    so converting stored minutes never changes the wait."""
    for unit in ("days", "hours"):
        if minutes and minutes % UNIT_MINUTES[unit] == 0:
            return minutes // UNIT_MINUTES[unit], unit
    return minutes, "minutes"


def amount_in_words(amount: int, unit: str) -> str:
    """(1, "days") → "1 day"; (36, "hours") → "36 hours"."""
    return f"{amount} {_SINGULAR[unit] if amount == 1 else unit}"


def _ceil_minute(moment: datetime) -> datetime:
    if moment.second or moment.microsecond:
        return moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return moment


def next_attempt_in_words(*, until: datetime, now: datetime) -> str:
    """When the next attempt is possible, as a person says it: "in 25 minutes", "in 3 hours,
    today at 17:30", "in 2 days, on 6 December at 14:30". The clock time shown is never
    earlier than `until` (rounded up to the minute)."""
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    if minutes < 60:
        return f"in {amount_in_words(minutes, 'minutes')}"
    local, today = timezone.localtime(_ceil_minute(until)), timezone.localtime(now).date()
    clock = f"{local:%H:%M}"
    if minutes < 24 * 60:
        hours = max(1, round(minutes / 60))
        day = "today" if local.date() == today else "tomorrow"
        return f"in {amount_in_words(hours, 'hours')}, {day} at {clock}"
    days = max(1, round(minutes / (24 * 60)))
    date = f"{local.day} {local:%B}" + (f" {local.year}" if local.year != today.year else "")
    return f"in {amount_in_words(days, 'days')}, on {date} at {clock}"
