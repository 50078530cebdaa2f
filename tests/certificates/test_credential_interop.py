"""Interoperability: a third-party Open Badges 3.0 verifier (openbadgeslib) accepts our files.

openbadgeslib checks the VC 2.0 + OB 3.0 @context pair, the VC-JWT claims against the
credential, the validity window, the Bitstring Status List (its signature bound to the issuer)
and reads the baked PNG by the OB 3.0 keyword. It uses PyJWT, not joserfc.
"""

import pytest
from cryptography.hazmat.primitives import serialization
from joserfc.jwk import OKPKey
from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier

from certificates.credential_keys import current_key
from certificates.credential_services import status_list_current, status_list_url
from certificates.services import certificate_revoke
from tests.certificates.credential_support import *  # noqa: F403 - the fixtures

pytestmark = pytest.mark.django_db


def public_pem(key: OKPKey) -> bytes:
    return key.get_op_key("verify").public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def serve_status_list(url: str) -> bytes:
    assert url == status_list_url()
    return status_list_current().jwt.encode()


def test_openbadgeslib_verifies_our_credential_and_its_status(issued):
    certificate, credential = issued
    verifier = OB3Verifier(public_pem(current_key().key))
    result = verifier.verify(credential.jwt, check_status=True, download=serve_status_list)
    assert result.issuer.id.endswith("/credentials/issuer.json")


def test_openbadgeslib_reads_our_baked_badge(issued, client):
    certificate, credential = issued
    client.force_login(certificate.user)
    png = client.get(f"/certificates/{certificate.pk}/badge.png").content
    assert OB3Verifier.extract_token_from_png(png) == credential.jwt


def test_openbadgeslib_sees_the_revocation(issued, instructor, django_capture_on_commit_callbacks):
    certificate, credential = issued
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, reason="Fraud", user=instructor)
    verifier = OB3Verifier(public_pem(current_key().key))
    with pytest.raises(OB3VerificationError, match="revocation. is set at index"):
        verifier.verify(credential.jwt, check_status=True, download=serve_status_list)
