"""Rate limits for the public verify page (django-ratelimit counters in the "ratelimit" cache).

Codes carry 80 random bits, so guessing is hopeless anyway; the limit stops a scraper from
hammering the page and makes misses (the signature of guessing) cost more than hits.
"""

from __future__ import annotations

import logging
import math
import threading
import time

from django.conf import settings
from django_ratelimit.core import get_usage

from config import proxy

logger = logging.getLogger(__name__)
OUTAGE_LOG_INTERVAL = 60  # seconds: an outage is logged once a minute, not once per request
_monotonic = time.monotonic
_outage_lock = threading.Lock()
_outage_logged_at: float | None = None
_outage_skipped = 0


def client_ip(group, request) -> str:
    """The same client address the login lockout uses (it honours TRUSTED_PROXY_COUNT)."""
    return proxy.client_ip(request) or "unknown"


def _usage(request, group: str, rate: str, increment: bool):
    try:
        usage = get_usage(request, group=group, key=client_ip, rate=rate, increment=increment)
    except Exception:  # noqa: BLE001 - a cache outage must not take verification down
        _log_outage()
        return None
    _outage_over()
    return usage


def _log_outage() -> None:
    """The first failure logs its traceback; then one line per interval with the count."""
    global _outage_logged_at, _outage_skipped  # noqa: PLW0603 - per-process log throttle
    with _outage_lock:
        now = _monotonic()
        if _outage_logged_at is None:
            _outage_logged_at, _outage_skipped = now, 0
            logger.warning("Rate-limit cache unavailable; verify page not limited", exc_info=True)
        elif now - _outage_logged_at >= OUTAGE_LOG_INTERVAL:
            logger.warning(
                "Rate-limit cache still unavailable; %s more checks not limited in the last %.0f s",
                _outage_skipped + 1,
                now - _outage_logged_at,
            )
            _outage_logged_at, _outage_skipped = now, 0
        else:
            _outage_skipped += 1


def _outage_over() -> None:
    global _outage_logged_at  # noqa: PLW0603
    if _outage_logged_at is not None:
        with _outage_lock:
            if _outage_logged_at is not None:
                _outage_logged_at = None
                logger.warning("Rate-limit cache is back; verify page limited again")


def verify_limited(request, *, miss: bool = False) -> int | None:
    """Count a verification (or, with miss=True, an unknown code); minutes to wait if over."""
    if miss:
        _usage(request, "certificates.verify.miss", settings.CERTIFICATE_VERIFY_MISS_RATE, True)
        return None
    over = None
    for group, rate, increment in (
        ("certificates.verify", settings.CERTIFICATE_VERIFY_RATE, True),
        ("certificates.verify.miss", settings.CERTIFICATE_VERIFY_MISS_RATE, False),
    ):
        usage = _usage(request, group, rate, increment)
        if usage and (
            usage["should_limit"] or (not increment and usage["count"] >= usage["limit"])
        ):
            over = max(over or 0, usage["time_left"])
    return None if over is None else max(1, math.ceil(over / 60))
