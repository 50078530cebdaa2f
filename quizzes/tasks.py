from celery import shared_task

from quizzes.services import attempts_submit_expired


@shared_task(ignore_result=True, acks_late=True)
def submit_expired_attempts() -> int:
    """Beat, every minute: time-limited attempts nobody came back to are submitted as saved."""
    return attempts_submit_expired()
