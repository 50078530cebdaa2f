"""Workers record their own heartbeat (/healthz reads it, never pings); SVG images are cleaned."""

import logging
from pathlib import Path

from celery.signals import heartbeat_sent, worker_shutdown
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from wagtail.images import get_image_model

from home import health
from home.svg import svg_sanitize

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


def clean_svg_before_save(sender, instance, **kwargs):
    """Whoever saves an image (admin, importer, code), a new SVG is stored without active parts."""
    file = instance.file
    if not file or getattr(file, "_committed", True) or not file.name.lower().endswith(".svg"):
        return
    file.open("rb")
    file.seek(0)
    clean = svg_sanitize(file.read())
    instance.file = ContentFile(clean, name=Path(file.name).name)
    instance._set_image_file_metadata()  # size and hash of what is stored


pre_save.connect(clean_svg_before_save, sender=get_image_model(), dispatch_uid="home.clean_svg")
