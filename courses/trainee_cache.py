"""A trainee's own view of a course, kept between that trainee's requests until it changes.

With the outline kept (courses/outline_cache.py), what is left of a lesson page's cost is the
trainee's state: their enrolment with its completed lessons, their quiz passes and sign-offs, and
the steps, locks and progress made from them. Each process keeps what it built for a trainee. It
is used again only while two shared tokens are both unchanged: the outline token (any page change
replaces it) and the trainee's own token, which every write to that trainee's state replaces:

- saves and deletes of Enrollment, LessonCompletion, Attempt and SignOffRequest rows (signals,
  connected by the apps that own the models, through `drop_trainee_state_when_changed`);
- the guarded UPDATEs that bypass signals (an attempt marked, an enrolment completed), which call
  `trainee_changed` themselves.

As with outlines, the token is replaced at the change and again after it commits, so a request
that read the old rows between the two cannot keep them under the new token. Both tokens are read
in one round trip; without the shared cache nothing is kept.

Only pages that show state use what is kept (course page, lesson page, dashboard). Decisions that
write (starting a quiz, asking for a sign-off, completing a course) read fresh state under their
row locks and never come here.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from django.db import transaction

from courses import outline_cache

MAX_AGE_SECONDS = 60.0
MAX_ENTRIES = 4000  # per process; the least recently used go first

_kept: OrderedDict[tuple, tuple[tuple[str, str], float, object]] = OrderedDict()
_lock = threading.Lock()  # threaded workers (gthread) share _kept; builds run outside it


def token_key(user_id: int) -> str:
    return f"trainee-state:{user_id}"


def _replace(user_id: int) -> None:
    try:
        outline_cache._shared_cache().delete(token_key(user_id))  # the next read makes a new one
    except Exception:  # noqa: BLE001 - MAX_AGE_SECONDS bounds the staleness
        outline_cache.logger.warning("trainee state: token not replaced", exc_info=True)
    outline_cache.forget_request_tokens()
    with _lock:  # this process sees the change at once
        for key in [key for key in _kept if key[0] == user_id]:
            del _kept[key]


def trainee_changed(user_id: int | None) -> None:
    """Call on any write to a trainee's state: what was kept for them is dropped everywhere."""
    if user_id is None:
        return
    _replace(user_id)
    transaction.on_commit(lambda: _replace(user_id))


def kept_for_trainee(user_id: int, key: tuple, build: Callable[[], object]):
    """What `build` makes for this trainee, kept while the outline and the trainee's state
    hold (and for MAX_AGE_SECONDS at most)."""
    user_key = token_key(user_id)
    tokens = outline_cache.current_tokens(outline_cache.TOKEN_KEY, user_key)
    if tokens is None:
        return build()
    pair = (tokens[outline_cache.TOKEN_KEY], tokens[user_key])
    now = time.monotonic()
    with _lock:
        entry = _kept.get((user_id, key))
        if entry is not None and entry[0] == pair and now - entry[1] < MAX_AGE_SECONDS:
            _kept.move_to_end((user_id, key))
            return entry[2]
    value = build()
    with _lock:
        _kept[(user_id, key)] = (pair, now, value)
        _kept.move_to_end((user_id, key))
        while len(_kept) > MAX_ENTRIES:
            _kept.popitem(last=False)
    return value


def drop_trainee_state_when_changed(model, user_of: Callable[[object], int | None]) -> None:
    """Connect: saving or deleting a row of `model` replaces the token of the trainee
    `user_of(row)` names."""
    from django.db.models.signals import post_delete, post_save

    def on_change(sender, instance, **kwargs):
        trainee_changed(user_of(instance))

    label = model._meta.label
    post_save.connect(on_change, sender=model, weak=False, dispatch_uid=f"trainee-save-{label}")
    post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=f"trainee-del-{label}")


def user_of_enrollment_row(row) -> int | None:
    """The trainee of a row that belongs to an enrolment (None once the enrolment is gone: its
    own delete replaced the token)."""
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return row.enrollment.user_id
    except ObjectDoesNotExist:
        return None


def forget_all() -> None:
    """Drop this process's kept views (tests: the database is rolled back under them)."""
    with _lock:
        _kept.clear()
