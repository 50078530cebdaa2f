"""Confirming one preview many times at once imports it once (PostgreSQL: real row locks)."""

import time

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import PageLogEntry

from courses.models import LessonPage
from courses.roles import instructors_group_ensure
from packages import views
from packages.services import package_import
from tests.factories import CourseIndexPageFactory, UserFactory, site_home, wagtail_initial_data
from tests.packages import admin_support
from tests.packages.admin_support import confirm, package_zip, token_of, upload
from tests.packages.package_builder import LESSON, write_package
from tests.parallel import in_parallel

private_root = admin_support.private_root
THREADS = 6


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_parallel_confirms_of_one_upload_import_it_once(tmp_path, monkeypatch):
    wagtail_initial_data()
    CourseIndexPageFactory(parent=site_home())
    package_import(source=write_package(tmp_path / "installed"))
    user = UserFactory()
    user.groups.add(instructors_group_ensure())
    owner = Client()
    owner.force_login(user)
    changed = LESSON.format(n="last").replace("Body last", "Changed once")
    token = token_of(upload(owner, package_zip(tmp_path, "v2", last=changed), update=True))

    real_import = views.package_import

    def slow_import(**kwargs):  # widen the window: the winner holds the row while it works
        time.sleep(0.5)
        return real_import(**kwargs)

    monkeypatch.setattr(views, "package_import", slow_import)

    def send(_):
        client = Client()
        client.force_login(user)
        return confirm(client, token).status_code

    statuses, errors = in_parallel(send, THREADS)
    assert errors == []
    assert sorted(statuses) == [302] + [409] * (THREADS - 1)
    assert PageLogEntry.objects.filter(action="packages.import").count() == 1
    last = LessonPage.objects.get(slug="lesson-last")
    assert last.revisions.count() == 2  # the import's first revision and this update's one
