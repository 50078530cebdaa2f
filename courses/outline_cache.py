"""Built course outlines, reused across requests until a page changes.

After routing, building the outline is the costliest part of a lesson page: a query over the
course's page rows with the providers' fields joined in, then Python to shape it. Each process
keeps the outlines it built. A token in the shared cache (Redis in production) says whether they
still hold; it is replaced whenever any page is saved (publishing and unpublishing save), moved or
deleted, once at the change and again after the change commits, so no process can rebuild from
the old rows and keep the result under the new token.

The trainee's own state (enrolment, completions, passes, sign-offs) is kept separately, under a
token of the trainee's own (courses/trainee_cache.py). If the shared cache cannot be read, outlines
are built afresh. Every kept outline is also dropped after MAX_AGE_SECONDS, which bounds how long a
change whose token could not be written (Redis down at that moment) or that bypassed Django's
signals goes unseen.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from uuid import uuid4

from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger(__name__)

TOKEN_KEY = "course-outline-version"  # noqa: S105 - a cache key, not a secret
MAX_AGE_SECONDS = 60.0
RETRY_SECONDS = 5.0

_retry_at = 0.0

_kept: dict[object, tuple[str, float, object]] = {}  # course path or key -> (token, when, value)


class _RequestTokens:
    """The tokens one request has read, and the keys it will probably ask for (read with the
    first, in the same round trip)."""

    def __init__(self, likely_keys: Callable[[], list[str]]):
        self.likely_keys = likely_keys
        self.tokens: dict[str, str] = {}


_request: ContextVar[_RequestTokens | None] = ContextVar("shared_tokens_of_request", default=None)


@contextmanager
def tokens_read_once(likely_keys: Callable[[], list[str]] = list) -> Iterator[None]:
    """Within this block (one request) each shared token is read at most once: a page that
    checks its view restrictions, then a trainee's kept view, makes one round trip, not two.
    Replacing a token here forgets what was read, so a request sees its own writes."""
    reset = _request.set(_RequestTokens(likely_keys))
    try:
        yield
    finally:
        _request.reset(reset)


def forget_request_tokens() -> None:
    scope = _request.get()
    if scope is not None:
        scope.tokens.clear()


def _shared_cache():
    return caches["shared"]


def current_tokens(*keys: str) -> dict[str, str] | None:
    """The shared tokens under `keys`, made on first use (a restarted Redis gets new ones);
    None if unread. Inside `tokens_read_once` they are read once per request, together with
    the keys it expects."""
    scope = _request.get()
    if scope is None:
        return _read_tokens(keys)
    missing = [key for key in keys if key not in scope.tokens]
    if missing:
        if not scope.tokens:
            missing += [key for key in scope.likely_keys() if key not in missing]
        found = _read_tokens(missing)
        if found is None:
            return None
        scope.tokens.update(found)
    return {key: scope.tokens[key] for key in keys}


def _read_tokens(keys) -> dict[str, str] | None:
    """The tokens under `keys` in one round trip.

    After a failure the shared cache is left alone for RETRY_SECONDS, so an unreachable Redis
    costs one timeout now and then rather than one per request.
    """
    global _retry_at
    if time.monotonic() < _retry_at:
        return None
    try:
        cache = _shared_cache()
        found = cache.get_many(keys)
        missing = [key for key in keys if key not in found]
        if missing:
            for key in missing:
                cache.add(key, uuid4().hex, timeout=None)
            found.update(cache.get_many(missing))
        return found if len(found) == len(keys) else None
    except Exception:  # noqa: BLE001 - pages are served without Redis, only slower
        logger.warning("kept outlines: shared tokens unreadable", exc_info=True)
        _retry_at = time.monotonic() + RETRY_SECONDS
        return None


def current_token() -> str | None:
    """The outline token (see current_tokens)."""
    tokens = current_tokens(TOKEN_KEY)
    return None if tokens is None else tokens[TOKEN_KEY]


def replace_token() -> None:
    try:
        _shared_cache().set(TOKEN_KEY, uuid4().hex, timeout=None)
    except Exception:  # noqa: BLE001 - MAX_AGE_SECONDS bounds the staleness
        logger.warning("course outline cache: token not replaced", exc_info=True)
    forget_request_tokens()
    _kept.clear()  # this process sees its own change at once, whatever the shared cache did


def pages_changed() -> None:
    """Call on any change to the page tree, or to rows kept with it (`kept_value`) written in
    bulk: what was built before it is dropped everywhere."""
    replace_token()
    transaction.on_commit(replace_token)


def _current(key, token: str | None, now: float) -> tuple | None:
    """The kept entry for `key` if it was kept under `token` less than MAX_AGE_SECONDS ago."""
    entry = _kept.get(key)
    if token is None or entry is None or entry[0] != token or now - entry[1] >= MAX_AGE_SECONDS:
        return None
    return entry


def kept_outlines(courses: list[tuple[str, int]], build: Callable[[list], dict]) -> dict:
    """Outlines by course path for (path, depth) pairs; `build` makes the missing ones at once."""
    token = current_token()
    now = time.monotonic()
    found = {path: entry[2] for path, _ in courses if (entry := _current(path, token, now))}
    missing = [course for course in courses if course[0] not in found]
    if missing:
        built = build(missing)
        if token is not None:
            for path, outline in built.items():
                _kept[path] = (token, now, outline)
        found.update(built)
    return found


def drop_kept_when_changed(*models, m2m=()) -> None:
    """Connect: saving or deleting a row of these models (page children kept with the outline),
    or changing these many-to-many fields, drops what is kept, as a page change does."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    def on_change(sender, **kwargs):
        pages_changed()

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(on_change, sender=model, weak=False)
    for field in m2m:
        m2m_changed.connect(on_change, sender=field.through, weak=False)


def kept_value(key: tuple, build: Callable[[], object]):
    """Anything built only from live page rows and what is saved with them (a quiz's slots, say),
    kept like outlines and dropped on the same page changes. Never for drafts or previews."""
    token = current_token()
    if token is None:
        return build()
    now = time.monotonic()
    entry = _current(key, token, now)
    if entry is not None:
        return entry[2]
    value = build()
    _kept[key] = (token, now, value)
    return value


def forget_all() -> None:
    """Drop this process's outlines (tests: the database is rolled back under them)."""
    _kept.clear()
