"""The log-in policy (README, "Log-in limits") under the production settings, limits on.

Every request arrives through one reverse proxy (REMOTE_ADDR 10.0.0.1) that appends the client's
address to X-Forwarded-For, as in production.
"""

import importlib
import re

import pytest
from django.core import mail
from django.core.cache import caches

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
PASSWORD = "correct-horse-battery"  # the factory's
LOGIN_PATHS = ["/accounts/login/", "/admin/login/", "/_util/login/"]
POLICY_SETTINGS = [
    "ACCOUNT_RATE_LIMITS",
    "ACCOUNT_LOGIN_ON_PASSWORD_RESET",
    "AUTHENTICATION_BACKENDS",
    "AXES_FAILURE_LIMIT",
    "AXES_COOLOFF_TIME",
    "AXES_LOCKOUT_PARAMETERS",
    "AXES_CLIENT_IP_CALLABLE",
    "LOGIN_FAILURES_PER_ACCOUNT",
    "LOGIN_FAILURES_PER_CLIENT",
    "LOGIN_FAILURE_WINDOW",
    "TRUSTED_PROXY_COUNT",
]


@pytest.fixture(autouse=True)
def production_login_settings(settings, monkeypatch):
    """The values config.settings.production gives these settings (the suite switches some off)."""
    monkeypatch.setenv("SECRET_KEY", "p" * 64)
    monkeypatch.delenv("TRUSTED_PROXY_COUNT", raising=False)
    production = importlib.import_module("config.settings.production")
    for name in POLICY_SETTINGS:
        if hasattr(production, name):
            setattr(settings, name, getattr(production, name))
    assert settings.TRUSTED_PROXY_COUNT == 1
    assert settings.ACCOUNT_RATE_LIMITS  # limits on
    caches["default"].clear()  # allauth's counters
    caches["ratelimit"].clear()


def login(client, path, email, password, client_ip):
    field = "login" if path.startswith("/accounts/") else "username"
    return client.post(
        path,
        {field: email, "password": password},
        REMOTE_ADDR=PROXY,
        # The left-most entry is whatever the client sent; the proxy appended the real address.
        HTTP_X_FORWARDED_FOR=f"192.0.2.99, {client_ip}",
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_one_client_hammering_an_account_does_not_lock_the_owner_out_elsewhere(client, path):
    UserFactory(email="owner@example.org")
    responses = [
        login(client, path, "owner@example.org", f"guess-{n}", "198.51.100.7") for n in range(60)
    ]
    assert responses[-1].status_code == 429  # the attacker's connection is locked
    # The owner, from home, still gets in with the right password.
    response = login(client, path, "owner@example.org", PASSWORD, "203.0.113.20")
    assert logged_in(response), response.status_code


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_one_typo_each_from_many_people_locks_nobody_out(client, path):
    for n in range(40):
        UserFactory(email=f"clinician{n}@example.org")
        login(client, path, f"clinician{n}@example.org", "typo", f"203.0.113.{n + 1}")
    client_b = client.__class__()
    UserFactory(email="late@example.org")
    assert logged_in(login(client_b, path, "late@example.org", PASSWORD, "203.0.113.200"))


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_guessing_from_many_addresses_locks_the_account_on_every_login_path(client, settings, path):
    UserFactory(email="owner@example.org")
    per_client = settings.AXES_FAILURE_LIMIT - 1  # stay under the per-connection lock
    clients = -(-getattr(settings, "LOGIN_FAILURES_PER_ACCOUNT", 20) // per_client)
    for c in range(clients):
        for n in range(per_client):
            login(client, path, "owner@example.org", f"guess-{c}-{n}", f"198.51.100.{c + 1}")
    for other in LOGIN_PATHS:
        response = login(client, other, "owner@example.org", PASSWORD, "203.0.113.20")
        assert response.status_code == 429, other
        assert "reset your password" in response.content.decode()


def test_one_client_guessing_many_accounts_is_stopped(client, settings):
    for n in range(getattr(settings, "LOGIN_FAILURES_PER_CLIENT", 30)):
        login(client, "/admin/login/", f"user{n}@example.org", "guess", "198.51.100.9")
    UserFactory(email="someone@example.org")
    response = login(client, "/accounts/login/", "someone@example.org", PASSWORD, "198.51.100.9")
    assert response.status_code == 429
    # Nobody else is affected.
    assert logged_in(login(client, "/admin/login/", "someone@example.org", PASSWORD, "192.0.2.1"))


def test_the_owner_gets_in_through_the_password_reset_link_while_locked(client, settings):
    UserFactory(email="owner@example.org")
    for c in range(getattr(settings, "LOGIN_FAILURES_PER_ACCOUNT", 20)):
        login(client, "/accounts/login/", "owner@example.org", "guess", f"198.51.100.{c + 1}")
    assert (
        login(client, "/_util/login/", "owner@example.org", PASSWORD, "203.0.113.20").status_code
        == 429
    )

    home = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    client.post("/accounts/password/reset/", {"email": "owner@example.org"}, **home)
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", mail.outbox[-1].body)
    form_url = client.get(link.group(1), **home)["Location"]
    response = client.post(
        form_url,
        {"password1": "a-new-long-passphrase", "password2": "a-new-long-passphrase"},
        **home,
    )
    assert "_auth_user_id" in client.session  # the emailed link logged the owner in
    client.logout()
    assert logged_in(
        login(client, "/admin/login/", "owner@example.org", "a-new-long-passphrase", "203.0.113.20")
    ), response.status_code


def test_password_reset_requests_are_limited_per_real_client(client):
    for n in range(25):  # 25 people behind the proxy, one request each
        response = client.post(
            "/accounts/password/reset/",
            {"email": f"person{n}@example.org"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n + 1}",
        )
        assert response.status_code == 302, n
    statuses = [
        client.post(
            "/accounts/password/reset/",
            {"email": f"x{n}@example.org"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.3",
        ).status_code
        for n in range(25)
    ]
    assert 429 in statuses  # one client asking for many resets is still limited


def test_the_admin_offers_the_one_password_reset_that_lifts_locks(client):
    html = client.get("/admin/login/").content.decode()
    assert 'href="/accounts/password/reset/"' in html
    assert client.get("/admin/password_reset/").status_code == 404
