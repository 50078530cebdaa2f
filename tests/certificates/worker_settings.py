"""Settings for the real Celery worker the delivery tests start: real broker, real SMTP.

The test passes DATABASE_URL (its own test database), REDIS_URL and the aiosmtpd port.
"""

import os
import signal
from pathlib import Path

from celery.signals import task_prerun

from config.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_BROKER_URL = os.environ["REDIS_URL"]
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["TEST_SMTP_PORT"])
EMAIL_TIMEOUT = 10
CERTIFICATE_EMAIL_RETRY_BACKOFF = 1
if os.environ.get("TEST_VISIBILITY_TIMEOUT"):  # how soon Redis hands a dead worker's task on
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ["TEST_VISIBILITY_TIMEOUT"])
    }

KILL_MARKER = os.environ.get("TEST_KILL_FIRST_RENDER_MARKER")


@task_prerun.connect
def _die_during_first_render(task=None, **kwargs):
    """Fault injection: the process running the first render dies as if OOM-killed.

    Under the prefork pool that is a pool process; under the solo pool, the whole worker.
    """
    if KILL_MARKER and task.name == "certificates.tasks.render_certificate":
        marker = Path(KILL_MARKER)
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
