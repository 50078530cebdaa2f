"""Cross-cueing and the properties every check keeps: questions that answer each other are
found, look-alikes are not, and no text (lone surrogates, NUL, broken HTML) makes a check raise
or answer differently twice."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.checks import CHOICE_KINDS, Choice, Item, item_warnings
from quizzes.cross_cues import check_cross_cues
from quizzes.quiz_checks import quiz_warnings

PNEUMOTHORAX = Item(
    kind="short_text",
    id=1,
    title="Name the complication",
    stem="<p>Name the rare, serious complication of needling over the chest.</p>",
    accepted=(Choice("pneumoth*", 1), Choice("collapsed lung", 1)),
    critical=True,
    critical_reason="It can kill.",
)


def choice(item_id, title, stem, *options, kind="single_choice") -> Item:
    return Item(
        kind=kind,
        id=item_id,
        title=title,
        stem=stem,
        options=tuple(Choice(text, credit) for text, credit in options),
    )


IMMUNE = choice(
    2,
    "Immune system",
    "<p>A patient takes medication that suppresses his immune system. What is the concern?</p>",
    ("A greater risk of infection at the needling site", 1),
    ("A greater risk of bleeding", 0),
    ("An allergic reaction", 0),
)
FILLER = [
    choice(10 + n, f"Filler {n}", f"<p>Filler question {n}?</p>", ("Apple", 1), ("Pear", 0))
    for n in range(4)
]


def cues(*items, **kwargs) -> list[tuple[int, int]]:
    return [(w.item_id, w.other_id) for w in check_cross_cues(list(items), **kwargs)]


def test_an_option_naming_a_short_text_key_gives_it_away():
    giver = choice(3, "Risks", "<p>Which is a risk of needling the thorax?</p>",
                   ("Pneumothorax", 1), ("Sunburn", 0))  # fmt: skip
    (warning,) = check_cross_cues([PNEUMOTHORAX, giver, *FILLER])
    assert (warning.item_id, warning.other_id) == (1, 3)
    assert "must-pass" in warning.explanation and "“Pneumothorax”" in warning.explanation
    assert warning.offending == "Pneumothorax"


def test_a_pattern_key_matches_other_forms_and_phrases_count_too():
    plural = choice(3, "Plural", "<p>Which is rare?</p>", ("Pneumothoraces", 1), ("Colds", 0))
    lung = choice(4, "Lung", "<p>What happens to a collapsed lung?</p>", ("It heals", 1),
                  ("It grows", 0))  # fmt: skip
    assert cues(PNEUMOTHORAX, plural, lung, *FILLER) == [(1, 3), (1, 4)]


def test_no_cue_when_the_term_is_in_the_cued_question_itself_or_shared_words_are_common():
    own_stem = Item(kind="short_text", id=5, title="Own", stem="<p>Pneumothorax: which lung?</p>",
                    accepted=(Choice("pneumothorax", 1),))  # fmt: skip
    giver = choice(3, "Risks", "<p>Which is a pneumothorax risk?</p>", ("Needling", 1),
                   ("Walking", 0))  # fmt: skip
    common = Item(kind="short_text", id=6, title="Common", stem="<p>What do you do?</p>",
                  accepted=(Choice("the right thing", 1),))  # fmt: skip
    other = choice(7, "Other", "<p>Is this the right thing to do?</p>", ("Yes", 1), ("No", 0))
    assert cues(own_stem, giver, common, other, *FILLER) == []


def test_cues_only_between_questions_one_attempt_can_show_together():
    giver = choice(3, "Risks", "<p>Which risk?</p>", ("Pneumothorax", 1), ("Sunburn", 0))
    assert cues(PNEUMOTHORAX, giver, together=lambda a, b: False) == []


def test_a_choice_key_term_named_elsewhere_alone_is_no_cue():
    """The immune question shows "infection" among its own options: another question that just
    mentions infection does not say which option is right."""
    other = choice(3, "Prevention", "<p>How is infection kept rare?</p>",
                   ("Sterile equipment", 1), ("Luck", 0))  # fmt: skip
    assert cues(IMMUNE, other, *FILLER) == []


def test_a_matching_item_pairing_the_subject_with_its_answer_gives_it_away():
    matching = Item(
        kind="matching",
        id=3,
        title="Concerns",
        stem="<p>Match each contraindication to its concern.</p>",
        pairs=(
            ("Compromised immune system", "Greater risk of infection"),
            ("Bleeding disorder", "Greater risk of bleeding"),
        ),
    )
    (warning,) = [w for w in check_cross_cues([IMMUNE, matching, *FILLER]) if w.item_id == 2]
    assert warning.other_id == 3 and "“infection” beside “immune”" in warning.explanation
    assert warning.offending == "Compromised immune system / Greater risk of infection"


def test_a_question_restating_the_key_gives_it_away():
    review = choice(2, "Review", "<p>What did the 2018 review find?</p>",
                    ("Lower pain intensity immediately post intervention", 1),
                    ("No effect", 0))  # fmt: skip
    restating = choice(3, "Restating", "<p>Pain intensity fell post intervention. Why?</p>",
                       ("Needling", 1), ("Chance", 0))  # fmt: skip
    one_word = choice(4, "One word", "<p>Was intensity measured?</p>", ("Yes", 1), ("No", 0))
    far_apart = choice(5, "Far apart", "<p>Intensity is one thing and, later, the post office is"
                       " another.</p>", ("Yes", 1), ("No", 0))  # fmt: skip
    assert cues(review, restating, one_word, far_apart, *FILLER) == [(2, 3)]


def test_one_hyphenated_word_is_not_a_phrase():
    bruises = choice(2, "Bruises", "<p>Who bruises more easily?</p>",
                     ("Patients taking blood-thinning medication", 0.5),
                     ("Patients who bruise easily", 0.5), ("Runners", 0),
                     kind="multiple_response")  # fmt: skip
    vignette = choice(3, "Case", "<p>He takes a blood-thinning tablet. What next?</p>",
                      ("Ask", 1), ("Needle", 0))  # fmt: skip
    restating = choice(4, "Restating", "<p>Does blood-thinning medication matter?</p>",
                       ("Yes", 1), ("No", 0))  # fmt: skip
    assert cues(bruises, vignette, restating, *FILLER) == [(2, 4)]


def test_numeric_keys_are_cued_by_the_number():
    year = Item(kind="numeric", id=2, title="Year", stem="<p>Which year was the review?</p>",
                numbers=("2018",))  # fmt: skip
    giver = choice(3, "Giver", "<p>What did the 2018 review find?</p>", ("A", 1), ("B", 0))
    assert cues(year, giver, *FILLER) == [(2, 3)]


def test_quiz_vocabulary_is_no_cue():
    """A key shown by more than a quarter of the other candidates is the quiz's vocabulary."""
    key = Item(kind="short_text", id=1, title="Key", stem="<p>What technique?</p>",
               accepted=(Choice("needling", 1),))  # fmt: skip
    others = [
        choice(2 + n, f"Other {n}", f"<p>Is needling risky {n}?</p>", ("Yes", 1), ("No", 0))
        for n in range(6)
    ]
    assert cues(key, *others, *FILLER) == []
    assert cues(key, others[0], *FILLER) == [(1, 2)]


def test_true_false_ordering_and_hotspot_keys_are_never_cued():
    statement = Item(kind="true_false", id=2, title="TF", stem="<p>True or false: pneumothorax"
                     " is a risk.</p>")  # fmt: skip
    order = Item(kind="ordering", id=3, title="Order", stem="<p>Order them.</p>",
                 sequence=("Consent", "Pneumothorax check"))  # fmt: skip
    giver = choice(4, "Giver", "<p>Consent before a pneumothorax check?</p>", ("Yes", 1),
                   ("No", 0))  # fmt: skip
    assert cues(statement, order, giver, *FILLER) == []


# --- Properties: any text, any credits ------------------------------------------------------

AWKWARD = st.sampled_from(
    ["\x00", "\ud800", "\udfff", "<b>", "</i>", "<!", "<![CDATA[", "&#0;", "&#xD800;", "not",
     "NOT", "*", "**", "pneumoth*", "all of the above", "?", "\n", "’", "n't", "<p>", "9" * 30]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(st.characters(exclude_categories=())), AWKWARD), max_size=6).map(
    "".join
)
CREDIT = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1.0, 0.0]))
KINDS = [*CHOICE_KINDS, "true_false", "short_text", "numeric", "matching", "ordering", "", "x"]


CHOICES = st.lists(st.tuples(TEXT, CREDIT), max_size=5).map(
    lambda pairs: tuple(Choice(text, credit) for text, credit in pairs)
)


@st.composite
def items(draw):
    return Item(
        kind=draw(st.sampled_from(KINDS)),
        stem=draw(TEXT),
        id=draw(st.integers(1, 5)),
        title=draw(TEXT),
        context=draw(TEXT),
        options=draw(CHOICES),
        accepted=draw(CHOICES),
        model_answer=draw(TEXT),
        numbers=tuple(draw(st.lists(TEXT, max_size=2))),
        pairs=tuple(draw(st.lists(st.tuples(TEXT, TEXT), max_size=3))),
        distractors=tuple(draw(st.lists(TEXT, max_size=2))),
        sequence=tuple(draw(st.lists(TEXT, max_size=3))),
        answer=draw(st.none() | st.booleans()),
        critical=draw(st.booleans()),
        critical_reason=draw(TEXT),
    )  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(items())
def test_item_checks_never_raise_and_are_deterministic(item):
    first = item_warnings(item)
    assert first == item_warnings(item)
    for warning in first:
        assert warning.code and warning.explanation and isinstance(warning.offending, str)


@settings(max_examples=100, deadline=None)
@given(st.lists(items(), max_size=6))
def test_quiz_checks_never_raise_and_are_deterministic(many):
    assert quiz_warnings(many) == quiz_warnings(many)


@pytest.mark.parametrize("size", [1, 2, 100, 70_000])
def test_long_and_deeply_nested_html_is_bounded(size):
    item = choice(1, "Deep", "<b>" * size + "not" + "</b>" * size, ("x" * size, 1), ("y", 0))
    item_warnings(item)
    quiz_warnings([item, PNEUMOTHORAX])
