"""Package YAML is plain data with line numbers; anything else is refused at its line."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packages.problems import PackageInvalid
from packages.source import dump_yaml, load_yaml


def test_mappings_remember_the_line_of_each_key():
    data = load_yaml("title: Course\nmodules:\n  - slug: one\n    title: One\n", file="course.yaml")
    assert data == {"title": "Course", "modules": [{"slug": "one", "title": "One"}]}
    assert data.line_of("modules") == 2
    assert data["modules"][0].line_of("title") == 4
    assert data["modules"].lines == [3]


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        ("a: !!python/object/apply:os.system ['true']", 1, "constructor"),
        ("a: 1\nb: 2\na: 3\n", 3, "appears twice"),
        ("a: &x [1, 2]\nb: [*x, *x]\n", 2, "aliases"),
        ("a: [1,\n", 2, "not valid YAML"),
        ("? [1, 2]\n: x\n", 1, "plain text"),
    ],
)
def test_unsafe_or_broken_yaml_is_refused_at_its_line(text, line, why):
    with pytest.raises(PackageInvalid) as refused:
        load_yaml(text, file="course.yaml")
    (problem,) = refused.value.problems
    assert problem.file == "course.yaml"
    assert problem.line == line
    assert why in problem.message


def test_export_yaml_reads_back_as_the_same_data():
    data = {
        "title": "Dry needling — basics",
        "body": "line one\nline two\n",
        "items": [1, {"a": "é"}],
    }
    assert load_yaml(dump_yaml(data), file="x.yaml") == data


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_parses_or_is_refused_never_crashes(text):
    try:
        load_yaml(text, file="x.yaml")
    except PackageInvalid as refused:
        assert all(p.file == "x.yaml" for p in refused.problems)


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(st.characters(codec="utf-8")),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.text(st.characters(codec="utf-8"), max_size=8), children, max_size=4
            )
        ),
        max_leaves=12,
    )
)
def test_dump_then_load_round_trips(data):
    assert load_yaml(dump_yaml(data), file="x.yaml") == data
