"""The issuer's Ed25519 signing keys: files in CREDENTIAL_KEYS_DIR, never in the database.

One file per key (``<slug>.jwk.json``: the private JWK and when it was made). The newest key
signs; every key in the directory stays in the published JWK Set, so credentials signed before a
rotation keep verifying. The kid is a URL into the JWK Set, as OB 3.0 asks of a ``kid``.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from joserfc.jwk import OKPKey

SUFFIX = ".jwk.json"
JWKS_PATH = "/.well-known/jwks.json"


class CredentialKeysMissing(Exception):
    """No signing key and this environment may not make one (production)."""


@dataclass(frozen=True)
class IssuerKey:
    kid: str
    created: datetime
    key: OKPKey

    def public_jwk(self) -> dict:
        jwk = self.key.as_dict(private=False)
        jwk.update({"kid": self.kid, "alg": "EdDSA", "use": "sig"})
        return jwk


def keys_dir() -> Path:
    return Path(settings.CREDENTIAL_KEYS_DIR)


def jwks_url() -> str:
    return f"{settings.SITE_URL}{JWKS_PATH}"


_cache: dict[tuple, list[IssuerKey]] = {}


def load_keys(directory: Path | None = None) -> list[IssuerKey]:
    """Every key in the directory, oldest first. Cached until the directory changes."""
    directory = directory or keys_dir()
    try:
        stamp = (str(directory), directory.stat().st_mtime_ns)
    except FileNotFoundError:
        return []
    if stamp not in _cache:
        keys = [_read(path) for path in sorted(directory.glob(f"*{SUFFIX}"))]
        _cache.clear()
        _cache[stamp] = sorted(keys, key=lambda k: (k.created, k.kid))
    return _cache[stamp]


def _read(path: Path) -> IssuerKey:
    data = json.loads(path.read_text())
    jwk = dict(data["jwk"])
    kid = jwk.pop("kid")
    return IssuerKey(
        kid=kid,
        created=datetime.fromisoformat(data["created"]),
        key=OKPKey.import_key(jwk),
    )


def current_key() -> IssuerKey:
    """The key that signs now; dev and tests make the first one, production refuses."""
    keys = load_keys()
    if keys:
        return keys[-1]
    if not settings.CREDENTIAL_KEYS_AUTOCREATE:
        raise CredentialKeysMissing(
            f"No credential signing key in {keys_dir()}. Restore the key directory from backup, "
            "or run `python manage.py credential_keys rotate` to make the first key."
        )
    return rotate()


def rotate(*, now: datetime | None = None) -> IssuerKey:
    """Add a new key that signs from now on. Old keys stay and keep verifying."""
    now = now or datetime.now(UTC)
    directory = keys_dir()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    slug = f"{now:%Y%m%d%H%M%S}-{secrets.token_hex(4)}"
    kid = f"{jwks_url()}#{slug}"
    key = OKPKey.generate_key("Ed25519", private=True)
    body = json.dumps(
        {"created": now.isoformat(), "jwk": {**key.as_dict(private=True), "kid": kid}}
    )
    path = directory / f"{slug}{SUFFIX}"
    temporary = directory / f".{slug}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.rename(path)
    _cache.clear()
    return IssuerKey(kid=kid, created=now, key=key)


def public_jwks(keys: list[IssuerKey] | None = None) -> dict:
    """The JWK Set a relying party fetches once: public halves only (no ``d``)."""
    keys = load_keys() if keys is None else keys
    return {"keys": [key.public_jwk() for key in keys]}


def check_signing_keys(app_configs=None, **kwargs):
    """System check: production (no auto-created keys) with an empty key directory."""
    from django.core.checks import Error

    if settings.CREDENTIAL_KEYS_AUTOCREATE or load_keys():
        return []
    return [
        Error(
            f"No Open Badges signing key in CREDENTIAL_KEYS_DIR ({keys_dir()}).",
            hint="Restore the key directory from backup, or run "
            "`python manage.py credential_keys rotate` to make the first key.",
            id="certificates.E101",
        )
    ]
