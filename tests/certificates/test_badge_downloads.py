"""The holder's credential files: .json, .jwt and the baked PNG badge; nobody else's."""

import io
import json
import struct
import zlib
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from PIL import Image

from certificates.badge_png import KEYWORD, BakingError, badge_image, bake, extract
from certificates.credential_keys import public_jwks
from certificates.credential_services import status_list_current
from certificates.credential_verify import verify
from certificates.models import IssuedCredential
from tests.certificates.credential_support import *  # noqa: F403 - the fixtures
from tests.factories import UserFactory


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_baking_and_extracting_round_trips_and_the_image_still_opens():
    png = bake(badge_image(title="Dry needling safety", issuer="Needlepoint Academy"), "a.b.c")
    assert extract(png) == "a.b.c"
    image = Image.open(io.BytesIO(png))
    assert image.size == (400, 400) and image.text[KEYWORD] == "a.b.c"
    assert f"iTXt{KEYWORD}".encode() + b"\0\0\0" in png  # uncompressed, as OB 3.0 requires


def test_two_baked_credentials_or_a_compressed_one_are_refused():
    png = bake(badge_image(title="T", issuer="I"), "a.b.c")
    end = png.rindex(b"IEND") - 4
    twice = png[:end] + chunk(b"iTXt", f"{KEYWORD}\0\0\0\0\0x.y.z".encode()) + png[end:]
    with pytest.raises(BakingError, match="more than one"):
        extract(twice)
    plain = bake(badge_image(title="T", issuer="I"), "a.b.c").replace(b"iTXt", b"tEXt")
    with pytest.raises(BakingError):
        extract(plain)
    squashed = png[:end] + chunk(b"iTXt", f"{KEYWORD}\0\1\0\0\0xx".encode()) + png[end:]
    with pytest.raises(BakingError):
        extract(squashed)


@pytest.mark.django_db
def test_the_holder_downloads_json_jwt_and_a_badge_that_verifies(
    issued, client, django_assert_max_num_queries
):
    certificate, credential = issued
    client.force_login(certificate.user)
    base = f"/certificates/{certificate.pk}"
    with django_assert_max_num_queries(12):
        jwt_response = client.get(f"{base}/credential.jwt")
    assert jwt_response.status_code == 200
    assert jwt_response.content.decode() == credential.jwt
    assert "attachment" in jwt_response["Content-Disposition"]
    envelope = json.loads(client.get(f"{base}/credential.json").content)
    assert envelope["type"] == "EnvelopedVerifiableCredential"
    assert envelope["id"] == f"data:application/vc+jwt,{credential.jwt}"
    png = client.get(f"{base}/badge.png")
    assert png["Content-Type"] == "image/png"
    assert extract(png.content) == credential.jwt
    status = status_list_current().jwt
    for body in (jwt_response.content, json.dumps(envelope).encode(), png.content):
        assert verify(body, jwks=public_jwks(), status_list=status).valid
    assert IssuedCredential.objects.filter(certificate=certificate).count() == 1


@pytest.mark.django_db
def test_someone_elses_credential_is_a_404(issued, client):
    certificate, _ = issued
    client.force_login(UserFactory())
    for name in ("credential.json", "credential.jwt", "badge.png"):
        assert client.get(f"/certificates/{certificate.pk}/{name}").status_code == 404
    client.logout()
    response = client.get(f"/certificates/{certificate.pk}/badge.png")
    assert response.status_code == 302  # to the log-in page


@pytest.mark.django_db
def test_my_certificates_offers_the_files_and_linkedin(issued, client):
    certificate, _ = issued
    client.force_login(certificate.user)
    page = client.get("/certificates/").content.decode()
    assert f"/certificates/{certificate.pk}/credential.json" in page
    assert f"/certificates/{certificate.pk}/badge.png" in page
    link = next(
        part.split('"')[0]
        for part in page.split('href="')
        if part.startswith("https://www.linkedin.com/profile/add")
    )
    query = parse_qs(urlparse(link.replace("&amp;", "&")).query)
    assert query["certUrl"] == [f"{settings.SITE_URL}/certificates/verify/{certificate.code}/"]
    assert query["name"] == [certificate.course_title]
    assert query["issueYear"] == [str(certificate.issued_at.year)]
    assert query["startTask"] == ["CERTIFICATION_NAME"]


@pytest.mark.django_db
def test_a_missing_credential_is_signed_on_download(issued, client):
    """If the worker has not got to it (Redis down), the holder still gets one."""
    certificate, credential = issued
    credential.delete()
    client.force_login(certificate.user)
    response = client.get(f"/certificates/{certificate.pk}/credential.jwt")
    assert response.status_code == 200
    assert IssuedCredential.objects.get(certificate=certificate).jwt == response.content.decode()


@pytest.mark.django_db
def test_a_revoked_certificate_offers_no_credential(issued, client, instructor):
    from certificates.services import certificate_revoke

    certificate, _ = issued
    certificate_revoke(certificate=certificate, reason="Fraud", user=instructor)
    client.force_login(certificate.user)
    assert client.get(f"/certificates/{certificate.pk}/credential.jwt").status_code == 404
    assert "credential.json" not in client.get("/certificates/").content.decode()
