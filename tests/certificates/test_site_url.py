"""SITE_URL follows the port `make run` serves on, so links, PDFs and QR codes reach this server."""

import os
import subprocess
import sys

from django.conf import settings

SCRIPT = (
    "import django; django.setup(); from django.conf import settings;"
    "from certificates.pdf import verify_url;"
    "print(settings.SITE_URL); print(verify_url('ABC')); print(settings.CSRF_TRUSTED_ORIGINS[0])"
)


def settings_with(**env) -> list[str]:
    environ = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "WEB_PORT"}}
    environ.update(env, DJANGO_SETTINGS_MODULE="config.settings.test")
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", SCRIPT],
        env=environ,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_site_url_defaults_to_the_web_port():
    assert settings_with(WEB_PORT="8101") == [
        "http://127.0.0.1:8101",
        "http://127.0.0.1:8101/certificates/verify/ABC/",
        "http://127.0.0.1:8101",
    ]
    assert settings_with()[0] == "http://127.0.0.1:8000"


def test_an_explicit_site_url_wins_over_the_port():
    assert settings_with(WEB_PORT="8101", SITE_URL="https://academy.example/")[0] == (
        "https://academy.example"
    )
