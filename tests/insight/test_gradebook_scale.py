"""The gradebook costs the same queries for 4 trainees as for 120 (a page of 50 plus a funnel over
all of them), and no query string, however odd, makes it fail."""

from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.services import lesson_complete
from tests.insight.grade_data import gradebook_course, instructor_of, take

pytestmark = pytest.mark.django_db
URL = reverse("insight_gradebook")


def _grow(data, count):
    for n in range(count):
        user = data.enrol(full_name=f"Extra {n:03d}")
        if n % 3 == 0:
            lesson_complete(user=user, lesson=data.lessons[0])
        if n % 5 == 0:
            take(data.gate, user, right=n % 2 == 0)


def _queries(client, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("params", [{}, {"status": "stuck"}, {"q": "extra", "sort": "-activity"}])
def test_a_page_costs_the_same_queries_for_small_and_large_cohorts(client, params):
    data = gradebook_course()
    data.stuck(full_name="Cleo Stuck")
    data.in_progress(full_name="Ben Busy")
    _grow(data, 2)
    client.force_login(instructor_of(data.course))
    client.get(URL)  # warm the per-process caches (content types, site)
    small, small_response = _queries(client, params)
    _grow(data, 120)
    large, large_response = _queries(client, params)
    assert large == small, (small, large)
    assert len(large_response.context["rows"]) > len(small_response.context["rows"]) or params
    # 12 of them the admin's own: session, permissions, menu (the instructor's courses, read
    # once for every menu item, and the count of sign-off requests waiting), locale
    assert small <= 22


def _raw_query(params: dict[str, str]) -> str:
    """As a client could send it: lone surrogates become the bytes a careless encoder writes."""
    return "&".join(
        f"{quote(key)}={quote(value.encode('utf-8', 'surrogatepass'))}"
        for key, value in params.items()
    )


odd_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["\x00", "\ud800", "١٢", "²", "-1", "0", "1e9", str(10**40), " 1 ", "NaN"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(["course", "cycle", "status", "q", "sort", "p"]), odd_text, max_size=6
    )
)
def test_any_query_string_gives_a_page_never_a_500(client, params, gradebook_once):
    client.force_login(gradebook_once)
    response = client.get(f"{URL}?{_raw_query(params)}")
    assert response.status_code == 200, params
    export = client.get(f"{reverse('insight_gradebook_export', args=['csv'])}?{_raw_query(params)}")
    assert export.status_code == 200, params
    b"".join(export.streaming_content)


@pytest.fixture
def gradebook_once():
    data = gradebook_course()
    data.stuck(full_name="Cleo Stuck")
    return instructor_of(data.course)


def test_a_nonsense_filter_says_so(client, gradebook_once):
    client.force_login(gradebook_once)
    html = client.get(URL, {"status": "bogus", "cycle": "١٢", "sort": "drop table"}).content
    html = html.decode()
    assert "Unknown status filter ignored." in html
    assert "The cycle must be a whole number" in html
    assert "Unknown sort order ignored." in html
