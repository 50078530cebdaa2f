"""The logbook's emails through the real path: outbox row → Celery worker on the real Redis →
SMTP (aiosmtpd, which refuses the first message once). A request reaches the instructor with a
link to the sign-off page; the signature reaches the trainee; and, since it was the last
requirement, the certificate follows."""

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from notifications.models import OutboxEmail
from practice.models import SignOffRequest
from practice.services import practice_session_log, signoff_request_submit, signoff_sign
from tests.certificates.real_services import SMTPServer, Worker
from tests.certificates.test_real_worker import real_celery, wait_until  # noqa: F401 - fixture
from tests.factories import wagtail_initial_data
from tests.practice.skill_data import PASSWORD, skill_course

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_request_signature_and_certificate_emails_arrive_once(real_celery, tmp_path):  # noqa: F811
    wagtail_initial_data()
    with (
        SMTPServer(refuse=1) as smtp,
        Worker(redis_url=real_celery, smtp_port=smtp.port, log_path=tmp_path / "w.log") as worker,
    ):
        data = skill_course()
        trainee = data.ready_to_practise(full_name="Jordan Ellis")
        data.finish_theory(trainee)
        for _ in range(2):
            practice_session_log(
                user=trainee,
                skill=data.skill,
                practised_on=trainee.enrollments.get().enrolled_at.date(),
                setting="clinic",
                supervisor=data.instructor,
                criteria_ids=data.criteria_ids,
            )
        request = signoff_request_submit(user=trainee, skill=data.skill)
        assert smtp.wait_for(1), worker.output()
        [to_instructor] = smtp.handler.messages
        assert to_instructor["To"] == data.instructor.email
        assert "Sign-off requested" in to_instructor["Subject"]
        link = settings.SITE_URL + reverse("practice_signoff", args=[request.pk])
        assert link in to_instructor.get_content()

        signoff_sign(
            request_id=request.pk,
            signer=data.instructor,
            password=PASSWORD,
            observed_ids=data.criteria_ids,
        )
        assert smtp.wait_for(3), worker.output()
        subjects = sorted(m["Subject"] for m in smtp.handler.messages[1:])
        assert subjects[0].startswith("Signed off") and "certificate" in subjects[1].lower()
        assert {m["To"] for m in smtp.handler.messages[1:]} == {trainee.email}
        assert wait_until(lambda: not OutboxEmail.objects.exclude(status="sent").exists())
    assert smtp.handler.refused == 1
    assert OutboxEmail.objects.count() == 2
    assert sum(e.attempts for e in OutboxEmail.objects.all()) == 3  # one refusal, retried
    assert SignOffRequest.objects.get().status == "signed"
