import time

from celery import shared_task

from home.health import HEARTBEAT_KEY, redis_client


@shared_task(ignore_result=True)
def record_worker_heartbeat():
    """Scheduled by beat; proves beat schedules and a worker runs. /healthz reads the timestamp."""
    redis_client().set(HEARTBEAT_KEY, str(time.time()), ex=600)
