"""Property and table tests for the pure markers: one per question type."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes import marking

ids = st.text(alphabet="abcdef0123456789", min_size=4, max_size=8)
credits = st.floats(min_value=-1, max_value=1, allow_nan=False)


@st.composite
def choice_keys(draw, multiple=False):
    option_ids = draw(st.lists(ids, min_size=2, max_size=8, unique=True))
    options = [{"id": oid, "credit": draw(credits)} for oid in option_ids]
    if multiple:  # a key whose right options share exactly 1
        right = draw(st.integers(min_value=1, max_value=len(options)))
        for index, option in enumerate(options):
            option["credit"] = 1 / right if index < right else draw(st.floats(-1, 0))
    else:
        options[draw(st.integers(0, len(options) - 1))]["credit"] = 1.0
    return {"options": options}


any_response = st.dictionaries(
    st.sampled_from(["choice", "choices", "value", "text", "matches", "order", "x", "y"]),
    st.one_of(
        st.none(), st.text(max_size=20), st.lists(st.text(max_size=5)), st.floats(), st.integers()
    ),
)


def in_range(mark):
    return 0.0 <= mark.fraction <= 1.0


@given(choice_keys(), any_response)
def test_single_choice_stays_in_range(key, response):
    assert in_range(marking.mark("single_choice", key, response))


@given(choice_keys())
def test_single_choice_key_gets_full_marks(key):
    best = max(key["options"], key=lambda o: o["credit"])
    assert marking.mark("single_choice", key, {"choice": best["id"]}).is_correct


@given(choice_keys(multiple=True), st.data())
def test_multiple_response_range_key_and_order(key, data):
    right = [o["id"] for o in key["options"] if o["credit"] > 0]
    assert marking.mark("multiple_response", key, {"choices": right}).is_correct
    chosen = data.draw(st.lists(st.sampled_from([o["id"] for o in key["options"]]), unique=True))
    mark = marking.mark("multiple_response", key, {"choices": chosen})
    assert in_range(mark)
    shuffled_key = {"options": random.Random(1).sample(key["options"], len(key["options"]))}
    reordered = list(reversed(chosen))
    assert marking.mark("multiple_response", shuffled_key, {"choices": reordered}) == mark


def test_thirds_typed_to_two_places_still_give_full_marks():
    key = {"options": [{"id": i, "credit": 0.33} for i in "abc"] + [{"id": "d", "credit": -1.0}]}
    mark = marking.mark("multiple_response", key, {"choices": ["a", "b", "c"]})
    assert mark.is_correct and mark.fraction == 1.0
    assert marking.mark("multiple_response", key, {"choices": ["a"]}).fraction == pytest.approx(
        1 / 3
    )


@given(st.lists(st.integers(1, 100), min_size=1, max_size=6), st.floats(0.99, 1.01))
def test_every_key_the_editor_accepts_gives_full_marks_for_all_right(weights, total):
    """The editor accepts right credits adding up to 1 ± 0.01; all right must still be correct."""
    credits = [total * weight / sum(weights) for weight in weights]
    key = {"options": [{"id": f"o{i}", "credit": c} for i, c in enumerate(credits)]}
    right = [option["id"] for option in key["options"]]
    assert marking.mark("multiple_response", key, {"choices": right}).is_correct


def test_multiple_response_penalty_floors_at_zero():
    key = {
        "options": [
            {"id": "a", "credit": 1.0},
            {"id": "b", "credit": -1.0},
            {"id": "c", "credit": -1.0},
        ]
    }
    assert marking.mark("multiple_response", key, {"choices": ["b", "c"]}).fraction == 0.0
    assert marking.mark("multiple_response", key, {"choices": ["a", "b"]}).fraction == 0.0


@given(st.booleans(), any_response)
def test_true_false(answer, response):
    key = {"answer": answer}
    assert marking.mark("true_false", key, {"value": "true" if answer else "false"}).is_correct
    assert in_range(marking.mark("true_false", key, response))


@given(
    st.decimals(min_value=-1000, max_value=1000, places=2),
    st.decimals(min_value=0, max_value=10, places=2),
    st.one_of(st.text(max_size=30), st.floats(), st.none()),
)
def test_numeric_key_full_marks_and_range(value, tolerance, garbage):
    key = {"answers": [{"value": float(value), "tolerance": float(tolerance), "credit": 1.0}]}
    assert marking.mark("numeric", key, {"value": str(value)}).is_correct
    assert in_range(marking.mark("numeric", key, {"value": garbage}))


@pytest.mark.parametrize(
    ("answer", "fraction"),
    [
        ("2018", 1.0),
        (" 2018 ", 1.0),
        ("2017", 0.5),
        ("2019.4", 0.5),
        ("1e3", 0.0),
        ("twenty", 0.0),
        ("", 0.0),
    ],
)
def test_numeric_alternatives_and_tolerance(answer, fraction):
    key = {
        "answers": [
            {"value": 2018, "tolerance": 0, "credit": 1.0},
            {"min": 2016, "max": 2020, "credit": 0.5},
        ]
    }
    assert marking.mark("numeric", key, {"value": answer}).fraction == fraction


@pytest.mark.parametrize(
    ("given", "fraction"),
    [
        ("Pneumothorax", 1.0),
        ("  PNEUMOTHORAX ", 1.0),
        ("pneumothoraces", 1.0),
        ("collapsed   lung", 0.5),
        ("lung", 0.0),
        ("", 0.0),
        ("pneumo(thorax", 0.0),
    ],
)
def test_short_text_case_space_wildcard(given, fraction):
    key = {
        "answers": [
            {"text": "pneumothora*", "credit": 1.0},
            {"text": "collapsed lung", "credit": 0.5},
        ],
        "case_sensitive": False,
    }
    assert marking.mark("short_text", key, {"text": given}).fraction == fraction


@given(st.text(max_size=60), st.text(max_size=60))
def test_short_text_any_input_in_range_and_regex_safe(accepted, given):
    key = {"answers": [{"text": accepted or "x", "credit": 1.0}], "case_sensitive": False}
    assert in_range(marking.mark("short_text", key, {"text": given}))
    if "*" not in accepted and accepted.strip():
        assert marking.mark("short_text", key, {"text": accepted}).is_correct


@given(st.lists(ids, min_size=2, max_size=6, unique=True), st.data())
def test_matching(prompts, data):
    choice_ids = [f"c{p}" for p in prompts]
    key = {"pairs": dict(zip(prompts, choice_ids, strict=True))}
    assert marking.mark("matching", key, {"matches": dict(key["pairs"])}).is_correct
    guess = {p: data.draw(st.sampled_from(choice_ids)) for p in prompts}
    mark = marking.mark("matching", key, {"matches": guess})
    assert in_range(mark)
    right = sum(guess[p] == key["pairs"][p] for p in prompts)
    assert mark.fraction == pytest.approx(right / len(prompts))


@given(st.lists(ids, min_size=2, max_size=7, unique=True), st.booleans(), st.randoms())
def test_ordering(items, partial, rnd):
    key = {"order": items, "partial": partial}
    assert marking.mark("ordering", key, {"order": list(items)}).is_correct
    shuffled = rnd.sample(items, len(items))
    mark = marking.mark("ordering", key, {"order": shuffled})
    assert in_range(mark)
    if shuffled != items and not partial:
        assert mark.fraction == 0.0
    assert marking.mark("ordering", key, {"order": items[:-1]}).fraction == 0.0


def test_ordering_partial_counts_items_in_place():
    key = {"order": ["a", "b", "c", "d"], "partial": True}
    assert marking.mark("ordering", key, {"order": ["a", "b", "d", "c"]}).fraction == 0.5


ZONES = {
    "zones": [
        {"shape": "circle", "coords": [100, 100, 20], "credit": 1.0},
        {"shape": "rect", "coords": [300, 300, 50, 40], "credit": 0.5},
        {"shape": "polygon", "coords": [[500, 500], [560, 500], [530, 560]], "credit": 1.0},
    ]
}


@pytest.mark.parametrize(
    ("x", "y", "fraction"),
    [(100, 100, 1.0), (119, 100, 1.0), (121, 100, 0.0), (325, 320, 0.5), (351, 320, 0.0),
     (530, 520, 1.0), (505, 555, 0.0), ("nan", 0, 0.0), ("inf", 5, 0.0)],
)  # fmt: skip
def test_hotspot_zones(x, y, fraction):
    assert marking.mark("hotspot", ZONES, {"x": x, "y": y}).fraction == fraction


@given(st.floats(allow_nan=True), st.floats(allow_nan=True))
def test_hotspot_any_point_in_range(x, y):
    assert in_range(marking.mark("hotspot", ZONES, {"x": x, "y": y}))


@pytest.mark.parametrize("kind", sorted(marking.MARKERS))
@given(response=st.one_of(st.none(), st.text(), st.integers(), any_response))
def test_every_marker_survives_garbage(kind, response):
    keys = {
        "single_choice": {"options": [{"id": "a", "credit": 1.0}]},
        "multiple_response": {"options": [{"id": "a", "credit": 1.0}]},
        "true_false": {"answer": False},
        "numeric": {"answers": [{"value": 1, "tolerance": 0, "credit": 1.0}]},
        "short_text": {"answers": [{"text": "a", "credit": 1.0}]},
        "matching": {"pairs": {"p": "c"}},
        "ordering": {"order": ["a", "b"]},
        "hotspot": ZONES,
    }
    try:
        mark = marking.mark(kind, keys[kind], response)
    except (TypeError, AttributeError) as error:  # pragma: no cover - the assertion explains
        pytest.fail(f"{kind} marker raised {error!r} on {response!r}")
    assert in_range(mark)
