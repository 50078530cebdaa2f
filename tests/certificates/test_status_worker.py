"""Revocation reaches the published status list through the real worker on the real Redis.

Runs in `make test`'s PostgreSQL pass: the worker process shares the test database and, through
TEST_CREDENTIAL_KEYS_DIR, the test's signing keys.
"""

import time

import pytest
from django.db import connection

from certificates.credential_keys import public_jwks
from certificates.credential_verify import verify
from certificates.models import IssuedCredential, StatusListPublication
from certificates.services import certificate_revoke
from tests.certificates.real_services import SMTPServer, Worker
from tests.certificates.test_real_worker import complete_demo_like_course
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def wait_until(predicate, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_worker_signs_the_credential_and_publishes_the_revocation(
    use_redis, monkeypatch, tmp_path, settings
):
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", False)
    keys = tmp_path / "keys"
    settings.CREDENTIAL_KEYS_DIR = keys
    env = {"TEST_CREDENTIAL_KEYS_DIR": str(keys)}
    with (
        SMTPServer() as smtp,
        Worker(
            redis_url=use_redis, smtp_port=smtp.port, log_path=tmp_path / "w.log", extra_env=env
        ) as worker,
    ):
        user, course = complete_demo_like_course()
        assert wait_until(lambda: IssuedCredential.objects.filter(standing="live").exists()), (
            worker.output()
        )
        credential = IssuedCredential.objects.get()
        certificate = credential.certificate
        assert credential.kid in {k["kid"] for k in public_jwks()["keys"]}  # the worker's key
        instructor = UserFactory(full_name="Ida Instructor")
        certificate_revoke(certificate=certificate, reason="Fraud", user=instructor)  # autocommit

        def revoked_listed():
            listed = StatusListPublication.objects.filter(revoked_count=1).first()
            return (
                listed
                and not verify(credential.jwt, jwks=public_jwks(), status_list=listed.jwt).valid
            )

        assert wait_until(revoked_listed), worker.output()
    assert "certificates.credential_tasks.rebuild_status_list" in worker.output()
    listed = StatusListPublication.objects.get()
    report = verify(credential.jwt, jwks=public_jwks(), status_list=listed.jwt)
    assert report.summary.endswith("has revoked it (its status list bit is set).")
