"""The OpenBadgeCredential signed with every certificate, checked by a second JOSE library."""

import hashlib
import json

import jwt as pyjwt
import pytest
from django.conf import settings

from certificates.badges import OB_CONTEXT, VC_CONTEXT
from certificates.credential_keys import public_jwks
from certificates.credential_services import credential_issue
from certificates.models import Certificate, IssuedCredential
from certificates.services import certificate_reissue, certificate_revoke
from tests.certificates.credential_support import *  # noqa: F403 - the fixtures
from tests.certificates.credential_support import independent_decode

pytestmark = pytest.mark.django_db


def test_issuing_a_certificate_signs_one_credential_that_pyjwt_verifies(issued):
    certificate, credential = issued
    header = pyjwt.get_unverified_header(credential.jwt)
    assert header == {"alg": "EdDSA", "kid": credential.kid, "typ": "JWT"}
    assert credential.kid.startswith(f"{settings.SITE_URL}/.well-known/jwks.json#")
    claims = independent_decode(credential.jwt, public_jwks())
    assert claims["@context"] == [VC_CONTEXT, OB_CONTEXT]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["iss"] == claims["issuer"]["id"] == f"{settings.SITE_URL}/credentials/issuer.json"
    assert claims["jti"] == claims["id"] == credential.credential_id
    assert claims["sub"] == claims["credentialSubject"]["id"]
    assert claims["nbf"] == int(certificate.issued_at.timestamp())
    assert claims["exp"] == int(certificate.expires_at.timestamp())
    achievement = claims["credentialSubject"]["achievement"]
    assert achievement["name"] == certificate.course_title
    assert achievement["creditsAvailable"] == 4.5
    assert claims["credentialSubject"]["result"][0]["value"] == "4.5"
    assert claims["evidence"][0]["id"] == (
        f"{settings.SITE_URL}/certificates/verify/{certificate.code}/"
    )
    status = claims["credentialStatus"]
    assert status["statusListIndex"] == str(credential.status_index)
    assert status["statusListCredential"] == f"{settings.SITE_URL}/credentials/status/revocation"


def test_the_holder_is_a_salted_hash_of_their_email_never_the_email(issued):
    certificate, credential = issued
    claims = pyjwt.decode(credential.jwt, options={"verify_signature": False})
    [identity] = claims["credentialSubject"]["identifier"]
    expected = hashlib.sha256((certificate.user.email.lower() + identity["salt"]).encode())
    assert identity["identityHash"] == "sha256$" + expected.hexdigest()
    assert identity["hashed"] is True and identity["identityType"] == "emailAddress"
    assert certificate.user.email.lower() not in json.dumps(claims).lower()
    assert len(identity["salt"]) == 32


def test_issuing_again_returns_the_same_credential(issued, django_assert_max_num_queries):
    certificate, credential = issued
    with django_assert_max_num_queries(5):
        again = credential_issue(certificate=certificate)
    assert again.pk == credential.pk
    assert IssuedCredential.objects.filter(certificate=certificate).count() == 1


def test_reissue_supersedes_the_old_credential_and_signs_a_new_one(
    issued, instructor, django_capture_on_commit_callbacks
):
    certificate, old = issued
    with django_capture_on_commit_callbacks(execute=True):
        certificate_reissue(certificate=certificate, reason="Name corrected", user=instructor)
    old.refresh_from_db()
    assert old.standing == "superseded" and old.status_set_at is not None
    new = IssuedCredential.objects.get(certificate=certificate, standing="live")
    assert new.pk != old.pk and new.status_index != old.status_index
    certificate.refresh_from_db()
    assert new.code == certificate.code != old.code


def test_revoking_sets_the_status_and_signs_nothing_new(
    issued, instructor, django_capture_on_commit_callbacks
):
    certificate, credential = issued
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, reason="Misconduct", user=instructor)
    credential.refresh_from_db()
    assert credential.standing == "revoked"
    assert credential_issue(certificate=Certificate.objects.get(pk=certificate.pk)) is None
    assert not IssuedCredential.objects.filter(certificate=certificate, standing="live").exists()


def test_a_taken_status_index_is_never_given_twice(issued, monkeypatch, issue):
    _, first = issued
    draws = iter([first.status_index, first.status_index, 77_777])
    monkeypatch.setattr("certificates.credential_services.secrets.randbelow", lambda n: next(draws))
    certificate = issue()
    second = IssuedCredential.objects.get(certificate=certificate)
    assert second.status_index == 77_777


def test_practical_skills_join_the_criteria_when_courses_have_them(issued, monkeypatch):
    certificate, credential = issued
    monkeypatch.setattr(
        "certificates.credential_services.practical_skills",
        lambda course: ("Needle handling", "Clean technique"),
    )
    IssuedCredential.objects.filter(pk=credential.pk).update(code="OLDCODE")  # force a new one
    fresh = credential_issue(certificate=certificate)
    claims = pyjwt.decode(fresh.jwt, options={"verify_signature": False})
    narrative = claims["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert "- Needle handling\n- Clean technique" in narrative


def test_the_sweep_signs_what_a_lost_task_left_and_only_that(
    issued, issue, instructor, django_assert_max_num_queries
):
    from certificates.credential_services import credentials_sweep

    certificate, credential = issued
    credential.delete()  # the task was lost (or production had no key yet)
    revoked = issue()
    certificate_revoke(certificate=revoked, reason="Fraud", user=instructor)
    assert credentials_sweep() == 1
    assert IssuedCredential.objects.filter(certificate=certificate, standing="live").count() == 1
    with django_assert_max_num_queries(1):
        assert credentials_sweep() == 0


def test_the_accrediting_body_and_the_validity_are_in_the_signed_credential(
    django_capture_on_commit_callbacks,
):
    from certificates.models import CertificateTemplate
    from tests.certificates.conftest import complete_course
    from tests.factories import UserFactory, build_course

    course = build_course(modules=1, lessons_per_module=1, validity_months=18)
    CertificateTemplate.objects.create(
        course=course,
        signatory_name="Ida Instructor",
        signatory_role="Course lead",
        accrediting_body="Chartered Society of Physiotherapy",
        provider_number="CSP-0042",
    )
    certificate = complete_course(UserFactory(), course, django_capture_on_commit_callbacks)
    credential = IssuedCredential.objects.get(certificate=certificate, standing="live")
    claims = independent_decode(credential.jwt, public_jwks())
    for profile in (claims["issuer"], claims["credentialSubject"]["achievement"]["creator"]):
        assert profile["description"] == (
            "Accredited by Chartered Society of Physiotherapy, provider number CSP-0042."
        )
        assert profile["otherIdentifier"][0]["identifier"] == "CSP-0042"
    narrative = claims["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert "Valid for 18 months from issue" in narrative
    assert claims["validUntil"] == certificate.expires_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    issued, expires = certificate.issued_at, certificate.expires_at
    assert (expires.year - issued.year) * 12 + expires.month - issued.month == 18
