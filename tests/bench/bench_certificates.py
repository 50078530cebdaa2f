"""`make bench`: certificate PDF cost against bare WeasyPrint, and 2 real workers draining 1,000.

The drain needs PostgreSQL (the worker processes share the database), so `make bench` runs this
file with DATABASE_URL from scripts/postgres.sh.
"""

import statistics
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone
from weasyprint import HTML

from certificates.models import Certificate, CertificateEmail, CertificateTemplate
from certificates.pdf import certificate_html
from certificates.services import certificate_issue, certificate_render
from courses.models import Enrollment
from tests.certificates.real_services import SMTPServer, Worker
from tests.factories import UserFactory, build_course, wagtail_initial_data

ROUNDS = 40
COMPLETIONS = 1000


def best_and_median(function, rounds=ROUNDS):
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings), statistics.median(timings)


@pytest.mark.django_db
def test_bench_render_and_store_vs_bare_weasyprint(django_capture_on_commit_callbacks, settings):
    user = UserFactory(full_name="Jordan Ellis", registration_number="PH778899")
    course = build_course(modules=1, lessons_per_module=1, cpd_hours=4.5)
    CertificateTemplate.objects.create(
        course=course, signatory_name="Dr Alex Morgan", signatory_role="Course director"
    )
    enrollment = Enrollment.objects.create(user=user, course=course, completed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=False):
        certificate, _ = certificate_issue(enrollment=enrollment)
    html = certificate_html(certificate, certificate.course.certificate_template)
    base_url = str(settings.BASE_DIR)
    HTML(string=html, base_url=base_url).write_pdf()  # warm fonts and caches
    certificate_render(certificate=certificate)
    bare_best, bare_median = best_and_median(
        lambda: HTML(string=html, base_url=base_url).write_pdf()
    )
    full_best, full_median = best_and_median(
        lambda: certificate_render(certificate=Certificate.objects.get(pk=certificate.pk))
    )
    print(
        f"\nPDF per certificate ({ROUNDS} rounds): bare WeasyPrint best {bare_best * 1000:.1f} ms "
        f"(median {bare_median * 1000:.1f}); render + QR + store best {full_best * 1000:.1f} ms "
        f"(median {full_median * 1000:.1f}); ratio best {full_best / bare_best:.2f}, "
        f"median {full_median / bare_median:.2f}"
    )
    assert full_median / bare_median < 2.0


@pytest.mark.django_db
def test_bench_credential_sign_and_bake_beside_the_pdf(
    django_capture_on_commit_callbacks, settings, tmp_path
):
    """Open Badges 3.0: build + sign the VC-JWT, the whole issue service, and baking the PNG."""
    from certificates.badge_png import baked_badge
    from certificates.credential_jwt import sign_credential
    from certificates.credential_keys import current_key
    from certificates.credential_services import credential_issue
    from certificates.models import IssuedCredential

    settings.CREDENTIAL_KEYS_DIR = tmp_path / "keys"
    user = UserFactory(full_name="Jordan Ellis", registration_number="PH778899")
    course = build_course(modules=1, lessons_per_module=1, cpd_hours=4.5)
    enrollment = Enrollment.objects.create(user=user, course=course, completed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=False):
        certificate, _ = certificate_issue(enrollment=enrollment)
    credential = credential_issue(certificate=certificate)
    claims = __import__("jwt").decode(credential.jwt, options={"verify_signature": False})
    key = current_key()
    sign_best, sign_median = best_and_median(
        lambda: sign_credential(claims, key=key.key, kid=key.kid), rounds=200
    )

    def issue_again():
        IssuedCredential.objects.filter(certificate=certificate).delete()
        credential_issue(certificate=Certificate.objects.get(pk=certificate.pk))

    issue_best, issue_median = best_and_median(issue_again)
    bake_best, bake_median = best_and_median(
        lambda: baked_badge(title=certificate.course_title, issuer="Needlepoint Academy",
                            token=credential.jwt)
    )  # fmt: skip
    html = certificate_html(certificate, None)
    base_url = str(settings.BASE_DIR)
    HTML(string=html, base_url=base_url).write_pdf()
    pdf_best, pdf_median = best_and_median(
        lambda: HTML(string=html, base_url=base_url).write_pdf(), rounds=20
    )
    print(
        f"\nOpen Badges credential per certificate: sign VC-JWT (EdDSA, joserfc) best "
        f"{sign_best * 1000:.2f} ms (median {sign_median * 1000:.2f}); whole credential_issue "
        f"(lock, index, build, sign, store) best {issue_best * 1000:.1f} ms (median "
        f"{issue_median * 1000:.1f}); draw + bake PNG best {bake_best * 1000:.1f} ms (median "
        f"{bake_median * 1000:.1f}); beside the PDF (bare WeasyPrint) median "
        f"{pdf_median * 1000:.1f} ms, JWT {len(credential.jwt)} bytes"
    )
    assert issue_median < pdf_median


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_bench_two_workers_drain_1000_completions(use_redis, monkeypatch, tmp_path):
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", False)
    wagtail_initial_data()
    course = build_course(modules=1, lessons_per_module=1, cpd_hours=4.5)
    users = [UserFactory.build(email=f"drain{i}@example.org") for i in range(COMPLETIONS)]
    for user in users:
        user.password = "!"  # unusable; hashing 1,000 passwords is not what we measure
    users = type(users[0]).objects.bulk_create(users)
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(user=user, course=course, completed_at=now) for user in users
    )
    with SMTPServer() as smtp:
        workers = [
            Worker(redis_url=use_redis, smtp_port=smtp.port, log_path=tmp_path / f"w{i}.log")
            for i in range(2)
        ]
        for worker in workers:
            worker.__enter__()
        try:
            time.sleep(3)  # let both workers connect before the clock starts
            started = time.perf_counter()
            for enrollment in enrollments:
                with transaction.atomic():
                    certificate_issue(enrollment=enrollment)
            queued = time.perf_counter() - started
            delivered = smtp.wait_for(COMPLETIONS, timeout=600)
            drained = time.perf_counter() - started
        finally:
            for worker in workers:
                worker.__exit__(None, None, None)
    sent = CertificateEmail.objects.filter(status="sent").count()
    print(
        f"\n2 workers (prefork, concurrency 1 each), {COMPLETIONS} completions: issuing + "
        f"queueing took {queued:.1f} s; every PDF rendered and emailed over SMTP after "
        f"{drained:.1f} s ({COMPLETIONS / drained:.1f} certificates/s); emails received "
        f"{len(delivered)}, rows marked sent {sent}"
    )
    assert len(delivered) == COMPLETIONS
    assert Certificate.objects.filter(pdf="").count() == 0
