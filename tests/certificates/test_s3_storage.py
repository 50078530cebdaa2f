"""CERTIFICATE_STORAGE=s3: PDFs go to a private bucket and come back only through the download view.

Runs against moto's S3 server on loopback (a real HTTP S3 API, not a mock of boto3), so the
django-storages backend, its ACLs and the streaming download are exercised end to end.
"""

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import StorageHandler
from django.urls import reverse

from certificates.models import Certificate
from certificates.s3_storage import PrivateS3Storage
from certificates.services import certificate_render
from certificates.storage import private_storage
from config.devserver import free_port
from config.storage_env import private_storage_from_env

pytestmark = pytest.mark.django_db
BUCKET = "needlepoint-private"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_env(s3_endpoint):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    yield (
        {
            "CERTIFICATE_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            **CREDENTIALS,
        },
        client,
    )
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def s3_storage(s3_env, monkeypatch):
    """The storage production settings build from the environment, on the PDF field."""
    env, client = s3_env
    storage = StorageHandler({"private": private_storage_from_env(env)})["private"]
    monkeypatch.setattr(Certificate._meta.get_field("pdf"), "storage", storage)
    return storage, client


def keys(client):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_the_pdf_is_stored_privately_in_the_bucket_and_downloaded_through_the_view(
    client, issue, s3_storage
):
    storage, s3 = s3_storage
    certificate = issue()
    key = f"certificates/{certificate.code}.pdf"
    assert certificate.pdf.name == key
    assert keys(s3) == [key]
    stored = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert stored.startswith(b"%PDF")
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only
    assert all(grant["Grantee"]["Type"] == "CanonicalUser" for grant in grants)
    with pytest.raises(ValueError, match="no public URL"):
        certificate.pdf.url  # noqa: B018 - the property is the thing under test

    client.force_login(certificate.user)
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
    assert response["Cache-Control"] == "private, no-store"


def test_a_re_render_stores_a_new_object_and_deletes_the_old_one_after_commit(
    issue, s3_storage, django_capture_on_commit_callbacks
):
    storage, s3 = s3_storage
    certificate = issue()
    old = certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        rendered = certificate_render(certificate=Certificate.objects.get(pk=certificate.pk))
    assert rendered.pdf.name != old  # never overwritten in place, like the filesystem
    assert keys(s3) == [rendered.pdf.name]


def test_other_users_get_404_and_nothing_is_read_from_the_bucket(client, issue, s3_storage):
    from tests.factories import UserFactory

    certificate = issue()
    client.force_login(UserFactory())
    assert client.get(reverse("certificates:download", args=[certificate.pk])).status_code == 404


def test_settings_pick_the_bucket_only_when_asked(settings, s3_env):
    env, _ = s3_env
    assert private_storage_from_env({}) is None
    assert private_storage_from_env({"CERTIFICATE_STORAGE": "filesystem"}) is None
    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        private_storage_from_env({"CERTIFICATE_STORAGE": "s3"})
    with pytest.raises(ImproperlyConfigured, match="'filesystem' or 's3'"):
        private_storage_from_env({"CERTIFICATE_STORAGE": "gcs"})
    entry = private_storage_from_env(env)
    assert entry["OPTIONS"]["default_acl"] == "private"
    settings.STORAGES = {**settings.STORAGES, "private": entry}
    storage = private_storage()
    assert isinstance(storage, PrivateS3Storage)
    assert storage.bucket_name == BUCKET
    assert storage.file_overwrite is False
