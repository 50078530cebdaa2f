"""`make serve`: the production shape on this machine (see scripts/stack.py and README).

WEB_PROCESSES gunicorn masters on consecutive ports from WEB_PORT (8000), WORKER_PROCESSES Celery
workers and one beat, against PostgreSQL database `needlepoint_serve` and a Redis of its own.
Ctrl-C or SIGTERM stops everything it started.
"""

import os
import signal
import sys

from scripts.stack import launch


def _stop_on_sigterm(signum, frame):
    """A process manager (or `kill`) stops it like Ctrl-C: the `finally` below stops the stack.
    A shell also starts background jobs with SIGINT ignored, so SIGTERM must work on its own."""
    raise KeyboardInterrupt


def main() -> int:
    web = int(os.environ.get("WEB_PROCESSES", "1"))
    workers = int(os.environ.get("WORKER_PROCESSES", "1"))
    preferred = int(os.environ.get("WEB_PORT", "8000"))
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    stack = launch("serve", web=web, workers=workers, web_port=preferred)
    try:
        print("Serving (production settings): " + ", ".join(stack.urls), flush=True)
        if stack.web_ports[0] != preferred:
            print(f"(port {preferred} was taken)", flush=True)
        return stack.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
