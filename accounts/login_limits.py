"""One log-in policy for every path that calls django.contrib.auth.authenticate().

That is the site's log-in (allauth), /admin/login/ and /_util/login/ (Wagtail), so the limits live
in an authentication backend (accounts.backends) rather than in one form:

- per account and connection: django-axes locks (email, client) after AXES_FAILURE_LIMIT failures;
- per connection: LOGIN_FAILURES_PER_CLIENT failures for any accounts (spraying);
- per account: LOGIN_FAILURES_PER_ACCOUNT failures from any connections (distributed guessing).

Only attempts that were actually checked count: one connection already locked out cannot run an
account's counter up and lock its owner out everywhere. Each attempt is counted before its
password is checked, so parallel attempts cannot all slip under a limit. The client is the real
one behind our proxies (CLIENT_IP_CALLABLE). The owner always has a way in: the password-reset
email's link logs them in and clears the account's counters. Counters live in the shared
"ratelimit" cache; if it is down the per-connection lock (in the database) still holds.
"""

import contextlib
import hashlib
import ipaddress
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

REFUSED_ATTRIBUTE = "login_limit_refused"  # "account" or "client" on a refused request
_RESERVED = "_login_limits_counted"  # the counter keys this attempt was counted in


def client_ip(request) -> str | None:
    return import_string(settings.CLIENT_IP_CALLABLE)(request)


def _client_key(request) -> str:
    ip = client_ip(request) or "unknown"
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:  # one host usually holds a whole /64
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return ip


def _account_key(email: str) -> str:
    return f"login-failures:account:{hashlib.sha256(email.encode()).hexdigest()}"


def _keys(request, email: str | None) -> dict[str, str]:
    keys = {"client": f"login-failures:client:{_client_key(request)}"}
    if email:
        keys["account"] = _account_key(email)
    return keys


def _limits() -> dict[str, int]:
    return {
        "client": settings.LOGIN_FAILURES_PER_CLIENT,
        "account": settings.LOGIN_FAILURES_PER_ACCOUNT,
    }


def login_reserve(request, email: str | None) -> str | None:
    """Count this attempt against each limit now; the scope that refuses it, if any.

    Counting first (an atomic increment) is what stops parallel attempts from all passing a check
    that each saw under the limit. A refused attempt is uncounted again at once; a successful one
    when the user is logged in (login_release); a failed one keeps its count.
    """
    keys = _keys(request, email)
    limits = _limits()
    cache = caches["ratelimit"]
    counted, refusal = [], None
    try:
        for scope in ("account", "client"):
            if scope not in keys:
                continue
            cache.add(keys[scope], 0, timeout=settings.LOGIN_FAILURE_WINDOW)
            value = cache.incr(keys[scope])
            counted.append(keys[scope])
            if value > limits[scope] and refusal is None:
                refusal = scope
        if refusal:
            _uncount(counted)
            return refusal
    except Exception:  # noqa: BLE001 - fail open; axes still locks per connection
        logger.warning("Log-in limit cache unavailable; only per-connection locks apply")
        return None
    setattr(request, _RESERVED, counted)
    return None


def _uncount(keys: list[str]) -> None:
    cache = caches["ratelimit"]
    for key in keys:
        with contextlib.suppress(ValueError):  # expired meanwhile
            cache.decr(key)


def login_release(request) -> None:
    """The attempt succeeded: it is not a failure after all."""
    keys = getattr(request, _RESERVED, None) if request is not None else None
    if keys:
        setattr(request, _RESERVED, None)
        try:
            _uncount(keys)
        except Exception:  # noqa: BLE001
            logger.warning("Log-in limit cache unavailable; success not uncounted")


def login_limits_clear_account(*, email: str) -> None:
    """After a password reset (or a successful log-in) the account starts from zero again.

    The per-connection counter is not cleared on success: a sprayer could log in to an account of
    their own between guesses.
    """
    try:
        caches["ratelimit"].delete(_account_key(email))
    except Exception:  # noqa: BLE001
        logger.warning("Log-in limit cache unavailable; account counter not cleared")
