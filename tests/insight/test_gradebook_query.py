"""The gradebook's pure parts: the query string parser and the funnel drawing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insight.gradebook_chart import Stage, funnel_svg
from insight.gradebook_query import DEFAULT_SORT, SORTS, STATUSES, clean_text, gradebook_query

COURSES = [7, 9]
odd = st.one_of(
    st.text(),
    st.sampled_from(["\x00", "\ud800", "\udfff", "١٢", "٣", "²", "-1", "0", "+3", " 2", "1_0"]),
    st.integers().map(str),
    st.sampled_from([str(10**40), "9" * 13, "32768"]),
)


@given(st.dictionaries(st.sampled_from(["course", "cycle", "status", "q", "sort", "p"]), odd))
def test_any_parameters_give_a_valid_query(params):
    query = gradebook_query(params, course_ids=COURSES)
    assert query.course_id in COURSES
    assert query.cycle is None or 1 <= query.cycle <= 32767
    assert query.status in ("", *STATUSES)
    assert query.sort in SORTS
    assert 1 <= query.page <= 1_000_000
    assert "\x00" not in query.q and len(query.q) <= 100
    query.q.encode("utf-8")  # no lone surrogates left


@pytest.mark.parametrize(
    ("params", "expected", "problems"),
    [
        ({}, (7, None, "", DEFAULT_SORT, 1), 0),
        ({"course": "9", "cycle": "2", "status": "stuck", "p": "3"}, (9, 2, "stuck", "name", 3), 0),
        ({"course": "8"}, (7, None, "", "name", 1), 1),  # a course not theirs
        ({"cycle": "١٢"}, (7, None, "", "name", 1), 1),  # Unicode digits are not a cycle
        ({"cycle": str(10**40), "status": "x", "sort": "?"}, (7, None, "", "name", 1), 3),
        ({"p": "0"}, (7, None, "", "name", 1), 0),  # a bad page number is the first page
    ],
)
def test_examples(params, expected, problems):
    query = gradebook_query(params, course_ids=COURSES)
    assert (query.course_id, query.cycle, query.status, query.sort, query.page) == expected
    assert len(query.problems) == problems


def test_no_courses_means_no_course():
    assert gradebook_query({"course": "1"}, course_ids=[]).course_id is None


def test_clean_text_keeps_words_and_drops_what_a_database_refuses():
    assert clean_text("  Anna\x00 \ud800Müller  ") == "Anna Müller"


def test_funnel_svg_draws_a_bar_per_stage_with_its_share_and_escapes_labels():
    stages = [Stage("Enrolled", 4, 4), Stage("Done: <Safety & risks>", 1, 4), Stage("None", 0, 4)]
    svg = funnel_svg(stages)
    assert svg.count('class="insight-funnel__bar"') == 3
    assert 'width="360.0"' in svg and 'width="90.0"' in svg and 'width="0.0"' in svg
    assert "Done: &lt;Safety &amp; risks&gt;: 1 (25%)" in svg  # the text summary
    assert 'role="img"' in svg
    assert Stage("Empty", 0, 0).percent == 0
