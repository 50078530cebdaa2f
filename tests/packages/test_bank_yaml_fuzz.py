"""Hypothesis: any storable text survives the format; hostile values give problems, never an
exception."""

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from packages.bank_yaml import bank_parse
from packages.source import dump_yaml, load_yaml
from packages.yaml_values import as_rich
from tests.packages.bank_sample import SAMPLE

BASE = load_yaml(SAMPLE, file="q")
ASSETS = {"assets/back.png"}
# storable: no NUL, no lone surrogates, none of the characters YAML itself cannot carry
text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=80,
).filter(lambda t: t.strip() and t == t.strip())
hostile = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()
    | st.text(max_size=20)
    | st.just("\ud800")
    | st.just("a\x00b"),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(stem=text, option=text, feedback=text)
def test_any_text_in_stems_options_and_feedback_survives(stem, option, feedback):
    data = copy.deepcopy(BASE)
    question = data["questions"][0]
    question["stem"] = as_rich(stem)
    question["options"][1]["text"] = option[:500]
    question["options"][1]["feedback"] = feedback
    reread = load_yaml(dump_yaml(data), file="q")
    parsed, problems, _ = bank_parse(reread, file="q", assets=ASSETS)
    entry = parsed.questions.get("pregnancy-case")
    assert [p for p in problems if "pregnancy-case" in p.message] == []
    assert entry.entry["stem"] == as_rich(stem)
    assert entry.entry["options"][1]["text"] == option[:500]
    assert entry.entry["options"][1]["feedback"] == feedback


FIELDS = ["stem", "points", "options", "must_pass", "tags", "key", "type", "category", "title"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    index=st.integers(0, 8),
    name=st.sampled_from(FIELDS + ["zones", "answers", "pairs"]),
    value=hostile,
    top=st.sampled_from(["questions", "categories", "bank", "scenarios", None]),
)
def test_hostile_values_give_located_problems_never_an_exception(index, name, value, top):
    data = copy.deepcopy(BASE)
    if top is None:
        data["questions"][index][name] = value
    else:
        data[top] = value
    parsed, problems, warnings = bank_parse(data, file="q", assets=ASSETS)
    for problem in problems:
        assert problem.file == "q" and isinstance(problem.message, str)


def test_deep_nesting_and_a_non_mapping_are_problems():
    deep = []
    for _ in range(5000):
        deep = [deep]
    assert bank_parse({"questions": deep}, file="q")[1][0].message == "nested too deeply"
    assert "must be a mapping" in bank_parse(["x"], file="q")[1][0].message
