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
