"""Garbage in every field of the sign-off page's POST and the queue's filters: a 302 or a 400
with the form again, never a 500, and never a signature without the password and every criterion.

Strategies as in tests/packages/test_admin_fuzz.py: lone surrogates and NUL, Unicode digits
("²", "１": isdigit() yes, int() no), integers beyond 64 bits; bodies are encoded by hand so a lone
surrogate reaches the server as the invalid UTF-8 a hostile client can send. Runs on SQLite and,
in the postgres pass, on PostgreSQL (which refuses NUL in text).
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice.models import SignOffRequest
from practice.rules import record_hash
from tests.practice.skill_data import PASSWORD, skill_course
from tests.practice.test_services import requested

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_each_database")]

SPECIAL = ["\x00", "\ud800", "\udfff", "\ud83d", "²", "١", "１", "\u2028", "\ufeff"]
HUGE = [2**31, 2**63, 2**64, -(2**63) - 1, 10**300]
chars = st.characters(exclude_categories=[]) | st.sampled_from(SPECIAL)
texts = st.text(chars, max_size=40) | st.sampled_from(
    ["ab\ud800cd", "12\x00", "-1", "0", "x" * 5000]
)
values = texts | st.integers().map(str) | st.sampled_from(HUGE).map(str)
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def case(client):
    data = skill_course()
    trainee = data.ready_to_practise()
    data.finish_theory(trainee)
    request = requested(data, trainee)
    client.force_login(data.instructor)
    return data, request


def body(pairs) -> dict:
    return {
        "data": urlencode(pairs, encoding="utf-8", errors="surrogatepass"),
        "content_type": "application/x-www-form-urlencoded",
    }


@FUZZ
@given(
    action=st.sampled_from(["sign", "return", "withdraw"]) | texts,
    password=st.sampled_from([PASSWORD]) | values,
    criteria=st.lists(values | st.sampled_from(["<first>", "<second>"]), max_size=4),
    extra=st.lists(
        st.tuples(st.sampled_from(["comment", "reason", "password", "action"]), values),
        max_size=3,
    ),
)
def test_detail_post_never_500s(client, case, action, password, criteria, extra):
    data, request = case
    pairs = [("action", action), ("password", password)]
    real = {"<first>": str(data.criteria_ids[0]), "<second>": str(data.criteria_ids[1])}
    pairs += [("criteria", real.get(value, value)) for value in criteria] + extra
    response = client.post(reverse("practice_signoff", args=[request.pk]), **body(pairs))
    assert response.status_code in (302, 400), response.content[:2000]
    request = SignOffRequest.objects.get(pk=request.pk)
    if request.status == "signed":  # only ever with the password and every criterion
        assert request.signed_hash == record_hash(request.signed_content)
        ids = {c["id"] for c in request.signed_content["criteria_observed"]}
        assert ids == set(data.criteria_ids) and password == PASSWORD
    if request.status == "returned":
        assert "\x00" not in request.comment and request.comment.strip()


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["status", "q", "course", "skill", "submitted_from", "submitted_to", "p"]),
        values,
        max_size=5,
    )
)
def test_queue_filters_never_500(client, case, params):
    query = urlencode(params, encoding="utf-8", errors="surrogatepass")
    response = client.get(f"{reverse('practice_queue')}?{query}")
    assert response.status_code == 200, response.content[:2000]


@FUZZ
@given(request_id=st.sampled_from(HUGE) | st.integers(min_value=0))
def test_unknown_ids_are_404(client, case, request_id):
    data, request = case
    if request_id != request.pk:
        assert client.get(f"/admin/practice/signoffs/{request_id}/").status_code == 404
