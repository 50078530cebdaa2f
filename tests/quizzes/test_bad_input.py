"""Input that once gave 500s: unstorable text, deep JSON, Unicode digits, huge integers.

Each is refused with a 4xx and a message, and nothing saved before is lost. Runs on SQLite and
on PostgreSQL (which refuses NUL outright: a 500 on save before this was fixed).
"""

import json

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.quizzes.test_attempts import key_response

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_each_database")]

UNSTORABLE = ["ab\ud800cd", "x\udfff", "ab\x00cd", "\x00"]


@pytest.fixture
def started(client, enrolled, all_types_quiz):
    client.force_login(enrolled)
    client.post(reverse("quizzes:start", args=[all_types_quiz.id]))
    return Attempt.objects.get(user=enrolled)


def autosave(client, attempt, payload=None, raw=None):
    return client.post(
        reverse("quizzes:autosave", args=[attempt.id]),
        data=raw if raw is not None else json.dumps(payload),
        content_type="application/json",
    )


def row_of(attempt, kind):
    return attempt.questions.get(snapshot__type=kind)


@pytest.mark.parametrize("text", UNSTORABLE)
def test_unstorable_text_is_refused_by_question_and_keeps_the_rest(client, started, text):
    row, single = row_of(started, "short_text"), row_of(started, "single_choice")
    field = "text"
    autosave(client, started, {"responses": {str(row.position): {field: "12"}}})
    payload = {
        "responses": {
            str(single.position): key_response(single),
            str(row.position): {field: text},
        }
    }
    response = autosave(client, started, payload)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["saved"] == 1
    assert "characters" in body["errors"][str(row.position)]
    row.refresh_from_db()
    single.refresh_from_db()
    assert row.response == {field: "12"}  # the earlier answer stands
    assert single.response == key_response(single)
    # The pages that used to answer 500 for ever still render, then the result does too.
    assert client.get(reverse("quizzes:attempt", args=[started.id])).status_code == 200
    client.post(reverse("quizzes:submit", args=[started.id]))
    assert client.get(reverse("quizzes:result", args=[started.id])).status_code == 200


@pytest.mark.parametrize(
    "raw",
    [
        {"matches": {"\ud800": "x"}},
        {"choices": ["a\x00"]},
        {"choice": "\udc00"},
        {"order": ["\x00"]},
        {"x": "1\x00", "y": "2"},
        {"value": "1\ud800"},
    ],
)
def test_unstorable_text_anywhere_in_an_answer_is_refused(client, started, raw):
    positions = [str(row.position) for row in started.questions.all()]
    response = autosave(client, started, {"responses": dict.fromkeys(positions, raw)})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == set(positions)
    assert not started.questions.exclude(response={}).exists()


def test_nul_in_a_form_answer_is_refused_by_question(client, started):
    row = row_of(started, "short_text")
    data = {f"q{row.position}-present": "1", f"q{row.position}-text": "pneumo\x00thorax"}
    response = client.post(reverse("quizzes:save", args=[started.id]), data, follow=True)
    assert response.status_code == 200
    assert f"Question {row.position}: " in response.content.decode()
    row.refresh_from_db()
    assert row.response == {}


@pytest.mark.parametrize(
    "raw",
    [
        '{"responses": {"1": ' + "[" * 60_000,  # what crashed the parser (RecursionError)
        '{"responses": {"1": ' + "[" * 2_000 + "]" * 2_000 + "}}",
        '{"responses": {"1": {"text": ' + "[" * 30 + "]" * 30 + "}}}",
    ],
)
def test_deeply_nested_json_is_a_clear_400(client, started, raw):
    response = autosave(client, started, raw=raw)
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["error"]
    assert not started.questions.exclude(response={}).exists()


@pytest.mark.parametrize("key", [str(2**63), str(2**64 + 1), "9" * 30, "１", "²", " 1", "+1"])
def test_position_keys_must_be_plain_small_numbers(client, started, key):
    response = autosave(client, started, {"responses": {key: {"text": "x"}}})
    assert response.status_code == 400
    assert "not part of this attempt" in response.json()["error"]
    assert not started.questions.exclude(response={}).exists()


@pytest.mark.parametrize(("field", "value"), [("page", "²"), ("goto", "¹²³"), ("page", "٣")])
def test_unicode_digits_in_page_numbers_are_a_400(client, started, field, value):
    row = row_of(started, "single_choice")
    data = {
        f"q{row.position}-present": "1",
        f"q{row.position}-choice": key_response(row)["choice"],
        field: value,
    }
    response = client.post(reverse("quizzes:save", args=[started.id]), data)
    assert response.status_code == 400
    assert "page number" in response.content.decode()


@pytest.mark.parametrize("value", ["²", "٣", str(2**63), "-1", "1e3"])
def test_attempt_page_with_a_strange_page_number_shows_the_first_page(client, started, value):
    response = client.get(reverse("quizzes:attempt", args=[started.id]), {"page": value})
    assert response.status_code == 200


@pytest.mark.parametrize("big", [2**63, 2**64, 10**30])
@pytest.mark.parametrize("name", ["attempt", "result"])
def test_huge_attempt_ids_are_404(client, started, name, big):
    suffix = "result/" if name == "result" else ""
    assert client.get(f"/attempts/{big}/{suffix}").status_code == 404


@pytest.mark.parametrize("big", [2**63, 2**64, 10**30])
@pytest.mark.parametrize("action", ["save", "autosave", "submit"])
def test_huge_attempt_ids_are_404_on_writes(client, started, action, big):
    response = client.post(f"/attempts/{big}/{action}/", data="{}", content_type="application/json")
    assert response.status_code == 404


@pytest.mark.parametrize("big", [2**63, 10**30])
def test_huge_quiz_id_to_start_is_404(client, started, big):
    assert client.post(f"/quizzes/{big}/start/").status_code == 404


def test_a_form_too_big_to_read_gets_the_400_page(client, started, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = {f"field{index}": "1" for index in range(60)}
    response = client.post(reverse("quizzes:save", args=[started.id]), data)
    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
