"""Random payloads to every trainee endpoint: a clear 4xx or a success, never a 500.

The strategies lean on what once broke the product: lone surrogates and NUL (unstorable text),
deep nesting (RecursionError), Unicode digits ("²", "١", "１": `isdigit()` yes, `int()` no) and
integers beyond 64 bits (SQLite's OverflowError). Every test runs twice: on SQLite in the main
pass and on PostgreSQL in `make test`'s postgres pass (the `postgres`-marked parameter).
"""

import json
import re
from urllib.parse import quote, urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.models import Attempt
from tests.factories import lessons_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_each_database")]

SPECIAL = ["\x00", "\ud800", "\udfff", "\ud83d", "²", "¹", "١", "１", "٣", "\u2028", "\ufeff"]
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # what PostgreSQL refuses or UTF-8 cannot encode
HUGE = [2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30, 10**300]

chars = st.characters(exclude_categories=[]) | st.sampled_from(SPECIAL)
texts = st.text(chars, max_size=20) | st.sampled_from(["ab\ud800cd", "¹²³", "12\x00"])
integers = st.integers() | st.sampled_from(HUGE)
DIGITS_THAT_ARE_NOT = ["²", "¹²³", "١٢", "１", "٣", " 1", "+1", "1_0", "0", "-1", "1e3"]
numbers_as_text = st.one_of(
    integers.map(str),
    st.sampled_from(DIGITS_THAT_ARE_NOT),
    st.text(st.characters(categories=["Nd", "No"]) | st.sampled_from("0123456789"), max_size=5),
    texts,
)
json_values = st.recursive(
    st.none() | st.booleans() | integers | st.floats() | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=12,
)
positions = st.sampled_from(["1", "2", "3", "4", "5", "6", "7", "8"]) | numbers_as_text
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def attempt(client, enrolled, all_types_quiz):
    client.force_login(enrolled)
    client.post(reverse("quizzes:start", args=[all_types_quiz.id]))
    return Attempt.objects.get(user=enrolled)


def stored(attempt) -> dict:
    return {row.position: row.response for row in attempt.questions.all()}


def assert_storable(responses: dict) -> None:
    assert not UNSTORABLE.search(json.dumps(responses, ensure_ascii=False)), responses


def form(data: dict) -> dict:
    """Encoded by hand: a lone surrogate goes out as the invalid UTF-8 a hostile client can send."""
    body = urlencode(data, encoding="utf-8", errors="surrogatepass")
    return {"data": body, "content_type": "application/x-www-form-urlencoded"}


def deep(depth: int) -> str:
    return '{"responses": {"1": ' + "[" * depth


@FUZZ
@given(
    body=st.one_of(
        json_values.map(json.dumps),
        st.fixed_dictionaries({"responses": st.dictionaries(positions, json_values)}).map(
            json.dumps
        ),
        st.integers(min_value=9, max_value=70_000).map(deep),
        st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
    )
)
def test_autosave_never_500s(client, attempt, body):
    before = stored(attempt)
    response = client.post(
        reverse("quizzes:autosave", args=[attempt.id]), data=body, content_type="application/json"
    )
    assert response.status_code in (200, 400, 413), response.content
    payload = response.json()
    assert "error" in payload or "saved" in payload
    after = stored(attempt)
    assert_storable(after)
    if response.status_code != 200:
        refused = {int(p) for p in payload.get("errors", {})} or set(before)
        assert {p: after[p] for p in refused} == {p: before[p] for p in refused}
    if after != before:  # whatever was saved can be shown again
        assert client.get(reverse("quizzes:attempt", args=[attempt.id])).status_code == 200


FORM_FIELDS = [
    "q1-present", "q1-choice", "q2-choices", "q3-value", "q4-value", "q5-text", "q6-match-x",
    "q7-rank-y", "q8-x", "q8-y", "page", "goto", "action",
]  # fmt: skip


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(FORM_FIELDS), numbers_as_text))
def test_form_save_never_500s(client, attempt, fields):
    fields.pop("action", None)  # keep the attempt open for the next example
    before = stored(attempt)
    response = client.post(reverse("quizzes:save", args=[attempt.id]), **form(fields))
    assert response.status_code in (302, 400)
    after = stored(attempt)
    assert_storable(after)
    if response.status_code == 400:
        assert after == before  # refused before anything was saved
        assert "Nothing was changed" in response.content.decode()


@FUZZ
@given(page=numbers_as_text)
def test_attempt_page_never_500s(client, attempt, page):
    query = urlencode({"page": page}, encoding="utf-8", errors="surrogatepass")
    response = client.get(reverse("quizzes:attempt", args=[attempt.id]) + "?" + query)
    assert response.status_code == 200


ids = st.one_of(
    integers.filter(lambda n: n >= 0).map(str),
    st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=4).map(quote),
)


@FUZZ
@given(quiz_id=ids, attempt_id=ids)
def test_start_submit_and_result_with_any_id_never_500(client, attempt, quiz_id, attempt_id):
    assert client.post(f"/quizzes/{quiz_id}/start/").status_code in (302, 404)
    assert client.get(f"/attempts/{attempt_id}/").status_code in (200, 302, 404)
    assert client.get(f"/attempts/{attempt_id}/result/").status_code in (200, 302, 404)
    assert client.post(f"/attempts/{attempt_id}/submit/").status_code in (302, 404)


@FUZZ
@given(course_id=ids, lesson_id=ids, next_lesson=numbers_as_text)
def test_enrol_and_complete_never_500(
    client, enrolled, quiz_course, course_id, lesson_id, next_lesson
):
    client.force_login(enrolled)
    assert client.post(f"/courses/{course_id}/enrol/").status_code in (302, 404)
    lesson = lessons_of(quiz_course)[0]
    for path in (f"/lessons/{lesson_id}/complete/", f"/lessons/{lesson.id}/complete/"):
        response = client.post(path, **form({"next_lesson": next_lesson}))
        assert response.status_code in (302, 400, 403, 404)


@FUZZ
@given(query=texts, page=numbers_as_text)
def test_search_never_500s(client, query, page):
    params = urlencode({"q": query, "page": page}, encoding="utf-8", errors="surrogatepass")
    assert client.get("/search/?" + params).status_code == 200
