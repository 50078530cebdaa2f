"""The Bitstring Status List: encoding (pure), the signed list credential and its rebuild."""

import base64
import gzip

import jwt as pyjwt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from certificates import status_list as bitstring
from certificates.credential_keys import public_jwks
from certificates.credential_services import status_list_current, status_list_rebuild
from certificates.credential_verify import verify
from certificates.models import IssuedCredential, StatusListPublication
from certificates.services import certificate_reissue, certificate_revoke
from tests.certificates.credential_support import *  # noqa: F403 - the fixtures

indices = st.sets(st.integers(min_value=0, max_value=bitstring.MIN_BITS - 1), max_size=50)


@given(revoked=indices, probe=st.integers(min_value=0, max_value=bitstring.MIN_BITS - 1))
def test_encode_then_decode_gives_the_same_bits(revoked, probe):
    bits = bitstring.decode(bitstring.encode(revoked))
    assert len(bits) * 8 == bitstring.MIN_BITS
    assert bitstring.is_set(bits, probe) == (probe in revoked)


def test_index_zero_is_the_leftmost_bit_and_the_list_is_gzip_multibase():
    encoded = bitstring.encode({0, 9})
    assert encoded.startswith("u")
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) == 16_384 and raw[0] == 0x80 and raw[1] == 0x40 and not any(raw[2:])


@pytest.mark.parametrize(
    ("encoded", "reason"),
    [
        ("zabc", "must start with 'u'"),
        ("u!!!", "not GZIP"),
        ("u" + base64.urlsafe_b64encode(gzip.compress(b"\0" * 10)).decode(), "minimum is 131072"),
        (None, "must start with 'u'"),
    ],
)
def test_bad_lists_are_refused_with_a_reason(encoded, reason):
    with pytest.raises(bitstring.BadStatusList, match=reason):
        bitstring.decode(encoded)


def test_a_gzip_bomb_is_cut_off():
    bomb = "u" + base64.urlsafe_b64encode(gzip.compress(b"\0" * (64 * 1024 * 1024))).decode()
    bits = bitstring.decode(bomb)
    assert len(bits) <= bitstring.MIN_BITS * 8


@pytest.mark.django_db
def test_the_published_list_is_a_signed_bitstring_status_list_credential(issued, client, settings):
    response = client.get("/credentials/status/revocation")
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    token = response.content.decode()
    header = pyjwt.get_unverified_header(token)
    [jwk] = [k for k in public_jwks()["keys"] if k["kid"] == header["kid"]]
    claims = pyjwt.decode(token, pyjwt.PyJWK(jwk).key, algorithms=["EdDSA"])
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert claims["id"] == f"{settings.SITE_URL}/credentials/status/revocation"
    assert claims["credentialSubject"]["type"] == "BitstringStatusList"
    assert claims["credentialSubject"]["statusPurpose"] == "revocation"
    assert not any(bitstring.decode(claims["credentialSubject"]["encodedList"]))


@pytest.mark.django_db
def test_revoking_sets_the_bit_after_the_task_runs(
    issued, instructor, django_capture_on_commit_callbacks
):
    certificate, credential = issued
    before = status_list_current().jwt
    assert verify(credential.jwt, jwks=public_jwks(), status_list=before).valid
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        certificate_revoke(certificate=certificate, reason="Fraud", user=instructor)
    assert callbacks  # the rebuild was queued on commit (run eagerly here)
    after = StatusListPublication.objects.get().jwt
    report = verify(credential.jwt, jwks=public_jwks(), status_list=after)
    assert report.summary == (
        "Not valid because the issuer has revoked it (its status list bit is set)."
    )
    assert verify(credential.jwt, jwks=public_jwks(), status_list=before).valid  # old list


@pytest.mark.django_db
def test_reissue_revokes_the_old_credential_and_the_new_one_is_valid(
    issued, instructor, django_capture_on_commit_callbacks
):
    certificate, old = issued
    with django_capture_on_commit_callbacks(execute=True):
        certificate_reissue(certificate=certificate, reason="Typo in name", user=instructor)
    new = IssuedCredential.objects.get(certificate=certificate, standing="live")
    listed = StatusListPublication.objects.get()
    assert listed.revoked_count == 1
    assert not verify(old.jwt, jwks=public_jwks(), status_list=listed.jwt).valid
    assert verify(new.jwt, jwks=public_jwks(), status_list=listed.jwt).valid


@pytest.mark.django_db
def test_a_list_signed_by_someone_else_is_not_trusted(issued):
    from joserfc.jwk import OKPKey

    from certificates.credential_jwt import sign_payload

    _, credential = issued
    stranger = OKPKey.generate_key("Ed25519", private=True)
    current = pyjwt.decode(status_list_current().jwt, options={"verify_signature": False})
    fake = sign_payload(current, key=stranger, kid="https://evil/keys#1")
    report = verify(credential.jwt, jwks=public_jwks(), status_list=fake)
    assert "the status list cannot be trusted: its signature is not the issuer's" in report.summary


@pytest.mark.django_db
def test_rebuild_is_idempotent_and_counts_queries(issued, django_assert_max_num_queries):
    status_list_rebuild()
    with django_assert_max_num_queries(6):
        publication = status_list_rebuild()
    assert publication.revoked_count == 0
    assert StatusListPublication.objects.count() == 1
