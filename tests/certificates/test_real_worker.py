"""The whole delivery path with real parts: Redis, a Celery worker process, an SMTP server.

Runs in `make test`'s PostgreSQL pass, so the worker process and the test share a real database.
"""

import io
import time

import pytest
from django.conf import settings
from django.db import connection
from pypdf import PdfReader

from certificates.models import Certificate, CertificateEmail
from courses.services import enrollment_create, lesson_complete
from tests.certificates.pdf_tools import decode_qr
from tests.certificates.real_services import SMTPServer, Worker
from tests.factories import UserFactory, build_course, lessons_of, wagtail_initial_data

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def real_celery(use_redis, monkeypatch):
    """The test process queues to the real Redis instead of running tasks inline."""
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", False)
    return use_redis


def complete_demo_like_course():
    wagtail_initial_data()  # a transactional test before this one flushed the tree
    user = UserFactory(full_name="Jordan Ellis", registration_number="PH778899")
    course = build_course(modules=1, lessons_per_module=2, title="Dry needling safety")
    enrollment_create(user=user, course=course)
    for lesson in lessons_of(course):
        lesson_complete(user=user, lesson=lesson)  # autocommit: on_commit queues at once
    return user, course


def wait_until(predicate, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def pdf_attachment(message) -> bytes:
    [part] = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
    return part.get_content()


def assert_one_delivered(smtp, certificate, tmp_path):
    [message] = smtp.handler.messages
    assert message["To"] == certificate.user.email
    assert "Your certificate: Dry needling safety" in message["Subject"]
    assert message.get_body(("plain",)) and message.get_body(("html",))
    pdf = pdf_attachment(message)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Jordan Ellis" in text and certificate.display_code in text
    verify_url = f"{settings.SITE_URL}/certificates/verify/{certificate.code}/"
    assert decode_qr(pdf, tmp_path) == [verify_url]


def test_worker_renders_and_emails_the_certificate_over_smtp(real_celery, tmp_path):
    with (
        SMTPServer() as smtp,
        Worker(
            redis_url=real_celery, smtp_port=smtp.port, log_path=tmp_path / "worker.log"
        ) as worker,
    ):
        user, course = complete_demo_like_course()
        assert smtp.wait_for(1), worker.output()
        certificate = Certificate.objects.get(user=user, course=course)
        assert_one_delivered(smtp, certificate, tmp_path)
        assert wait_until(
            lambda: CertificateEmail.objects.filter(certificate=certificate, status="sent").exists()
        )
    certificate.refresh_from_db()
    assert certificate.pdf and certificate.pdf_rendered_at
    email = certificate.emails.get()
    assert (email.kind, email.attempts, email.recipient) == ("delivery", 1, user.email)


def test_smtp_refuses_then_accepts_one_email_is_delivered(real_celery, tmp_path):
    with (
        SMTPServer(refuse=2) as smtp,
        Worker(
            redis_url=real_celery, smtp_port=smtp.port, log_path=tmp_path / "worker.log"
        ) as worker,
    ):
        user, course = complete_demo_like_course()
        assert smtp.wait_for(1), worker.output()
        certificate = Certificate.objects.get(user=user, course=course)
        assert wait_until(lambda: certificate.emails.get().status == "sent"), worker.output()
        time.sleep(2)  # nothing else arrives later
        assert smtp.handler.refused == 2
        assert_one_delivered(smtp, certificate, tmp_path)
    email = certificate.emails.get()
    assert email.attempts == 3
    assert "Retry in" in worker.output()


def test_worker_killed_mid_render_is_redelivered_and_finishes_once(real_celery, tmp_path):
    marker = tmp_path / "killed-render"
    with (
        SMTPServer() as smtp,
        Worker(
            redis_url=real_celery,
            smtp_port=smtp.port,
            log_path=tmp_path / "worker.log",
            extra_env={"TEST_KILL_FIRST_RENDER_MARKER": str(marker)},
        ) as worker,
    ):
        user, course = complete_demo_like_course()
        assert smtp.wait_for(1, timeout=90), worker.output()
        time.sleep(2)
        certificate = Certificate.objects.get(user=user, course=course)
        assert_one_delivered(smtp, certificate, tmp_path)
    assert marker.exists()  # the first render really died
    output = worker.output()
    assert "WorkerLostError" in output or "signal 9" in output
    assert Certificate.objects.count() == 1
    assert certificate.emails.get().attempts == 1


def test_whole_worker_killed_mid_render_is_redelivered_to_the_next_worker(real_celery, tmp_path):
    """SIGKILL of the worker itself: Redis keeps the unacknowledged task and, once its
    visibility timeout passes, hands it to the next worker that starts."""
    marker = tmp_path / "killed-worker"
    env = {"TEST_KILL_FIRST_RENDER_MARKER": str(marker), "TEST_VISIBILITY_TIMEOUT": "3"}
    with SMTPServer() as smtp:
        first = Worker(
            redis_url=real_celery,
            smtp_port=smtp.port,
            log_path=tmp_path / "first.log",
            extra_env=env,
            pool="solo",
        )
        with first:
            user, course = complete_demo_like_course()
            assert wait_until(lambda: first.process.poll() is not None), first.output()
        assert marker.exists() and first.process.returncode == -9
        assert smtp.handler.messages == []
        time.sleep(4)  # past the visibility timeout
        with Worker(
            redis_url=real_celery,
            smtp_port=smtp.port,
            log_path=tmp_path / "second.log",
            extra_env=env,
        ) as second:
            assert smtp.wait_for(1, timeout=90), second.output()
            time.sleep(2)
        certificate = Certificate.objects.get(user=user, course=course)
        assert_one_delivered(smtp, certificate, tmp_path)
    assert certificate.emails.get().attempts == 1
