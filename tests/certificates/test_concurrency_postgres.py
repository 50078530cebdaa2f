"""Parallel requests against one certificate (PostgreSQL: real row locks, one connection each).

Skipped on SQLite, which serialises writers and so cannot show the race.
"""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from certificates import services
from certificates.models import Certificate, CertificateEmail
from courses.services import enrollment_create, lesson_complete
from tests.factories import UserFactory, build_course, lessons_of, wagtail_initial_data
from tests.parallel import in_parallel

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
PARALLEL = 20


def certificate_for_new_trainee():
    wagtail_initial_data()  # a transactional test before this one flushed the tree
    user = UserFactory()
    course = build_course(modules=1, lessons_per_module=1)
    enrollment_create(user=user, course=course)
    for lesson in lessons_of(course):
        lesson_complete(user=user, lesson=lesson)  # autocommit: on_commit runs at once
    return Certificate.objects.get(user=user)


def post_resends(certificate):
    clients = []
    for _ in range(PARALLEL):
        client = Client()
        client.force_login(certificate.user)
        clients.append(client)
    url = reverse("certificates:resend", args=[certificate.pk])

    def resend(index):
        response = clients[index].post(url)
        return response.status_code, [str(m) for m in get_messages(response.wsgi_request)]

    return in_parallel(resend, PARALLEL)


def test_parallel_resends_stay_within_the_hourly_limit(monkeypatch):
    """Rows are marked sent at once, so only the hourly count can refuse: exactly the limit pass."""
    certificate = certificate_for_new_trainee()
    real_queue = services.certificate_email_queue

    def delivered_at_once(**kwargs):
        email = real_queue(**kwargs)
        CertificateEmail.objects.filter(pk=email.pk).update(status=CertificateEmail.Status.SENT)
        return email

    monkeypatch.setattr(services, "certificate_email_queue", delivered_at_once)
    results, errors = post_resends(certificate)
    assert not errors, errors
    assert {status for status, _ in results} == {302}  # no 500
    accepted = [m for _, m in results if m[0].startswith("We are emailing")]
    refused = [m for _, m in results if "times in the last hour" in m[0]]
    assert len(accepted) == services.RESENDS_PER_HOUR
    assert len(refused) == PARALLEL - services.RESENDS_PER_HOUR
    assert certificate.emails.filter(kind="resend").count() == services.RESENDS_PER_HOUR


def test_parallel_resends_with_real_sending_never_exceed_the_limit():
    certificate = certificate_for_new_trainee()
    mail.outbox.clear()
    results, errors = post_resends(certificate)
    assert not errors, errors
    assert {status for status, _ in results} == {302}
    sent = certificate.emails.filter(kind="resend").count()
    assert 1 <= sent <= services.RESENDS_PER_HOUR
    assert len(mail.outbox) == sent
    assert all(messages for _, messages in results)  # everyone is told what happened


def test_parallel_revokes_revoke_once_and_email_the_holder_once():
    certificate = certificate_for_new_trainee()
    instructor = UserFactory(is_superuser=True)
    mail.outbox.clear()

    def revoke(index):
        try:
            services.certificate_revoke(
                certificate=Certificate.objects.get(pk=certificate.pk),
                reason=f"Sign-off withdrawn ({index})",
                user=instructor,
            )
        except services.CertificateActionError as error:
            return str(error)
        return "revoked"

    results, errors = in_parallel(revoke, count=8)
    assert not errors, errors
    assert results.count("revoked") == 1
    assert set(results) - {"revoked"} == {"This certificate is already revoked."}
    assert certificate.emails.filter(kind="revocation").count() == 1
    [message] = [m for m in mail.outbox if "revoked" in m.subject.lower()]
    assert message.to == [certificate.user.email]
