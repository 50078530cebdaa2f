"""Workers record their own heartbeat, so /healthz can tell "a worker runs" without pinging one."""

import logging

from celery.signals import heartbeat_sent, worker_shutdown

from home import health

logger = logging.getLogger(__name__)


@heartbeat_sent.connect
def record_heartbeat(sender, **kwargs):
    try:
        health.worker_heartbeat_record(hostname=sender.eventer.hostname)
    except Exception:  # noqa: BLE001 - Redis down: the next beat tries again
        logger.debug("Could not record the worker heartbeat", exc_info=True)


@worker_shutdown.connect
def forget_heartbeat(sender=None, **kwargs):
    try:
        health.worker_heartbeat_forget(hostname=sender.hostname)
    except Exception:  # noqa: BLE001
        logger.debug("Could not remove the worker heartbeat", exc_info=True)
