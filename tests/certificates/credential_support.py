"""Shared by the credential tests: an isolated key directory and an issued certificate."""

import jwt as pyjwt
import pytest

from certificates.models import IssuedCredential


@pytest.fixture(autouse=True)
def keys_dir(settings, tmp_path):
    """Each test signs with keys of its own, made on first use as in development."""
    settings.CREDENTIAL_KEYS_DIR = tmp_path / "credential-keys"
    settings.CREDENTIAL_KEYS_AUTOCREATE = True
    return settings.CREDENTIAL_KEYS_DIR


@pytest.fixture
def issued(issue):
    """A certificate earned by completing a course, and its live credential."""
    certificate = issue(cpd_hours=4.5)
    credential = IssuedCredential.objects.get(certificate=certificate, standing="live")
    return certificate, credential


def independent_decode(token: str, jwks: dict) -> dict:
    """PyJWT, not joserfc (which signed it): an independent check of signature and claims."""
    header = pyjwt.get_unverified_header(token)
    [jwk] = [k for k in jwks["keys"] if k["kid"] == header["kid"]]
    key = pyjwt.PyJWK(jwk).key
    return pyjwt.decode(
        token,
        key,
        algorithms=["EdDSA"],
        options={"require": ["iss", "jti", "sub", "nbf", "exp"], "verify_aud": False},
    )
