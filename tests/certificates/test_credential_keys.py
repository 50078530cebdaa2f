"""Issuer keys: made on first use in dev/tests, refused in production, rotated without breaking."""

import json
import stat

import pytest
from django.core.management import call_command
from django.test import override_settings

from certificates import credential_keys
from certificates.credential_keys import CredentialKeysMissing, current_key, load_keys, rotate
from certificates.credential_verify import verify
from certificates.models import IssuedCredential
from tests.certificates.credential_support import *  # noqa: F403 - the fixtures
from tests.certificates.credential_support import independent_decode


def test_first_use_makes_a_private_key_file_only_the_owner_can_read(keys_dir):
    key = current_key()
    [path] = keys_dir.glob("*.jwk.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys_dir.stat().st_mode) == 0o700
    assert json.loads(path.read_text())["jwk"]["kid"] == key.kid
    assert current_key().kid == key.kid  # not a second one


def test_production_refuses_to_sign_without_keys(settings):
    settings.CREDENTIAL_KEYS_AUTOCREATE = False
    with pytest.raises(CredentialKeysMissing, match="credential_keys rotate"):
        current_key()


@pytest.mark.django_db
def test_without_keys_the_pdf_is_still_delivered_and_the_credential_waits(settings, issue):
    settings.CREDENTIAL_KEYS_AUTOCREATE = False
    certificate = issue()  # the credential task fails (and would retry) after the PDF
    assert certificate.pdf and certificate.emails.get().status == "sent"
    assert not IssuedCredential.objects.exists()


def test_the_published_key_set_has_public_halves_only(keys_dir):
    rotate()
    rotate()
    body = credential_keys.public_jwks()
    assert len(body["keys"]) == 2
    for jwk in body["keys"]:
        assert set(jwk) == {"kty", "crv", "x", "kid", "alg", "use"}


@pytest.mark.django_db
def test_rotation_signs_with_the_new_key_and_old_credentials_still_verify(issued, client, issue):
    certificate, old = issued
    new_key = rotate()
    assert current_key().kid == new_key.kid != old.kid
    newer = IssuedCredential.objects.get(certificate=issue())
    assert newer.kid == new_key.kid
    jwks = client.get("/.well-known/jwks.json").json()
    for credential in (old, newer):
        assert independent_decode(credential.jwt, jwks)["jti"] == credential.credential_id
        report = verify(credential.jwt, jwks=jwks, status_list=None)
        assert [c.ok for c in report.checks[:5]] == [True] * 5


def test_the_command_rotates_and_lists(keys_dir, capsys):
    call_command("credential_keys", "rotate")
    call_command("credential_keys", "rotate")
    call_command("credential_keys", "list")
    out = capsys.readouterr().out
    assert out.count("New current key") == 2
    kids = [key.kid for key in load_keys()]
    assert f"{kids[1]} (current: signs new credentials)" in out
    assert kids[0] in out


@pytest.mark.django_db
def test_jwks_and_issuer_profile_are_public(client, settings):
    jwks = client.get("/.well-known/jwks.json")
    assert jwks.status_code == 200 and jwks["Access-Control-Allow-Origin"] == "*"
    profile = client.get("/credentials/issuer.json").json()
    assert profile["id"] == f"{settings.SITE_URL}/credentials/issuer.json"
    assert profile["jwks_uri"] == f"{settings.SITE_URL}/.well-known/jwks.json"
    assert profile["type"] == ["Profile"] and profile["name"] == "Needlepoint Academy"


@override_settings(CREDENTIAL_KEYS_DIR="/nonexistent/needlepoint-keys")
def test_a_missing_directory_is_no_keys():
    assert load_keys() == []


def test_the_system_check_stops_production_without_keys(settings):
    from certificates.credential_keys import check_signing_keys

    settings.CREDENTIAL_KEYS_AUTOCREATE = False
    [error] = check_signing_keys()
    assert error.id == "certificates.E101"
    rotate()
    assert check_signing_keys() == []
