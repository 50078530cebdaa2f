"""The notifications outbox: one email per event key, sent once after commit, retried when the
server refuses, swept when its task was lost, given up (and logged) after three days."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from notifications.models import OutboxEmail
from notifications.services import (
    EmailNotSent,
    outbox_email_queue,
    outbox_email_send,
    outbox_emails_due,
)
from notifications.tasks import sweep_outbox

pytestmark = pytest.mark.django_db


def queue(key="event:1", **overrides):
    fields = {"key": key, "to": "ida@example.org", "subject": "Hello", "text": "Body"} | overrides
    return outbox_email_queue(**fields)


def test_queued_twice_for_one_event_is_one_email_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = queue()
        again = queue(subject="A different subject")
    assert first.pk == again.pk and OutboxEmail.objects.count() == 1
    assert len(mail.outbox) == 1
    [message] = mail.outbox
    assert message.subject == "Hello" and message.to == ["ida@example.org"]
    assert message.extra_headers["Message-ID"].startswith(f"<outbox-{first.pk}@")
    assert OutboxEmail.objects.get().status == "sent"
    assert outbox_email_send(email_id=first.pk) is False  # already sent: nothing more
    assert len(mail.outbox) == 1


def test_nothing_is_sent_if_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError("the action failed")
    assert OutboxEmail.objects.count() == 0 and mail.outbox == []


def test_a_refusal_is_recorded_and_retried_until_sent(monkeypatch):
    email = queue()
    calls = []

    def refuse(self, fail_silently=False):
        calls.append(1)
        raise ConnectionRefusedError("451 try later")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    with pytest.raises(EmailNotSent):
        outbox_email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == "failed" and "451" in email.last_error and email.attempts == 1
    monkeypatch.undo()
    assert outbox_email_send(email_id=email.pk) is True
    email.refresh_from_db()
    assert email.status == "sent" and email.attempts == 2 and len(mail.outbox) == 1


def test_the_sweep_sends_rows_whose_task_was_lost_and_gives_up_after_three_days():
    lost = queue("event:lost")
    fresh = queue("event:fresh")
    old = queue("event:old")
    OutboxEmail.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    OutboxEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=4))
    assert outbox_emails_due() == [lost.pk]  # the fresh one's task may still be on its way
    assert OutboxEmail.objects.get(pk=old.pk).status == "gave_up"
    assert sweep_outbox() == 1  # eager in tests: sent now
    assert OutboxEmail.objects.get(pk=lost.pk).status == "sent"
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        assert sweep_outbox() == 1  # the fresh one, once it is old enough to be a lost task
    assert OutboxEmail.objects.get(pk=fresh.pk).status == "sent" and len(mail.outbox) == 2
    assert OutboxEmail.objects.get(pk=old.pk).status == "gave_up"
