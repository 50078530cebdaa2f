"""Hostile input to the logbook's POST endpoints and the co-signing link: a clear 4xx (or a
success), never a 500, and nothing unstorable saved. The strategies are the house ones
(tests/quizzes/test_fuzz_endpoints.py): lone surrogates, NUL, Unicode digits, huge integers."""

import json
from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from practice.models import PracticeSession, SignOffRequest, SupervisorInvitation
from practice.services import (
    practice_session_log,
    signoff_request_submit,
    supervisor_invitation_create,
)
from tests.practice.skill_data import skill_course
from tests.quizzes.test_fuzz_endpoints import (
    FUZZ,
    UNSTORABLE,
    form,
    ids,
    integers,
    numbers_as_text,
    texts,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_each_database")]

SESSION_FIELDS = [
    "practised_on", "setting", "supervisor", "external_supervisor", "criteria", "reflection",
    "criteria[0][0]", "supervisor[]",
]  # fmt: skip
dates = st.one_of(
    st.dates().map(str),
    st.sampled_from(["2026-02-30", "٢٠٢٦-٠١-٠١", "２０２６-01-01", "9999-12-31", "0000-00-00"]),
    numbers_as_text,
)
values = st.one_of(
    numbers_as_text,
    dates,
    st.lists(numbers_as_text, max_size=5),
    st.just([str(n) for n in range(2000)]),  # a flood of criteria
    st.text(max_size=5000).map(lambda t: t + "[" * 200),
)


@pytest.fixture
def practising(client):
    data = skill_course(allow_external_supervisor=True)
    trainee = data.ready_to_practise()
    client.force_login(trainee)
    data.trainee = trainee
    return data


def assert_all_storable():
    for session in PracticeSession.objects.all():
        stored = json.dumps(
            [session.external_supervisor, session.reflection, session.criteria_met],
            ensure_ascii=False,
        )
        assert not UNSTORABLE.search(stored)


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(SESSION_FIELDS), values))
def test_log_session_never_500s(client, practising, fields):
    response = client.post(
        reverse("practice:log_session", args=[practising.skill.id]), **form(fields)
    )
    assert response.status_code in (302, 400), response.status_code
    assert_all_storable()


@FUZZ
@given(
    fields=st.fixed_dictionaries(
        {
            "practised_on": dates,
            "supervisor": numbers_as_text,
            "criteria": st.lists(numbers_as_text),
        }
    )
)
def test_log_session_with_hostile_ids_never_500s(client, practising, fields):
    fields |= {"setting": "course", "reflection": "ok"}
    before = PracticeSession.objects.count()
    response = client.post(
        reverse("practice:log_session", args=[practising.skill.id]), **form(fields)
    )
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert PracticeSession.objects.count() == before


@FUZZ
@given(skill_id=ids, body=st.dictionaries(texts, numbers_as_text, max_size=4))
def test_any_skill_id_never_500s(client, practising, skill_id, body):
    for name in ("log_session", "request", "invite"):
        path = {"log_session": "sessions", "request": "request", "invite": "invite"}[name]
        response = client.post(f"/skills/{skill_id}/{path}/", **form(body))
        assert response.status_code in (302, 400, 403, 404), (path, response.status_code)
    assert client.get(f"/courses/{skill_id}/logbook.pdf").status_code in (200, 404)


@FUZZ
@given(name=texts, email=st.one_of(texts, st.emails(), st.just("a@b.c" + "\x00")))
def test_invite_never_500s(client, practising, name, email):
    if not SignOffRequest.objects.exists():
        for _ in range(2):
            practice_session_log(
                user=practising.trainee,
                skill=practising.skill,
                practised_on=practising.trainee.date_joined.date(),
                setting="course",
                supervisor=practising.instructor,
            )
        signoff_request_submit(user=practising.trainee, skill=practising.skill)
    response = client.post(
        reverse("practice:invite_supervisor", args=[practising.skill.id]),
        **form({"name": name, "email": email}),
    )
    assert response.status_code in (302, 400)
    for invitation in SupervisorInvitation.objects.all():
        assert not UNSTORABLE.search(invitation.name + invitation.email)


@FUZZ
@given(
    token=texts.filter(bool),
    fields=st.dictionaries(
        st.sampled_from(["name", "registration", "criteria", "confirm"]), values
    ),
)
def test_forged_cosign_links_never_500(client, token, fields):
    path = "/practice/cosign/" + quote(token.encode("utf-8", "surrogatepass"), safe="") + "/"
    assert client.get(path).status_code in (404, 410)
    assert client.post(path, **form(fields)).status_code in (404, 410)


@pytest.fixture
def invited(practising):
    for _ in range(2):
        practice_session_log(
            user=practising.trainee,
            skill=practising.skill,
            practised_on=practising.trainee.date_joined.date(),
            setting="course",
            supervisor=practising.instructor,
        )
    practice_session_log(
        user=practising.trainee,
        skill=practising.skill,
        practised_on=practising.trainee.date_joined.date(),
        setting="course",
        external_supervisor="Sup",
    )
    signoff_request_submit(user=practising.trainee, skill=practising.skill)
    _, practising.token = supervisor_invitation_create(
        user=practising.trainee, skill=practising.skill, email="sup@example.org", name="Sup"
    )
    return practising


@FUZZ
@given(
    fields=st.fixed_dictionaries(
        {
            "name": texts,
            "registration": texts,
            "criteria": st.lists(st.one_of(numbers_as_text, integers.map(str)), max_size=4),
            "confirm": st.sampled_from(["on", "", "\x00", "١"]),
        }
    )
)
def test_cosign_form_never_500s(client, invited, fields):
    client.logout()
    response = client.post(reverse("practice_cosign", args=[invited.token]), **form(fields))
    assert response.status_code in (200, 400, 410)
    request = SignOffRequest.objects.get()
    assert not UNSTORABLE.search(
        request.external_signer_name + request.external_signer_registration
    )
    if response.status_code == 400:
        assert request.status == "awaiting"
