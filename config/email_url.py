"""Parse EMAIL_URL into Django email settings (smtp, smtps, submission, console, file, locmem)."""

from urllib.parse import parse_qs, unquote, urlparse

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def parse_email_url(url: str) -> dict:
    parsed = urlparse(url)
    if parsed.scheme not in BACKENDS:
        raise ValueError(f"EMAIL_URL scheme {parsed.scheme!r} is not one of {sorted(BACKENDS)}")
    settings = {"EMAIL_BACKEND": BACKENDS[parsed.scheme]}
    if parsed.scheme == "file":
        settings["EMAIL_FILE_PATH"] = unquote(parsed.path)
        return settings
    if parsed.scheme in {"smtp", "smtps", "submission"}:
        query = parse_qs(parsed.query)
        default_port = {"smtp": 25, "smtps": 465, "submission": 587}[parsed.scheme]
        settings.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or default_port,
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_SSL=parsed.scheme == "smtps" or query.get("ssl") == ["true"],
            EMAIL_USE_TLS=parsed.scheme == "submission" or query.get("tls") == ["true"],
        )
    return settings
