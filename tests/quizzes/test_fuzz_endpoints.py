"""Random payloads to the autosave and form endpoints: a clear 4xx or a save, never a 500."""

import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.models import Attempt

pytestmark = pytest.mark.django_db

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def attempt(client, enrolled, all_types_quiz):
    client.force_login(enrolled)
    client.post(reverse("quizzes:start", args=[all_types_quiz.id]))
    return Attempt.objects.get(user=enrolled)


@FUZZ
@given(
    payload=st.one_of(
        json_values,
        st.fixed_dictionaries({"responses": st.dictionaries(st.text(max_size=4), json_values)}),
        st.fixed_dictionaries(
            {
                "responses": st.dictionaries(
                    st.sampled_from(["1", "2", "3", "4", "5", "6", "7"]), json_values
                )
            }
        ),
    )
)
def test_autosave_never_500s(client, attempt, payload):
    before = {row.position: row.response for row in attempt.questions.all()}
    response = client.post(
        reverse("quizzes:autosave", args=[attempt.id]),
        data=json.dumps(payload),
        content_type="application/json",
    )
    assert response.status_code in (200, 400), response.content
    body = response.json()
    assert "error" in body or "saved" in body
    after = {row.position: row.response for row in attempt.questions.all()}
    if response.status_code == 400:
        refused = {int(p) for p in body.get("errors", {})} or set(before)
        assert {p: after[p] for p in refused} == {p: before[p] for p in refused}


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(
            ["q1-present", "q1-choice", "q2-choices", "q3-value", "q4-value", "q5-text",
             "q6-match-x", "q7-rank-y", "page", "goto", "action"]
        ),
        st.text(max_size=20),
    )
)  # fmt: skip
def test_form_save_never_500s(client, attempt, fields):
    fields.pop("action", None)  # keep the attempt open for the next example
    response = client.post(reverse("quizzes:save", args=[attempt.id]), fields)
    assert response.status_code == 302
