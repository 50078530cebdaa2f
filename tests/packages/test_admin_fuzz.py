"""Garbage in every POST field of the package admin: a clear 4xx or a preview, never a 500.

Strategies as in tests/quizzes/test_fuzz_endpoints.py: lone surrogates and NUL, Unicode digits,
integers beyond 64 bits; bodies are encoded by hand so a lone surrogate reaches the server as the
invalid UTF-8 a hostile client can send.
"""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.models import CoursePage
from packages.models import PendingPackage
from tests.packages import admin_support
from tests.packages.admin_support import IMPORT_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_each_database")]
course_index, private_root = admin_support.course_index, admin_support.private_root
instructor, instructor_client = admin_support.instructor, admin_support.instructor_client

SPECIAL = ["\x00", "\ud800", "\udfff", "\ud83d", "²", "١", "１", "\u2028", "\ufeff", "/"]
HUGE = [2**31, 2**63, 2**64, -(2**63) - 1, 10**300]
chars = st.characters(exclude_categories=[]) | st.sampled_from(SPECIAL)
texts = st.text(chars, max_size=60) | st.sampled_from(["ab\ud800cd", "12\x00", "x" * 43, "../x"])
values = texts | st.integers().map(str) | st.sampled_from(HUGE).map(str)
FIELDS = ["token", "update", "package", "csrfmiddlewaretoken", "next"]
FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ALLOWED = (200, 400, 403, 409, 413)


def multipart(fields: dict, file: tuple[str, bytes] | None) -> dict:
    boundary = "fuzzboundary7MA4YWxkTrZu0gW"
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(head.encode() + value.encode("utf-8", "surrogatepass") + b"\r\n")
    if file is not None:
        filename, data = file
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="package"; '
            f'filename="{filename}"\r\nContent-Type: application/zip\r\n\r\n'
        )
        parts.append(head.encode("utf-8", "surrogatepass") + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}


def nothing_imported():
    assert not CoursePage.objects.exists()


@FUZZ
@given(
    fields=st.dictionaries(st.sampled_from(FIELDS), values, max_size=5),
    file=st.none()
    | st.tuples(
        texts.filter(lambda t: '"' not in t and "\r" not in t and "\n" not in t),
        st.binary(max_size=300) | st.sampled_from([b"PK\x03\x04" + b"\0" * 40, b"PK\x05\x06"]),
    ),
)
def test_upload_never_500s(instructor_client, fields, file):
    response = instructor_client.post(IMPORT_URL, **multipart(fields, file))
    assert response.status_code in ALLOWED, response.content[:2000]
    nothing_imported()


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(FIELDS), values, min_size=1, max_size=5))
def test_confirm_never_500s(instructor_client, fields):
    fields.setdefault("token", "x")
    body = urlencode(fields, encoding="utf-8", errors="surrogatepass")
    response = instructor_client.post(
        IMPORT_URL, data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in ALLOWED, response.content[:2000]
    nothing_imported()
    assert not PendingPackage.objects.filter(consumed_at__isnull=False).exists()


@FUZZ
@given(page_id=st.sampled_from(HUGE) | st.integers(min_value=0), update=texts)
def test_export_and_get_never_500(instructor_client, page_id, update):
    assert instructor_client.get(f"/admin/packages/export/{page_id}/").status_code == 404
    query = urlencode({"update": update}, encoding="utf-8", errors="surrogatepass")
    assert instructor_client.get(f"{IMPORT_URL}?{query}").status_code in (200, 400)
