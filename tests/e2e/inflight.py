"""Counts requests the live server is handling, so a test's teardown can wait for them to finish
before the database is flushed (test settings only)."""

import threading
import time

_idle = threading.Condition()
_in_flight = 0
_started = 0


class InFlightRequestsMiddleware:
    """Outermost middleware: a request counts until every inner middleware (sessions included)
    has finished with the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _in_flight, _started
        with _idle:
            _in_flight += 1
            _started += 1
        try:
            return self.get_response(request)
        finally:
            with _idle:
                _in_flight -= 1
                _idle.notify_all()


def wait_until_quiet(*, quiet: float = 0.25, timeout: float = 10.0) -> bool:
    """True once no request has run for `quiet` seconds. A page being left can still send one
    (the Wagtail editor's beacon on unload) just after the browser moved on: waiting for idle
    alone raced it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _idle:
            if not _idle.wait_for(lambda: _in_flight == 0, timeout=deadline - time.monotonic()):
                return False
            seen = _started
        time.sleep(quiet)
        with _idle:
            if _started == seen and _in_flight == 0:
                return True
    return False
