"""Counts requests the live server is handling, so a test's teardown can wait for them to finish
before the database is flushed (test settings only)."""

import threading

_idle = threading.Condition()
_in_flight = 0


class InFlightRequestsMiddleware:
    """Outermost middleware: a request counts until every inner middleware (sessions included)
    has finished with the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _in_flight
        with _idle:
            _in_flight += 1
        try:
            return self.get_response(request)
        finally:
            with _idle:
                _in_flight -= 1
                _idle.notify_all()


def wait_until_idle(timeout: float = 10.0) -> bool:
    """True once no request is being handled; False if one is still running after the timeout."""
    with _idle:
        return _idle.wait_for(lambda: _in_flight == 0, timeout=timeout)
