"""Queue the send task (apart from the tasks, so services and tasks never import each other)."""

import logging

logger = logging.getLogger(__name__)


def enqueue_outbox_send(email_id: int, *, retry: bool = True) -> None:
    from notifications.tasks import send_outbox_email

    try:
        send_outbox_email.delay(email_id, retry=retry)
    except Exception:  # noqa: BLE001 - the row stays pending and the sweep sends it
        logger.warning("Could not queue outbox email %s; the sweep will send it", email_id)
