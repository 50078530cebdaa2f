"""Rate limits for the public verify page (django-ratelimit counters in the "ratelimit" cache).

Codes carry 80 random bits, so guessing is hopeless anyway; the limit stops a scraper from
hammering the page and makes misses (the signature of guessing) cost more than hits.
"""

from __future__ import annotations

import logging
import math

from django.conf import settings
from django_ratelimit.core import get_usage

from config import proxy

logger = logging.getLogger(__name__)


def client_ip(group, request) -> str:
    """The same client address the login lockout uses (it honours TRUSTED_PROXY_COUNT)."""
    return proxy.client_ip(request) or "unknown"


def _usage(request, group: str, rate: str, increment: bool):
    try:
        return get_usage(request, group=group, key=client_ip, rate=rate, increment=increment)
    except Exception:  # noqa: BLE001 - a cache outage must not take verification down
        logger.warning("Rate-limit cache unavailable; verify page not limited", exc_info=True)
        return None


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
