"""Shared tokens are read once per request (courses/middleware.py, outline_cache.tokens_read_once)
and never past a write the request made itself."""

import pytest
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from courses import outline_cache, trainee_cache
from courses.middleware import likely_token_keys
from courses.services import enrollment_create, lesson_complete
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db

OUTLINE = outline_cache.TOKEN_KEY


@pytest.fixture
def reads(monkeypatch):
    """Each round trip to the shared cache, as the list of keys it asked for."""
    seen = []
    read = outline_cache._read_tokens

    def counted(keys):
        seen.append(sorted(keys))
        return read(keys)

    monkeypatch.setattr(outline_cache, "_read_tokens", counted)
    return seen


@pytest.mark.parametrize("which", ["course", "lesson", "dashboard"])
def test_a_trainee_page_makes_one_round_trip_for_both_tokens(client, trainee, course, reads, which):
    enrollment_create(user=trainee, course=course)
    client.force_login(trainee)
    url = {"course": course.url, "lesson": lessons_of(course)[1].url, "dashboard": "/learning/"}
    client.get(url[which])
    reads.clear()
    assert client.get(url[which]).status_code == 200
    assert reads == [sorted([OUTLINE, trainee_cache.token_key(trainee.pk)])]


def test_a_write_within_the_request_is_seen_by_its_later_reads(trainee, course):
    enrollment_create(user=trainee, course=course)
    user_key = trainee_cache.token_key(trainee.pk)
    with outline_cache.tokens_read_once():
        before = outline_cache.current_tokens(OUTLINE, user_key)
        assert outline_cache.current_tokens(OUTLINE, user_key) == before  # read once
        lesson_complete(user=trainee, lesson=lessons_of(course)[0])
        after_write = outline_cache.current_tokens(OUTLINE, user_key)
        assert after_write[user_key] != before[user_key]
        outline_cache.pages_changed()
        assert outline_cache.current_tokens(OUTLINE)[OUTLINE] != before[OUTLINE]


def test_another_process_change_shows_in_the_next_request(trainee):
    """Within one request a token holds still; the next request reads it again."""
    user_key = trainee_cache.token_key(trainee.pk)
    with outline_cache.tokens_read_once():
        first = outline_cache.current_tokens(user_key)
        outline_cache._shared_cache().delete(user_key)  # another process's write
        assert outline_cache.current_tokens(user_key) == first
    with outline_cache.tokens_read_once():
        assert outline_cache.current_tokens(user_key) != first


def test_without_the_shared_cache_a_request_reads_nothing_kept(monkeypatch):
    monkeypatch.setattr(outline_cache, "_read_tokens", lambda keys: None)
    with outline_cache.tokens_read_once(lambda: [OUTLINE]):
        assert outline_cache.current_tokens(OUTLINE) is None
        assert outline_cache.current_token() is None


def request_with_session_user(value):
    request = RequestFactory().get("/")
    request.session = {"_auth_user_id": value}
    return request


def test_the_signed_in_trainee_token_is_expected_with_the_outline():
    assert likely_token_keys(request_with_session_user("42")) == [
        OUTLINE,
        trainee_cache.token_key(42),
    ]
    request = RequestFactory().get("/")
    assert likely_token_keys(request) == [OUTLINE]  # no session middleware ran


@given(
    st.one_of(
        st.text(),
        st.sampled_from(["١٢", "\x00", "\ud800", "1\ud800", "9" * 40, " 7", "7\n", "-3"]),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.none(),
        st.lists(st.integers()),
    )
)
def test_any_session_value_names_a_key_or_none(value):
    """A tampered or odd session never breaks a request: Unicode digits, NUL, lone surrogates
    and huge numbers give no trainee key, or a plain ASCII one."""
    keys = likely_token_keys(request_with_session_user(value))
    assert keys[0] == OUTLINE and len(keys) <= 2
    if len(keys) == 2:
        assert keys[1].isascii() and keys[1].removeprefix("trainee-state:").isdigit()
