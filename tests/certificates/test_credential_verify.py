"""Offline verification: the pure function, the command and the public upload form.

Every mutation of a valid credential is rejected with a reason, never an exception or a 500.
"""

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from joserfc.jwk import OKPKey

from certificates.credential_jwt import b64url_encode, sign_payload
from certificates.credential_keys import current_key, public_jwks
from certificates.credential_services import status_list_current
from certificates.credential_verify import Report, verify
from tests.certificates.credential_support import *  # noqa: F403 - the fixtures

pytestmark = pytest.mark.django_db
NOW = datetime.now(UTC)


def segments(token):
    return token.split(".")


def payload_of(token):
    body = segments(token)[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def with_payload(token, payload):
    """The original header and signature around a changed payload: a tampered file."""
    head, _, signature = segments(token)
    return ".".join([head, b64url_encode(json.dumps(payload).encode()), signature])


def check(report: Report, name: str):
    return next(c for c in report.checks if c.name == name)


def assert_rejected(report: Report):
    assert not report.valid
    assert report.summary.startswith(("Not valid because", "Not verified"))
    assert any(c.ok is False for c in report.checks), report.checks


def test_a_fresh_credential_passes_every_check(issued):
    _, credential = issued
    report = verify(credential.jwt, jwks=public_jwks(), status_list=status_list_current().jwt)
    assert report.valid, report.checks
    assert [c.name for c in report.checks] == [
        "Format", "Issuer key", "Signature", "Contents", "Dates", "Status"
    ]  # fmt: skip
    assert report.summary == "Valid: every check passed."


def test_without_the_status_list_it_is_not_verified(issued):
    _, credential = issued
    report = verify(credential.jwt, jwks=public_jwks(), status_list=None)
    assert not report.valid
    assert check(report, "Status").ok is None
    assert "fetch the status list from http" in report.summary


def test_a_changed_payload_fails_the_signature(issued):
    _, credential = issued
    payload = payload_of(credential.jwt)
    payload["credentialSubject"]["achievement"]["name"] = "Advanced surgery"
    report = verify(with_payload(credential.jwt, payload), jwks=public_jwks(), status_list=None)
    assert check(report, "Signature").ok is False
    assert report.summary == (
        "Not valid because the signature does not match: the file was changed after signing."
    )


def test_an_unknown_key_is_named(issued):
    _, credential = issued
    stranger = OKPKey.generate_key("Ed25519", private=True)
    forged = sign_payload(payload_of(credential.jwt), key=stranger, kid="https://evil/keys#1")
    report = verify(forged, jwks=public_jwks(), status_list=None)
    assert report.summary == (
        "Not valid because it was signed by a key the issuer does not publish "
        "('https://evil/keys#1')."
    )


def test_an_expired_credential_says_when(issued):
    _, credential = issued
    report = verify(
        credential.jwt,
        jwks=public_jwks(),
        status_list=status_list_current().jwt,
        now=NOW + timedelta(days=365 * 30),
    )
    assert check(report, "Dates").ok is False
    assert report.summary.startswith("Not valid because it expired on ")


def test_claims_that_disagree_with_the_credential_are_refused(issued):
    _, credential = issued
    payload = payload_of(credential.jwt)
    payload["sub"] = "urn:uuid:00000000-0000-0000-0000-000000000000"
    key = current_key()
    resigned = sign_payload(payload, key=key.key, kid=key.kid)
    report = verify(resigned, jwks=public_jwks(), status_list=None)
    assert check(report, "Signature").ok is True
    assert "the JWT claim sub does not match credentialSubject.id" in report.summary


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "a compact JWT has three parts separated by dots; this has 1"),
        (b"a.b", "this has 2"),
        (b"!!!.e30.e30", "the header is not base64url text"),
        (b"e30.e30.e30", "the header names algorithm None"),
        (b"W10.e30.e30", "the header is not a JSON object"),
        (b"\xff\xfe\x00", "neither UTF-8 text nor a PNG"),
        (b"{not json", "starts like JSON but is not valid JSON"),
        (b'{"@context": [], "type": ["VerifiableCredential"]}', "carries no signature"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "damaged"),
        (b"x" * (300 * 1024), "larger than 256 KB"),
        (b'{"a":' + b"[" * 200_000, "starts like JSON but is not valid JSON"),  # recursion
        (
            (
                b64url_encode(b'{"alg":"EdDSA"}') + "." + b64url_encode(b"[" * 50_000) + ".AA"
            ).encode(),
            "the payload is not JSON",
        ),
    ],
    ids=lambda value: value[:24] if isinstance(value, str) else None,
)
def test_malformed_files_say_what_is_wrong(raw, reason):
    """Deeply nested JSON (200,000 brackets fit in 256 KB) raised RecursionError, uncaught."""
    report = verify(raw, jwks=public_jwks(), status_list=None)
    assert_rejected(report)
    assert reason in report.summary


MUTATION_KINDS = ["flip", "swap_kid", "dates", "subject", "truncate", "drop_part"]


@hsettings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    kind=st.sampled_from(MUTATION_KINDS),
    position=st.integers(min_value=0, max_value=10**6),
    replacement=st.characters(codec="utf-8"),
    shift=st.integers(min_value=-(10**12), max_value=10**12).filter(lambda n: n != 0),
)
def test_every_mutation_of_a_valid_credential_is_rejected(
    issued, kind, position, replacement, shift
):
    _, credential = issued
    token = credential.jwt
    if kind == "flip":
        index = position % len(token)
        if token[index] == replacement:
            replacement = "A" if replacement != "A" else "B"
        mutated = token[:index] + replacement + token[index + 1 :]
    elif kind == "swap_kid":
        head = json.loads(base64.urlsafe_b64decode(segments(token)[0] + "=="))
        head["kid"] = head["kid"] + str(position)
        mutated = ".".join([b64url_encode(json.dumps(head).encode()), *segments(token)[1:]])
    elif kind == "dates":
        payload = payload_of(token)
        payload["exp"] += shift
        mutated = with_payload(token, payload)
    elif kind == "subject":
        payload = payload_of(token)
        payload["credentialSubject"]["identifier"][0]["identityHash"] = f"sha256${position:064x}"
        mutated = with_payload(token, payload)
    elif kind == "truncate":
        mutated = token[: position % len(token)]
    else:
        parts = segments(token)
        del parts[position % 3]
        mutated = ".".join(parts)
    report = verify(
        mutated.encode("utf-8", "surrogatepass"),
        jwks=public_jwks(),
        status_list=status_list_current().jwt,
    )
    assert_rejected(report)


@hsettings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    raw=st.binary(max_size=2000)
    | st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_arbitrary_bytes_never_raise(raw):
    assert_rejected(verify(raw, jwks=public_jwks(), status_list=None))


def test_the_last_signature_character_has_no_second_spelling(issued):
    """Base64url's unused low bits: a lenient decoder reads 'Q' and 'R' alike at the end."""
    _, credential = issued
    head, body, signature = segments(credential.jwt)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(signature[-1])
    sibling = alphabet[last ^ 1]  # same top bits for the 2 meaningful bits of an 86-char tail
    report = verify(
        ".".join([head, body, signature[:-1] + sibling]), jwks=public_jwks(), status_list=None
    )
    assert check(report, "Format").ok is False
    assert "not canonical base64url" in report.summary


def test_the_command_prints_each_check_and_exits_by_the_verdict(issued, tmp_path, capsys, client):
    _, credential = issued
    (tmp_path / "c.jwt").write_text(credential.jwt)
    (tmp_path / "keys.json").write_bytes(client.get("/.well-known/jwks.json").content)
    (tmp_path / "status").write_bytes(client.get("/credentials/status/revocation").content)
    args = ["--keys", str(tmp_path / "keys.json"), "--status-list", str(tmp_path / "status")]
    call_command("verify_credential", str(tmp_path / "c.jwt"), *args)
    out = capsys.readouterr().out
    assert out.count("PASS") == 6 and "Valid: every check passed." in out
    (tmp_path / "bad.jwt").write_text(with_payload(credential.jwt, {"forged": True}))
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_credential", str(tmp_path / "bad.jwt"), *args)
    assert exit_info.value.code == 1
    out = capsys.readouterr().out
    assert "FAIL  Signature: the signature does not match" in out
    assert "Not valid because" in out


def test_the_command_reads_the_downloaded_json(issued, tmp_path, capsys, client):
    certificate, _ = issued
    client.force_login(certificate.user)
    (tmp_path / "c.json").write_bytes(
        client.get(f"/certificates/{certificate.pk}/credential.json").content
    )
    call_command("verify_credential", str(tmp_path / "c.json"))
    assert "PASS  Signature" in capsys.readouterr().out


def test_upload_form_checks_a_file(issued, client):
    _, credential = issued
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.get("/certificates/verify/credential/")
    assert page.status_code == 200 and b'type="file"' in page.content
    upload = SimpleUploadedFile("c.jwt", credential.jwt.encode())
    response = client.post("/certificates/verify/credential/", {"credential": upload})
    assert response.status_code == 200
    assert b"Valid: every check passed." in response.content
    garbage = SimpleUploadedFile("c.jwt", b"\x00\xffnot a credential")
    response = client.post("/certificates/verify/credential/", {"credential": garbage})
    assert response.status_code == 200 and b"Not valid because" in response.content


def test_upload_form_refuses_huge_and_missing_files(client, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    def no_parsing(self):
        raise AssertionError("a huge body must be refused before it is parsed")

    browser = Client(enforce_csrf_checks=True)  # as a real browser: cookie and token
    token = browser.get("/certificates/verify/credential/").cookies["csrftoken"].value
    monkeypatch.setattr("django.http.multipartparser.MultiPartParser.parse", no_parsing)
    huge = SimpleUploadedFile("c.json", b"{" + b" " * (2 * 1024 * 1024))
    response = browser.post(
        "/certificates/verify/credential/", {"credential": huge, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 413 and b"too large" in response.content
    monkeypatch.undo()
    assert client.post("/certificates/verify/credential/", {}).status_code == 400


@pytest.mark.parametrize("index", ["١٢", "-1", "1e3", "99999999999", " 7", "131072"])
def test_a_status_index_that_is_not_plain_digits_in_range_is_refused(issued, index):
    """Unicode digits pass str.isdigit(); int() would read them. Neither may reach the list."""
    _, credential = issued
    payload = payload_of(credential.jwt)
    payload["credentialStatus"]["statusListIndex"] = index
    key = current_key()
    resigned = sign_payload(payload, key=key.key, kid=key.kid)
    report = verify(resigned, jwks=public_jwks(), status_list=status_list_current().jwt)
    assert check(report, "Status").ok is False, report.checks


@hsettings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    body=st.binary(max_size=4000)
    | st.text(alphabet=st.characters(codec="utf-8") | st.just("\x00"), max_size=300).map(
        lambda t: t.encode("utf-8", "surrogatepass")
    )
    | st.integers(min_value=-(10**40), max_value=10**40).map(lambda n: b'{"proof":{"jwt":%d}}' % n),
    name=st.text(min_size=1, max_size=40).filter(lambda n: "\x00" not in n and "/" not in n),
)
def test_the_upload_form_never_fails_with_a_server_error(issued, client, body, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(name.encode("utf-8", "replace").decode(), body)
    response = client.post("/certificates/verify/credential/", {"credential": upload})
    assert response.status_code in {200, 400, 413, 429}
