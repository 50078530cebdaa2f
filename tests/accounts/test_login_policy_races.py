"""Parallel guesses cannot slip past the per-account limit (the count is taken before checking)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from tests.accounts.test_login_policy import login, production_login_settings  # noqa: F401
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_parallel_guesses_from_many_addresses_get_at_most_the_limit(settings):
    UserFactory(email="owner@example.org")
    limit = settings.LOGIN_FAILURES_PER_ACCOUNT
    attempts = limit * 3

    def guess(n):
        try:
            response = login(
                Client(), "/admin/login/", "owner@example.org", f"g{n}", f"198.51.{n}.1"
            )
            return response.status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(guess, range(attempts)))
    checked = statuses.count(200)  # the password was actually tried (and was wrong)
    assert statuses.count(429) == attempts - checked
    assert checked == limit, statuses
