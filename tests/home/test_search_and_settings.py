import os
import subprocess
import sys

import pytest

from config.devserver import ROOT
from tests.factories import LessonPageFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def test_search_finds_lessons_by_body_text_and_shows_summary_only(client):
    course = build_course(modules=1, lessons_per_module=1)
    module = lessons_of(course)[0].get_parent()
    LessonPageFactory(
        parent=module,
        title="Thoracic needling",
        summary="Where the lung field lies.",
        body='[{"type": "paragraph", "value": "<p>Pneumothorax is rare but serious.</p>"}]',
    )
    response = client.get("/search/", {"q": "pneumothorax"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thoracic needling" in html
    assert "Where the lung field lies." in html
    assert "rare but serious" not in html  # lesson bodies stay behind enrolment
    assert "1 result" in html


def test_search_without_query_and_with_garbage(client):
    assert client.get("/search/").status_code == 200
    response = client.get("/search/", {"q": "<script>alert(1)</script>" * 50, "page": "x"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_production_settings_pass_deploy_checks(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x7" * 30 + "-production-like-secret-for-the-check",
        "ALLOWED_HOSTS": "academy.example.org",
        "SITE_URL": "https://academy.example.org",
        "CREDENTIAL_KEYS_DIR": str(tmp_path / "keys"),  # a deployment has its signing key
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "credential_keys", "rotate"],
        cwd=ROOT, env=env, capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_a_missing_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_requires_email_verification():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "y" * 60,
    }
    code = "from django.conf import settings; print(settings.ACCOUNT_EMAIL_VERIFICATION)"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "mandatory", result.stderr


RATE_LIMIT_PROBE = """
from django.conf import settings
from django.test import RequestFactory
from certificates.ratelimit import client_ip, verify_limited
settings.CERTIFICATE_VERIFY_MISS_RATE = "2/10m"
def request(client):
    return RequestFactory().get("/certificates/verify/x/", HTTP_X_FORWARDED_FOR=client,
                                REMOTE_ADDR="10.0.0.1")
print("ip", client_ip(None, request("203.0.113.5")))
print("spoofed", client_ip(None, request("192.0.2.66, 203.0.113.5")))
for _ in range(2):
    verify_limited(request("203.0.113.5"), miss=True)
print("limited", bool(verify_limited(request("203.0.113.5"))))
print("other", bool(verify_limited(request("198.51.100.7"))))
"""


PROBE_KEYS = {"ip", "spoofed", "limited", "other"}


def test_production_rate_limits_use_redis_and_the_client_behind_the_proxy(redis_url):
    """Production settings replace CACHES: the verify limits must still find their Redis cache
    and key on the client address the proxy reports, not on the proxy."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x7" * 30 + "-production-like-secret-for-the-check",
        "REDIS_URL": redis_url.replace("/0", "/5"),
        "SECURE_SSL_REDIRECT": "false",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", RATE_LIMIT_PROBE],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.split(" ")[0] in PROBE_KEYS]
    assert lines == ["ip 203.0.113.5", "spoofed 203.0.113.5", "limited True", "other False"], (
        result.stdout + result.stderr
    )


@pytest.mark.usefixtures("on_each_database")
@pytest.mark.parametrize("query", ["needle\x00", '"', 'needle "safety', '""'])
def test_search_with_nul_quotes_and_unicode_digits_answers(client, query):
    """NUL (PostgreSQL) and a stray '"' (SQLite FTS5) were 500s; "²" is no page number."""
    response = client.get("/search/", {"q": query, "page": "²"})
    assert response.status_code == 200
