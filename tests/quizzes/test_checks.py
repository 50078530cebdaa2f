"""Item-writing checks on one question: each check fires on the flaw it names, and not on the
look-alikes a writer would rightly produce (a table of cases per check)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.checks import CHECKS, CHOICE_KINDS, Choice, Item, item_warnings
from quizzes.quiz_checks import key_is_longest, longest_key_share


def single(*options, stem="<p>Which option is right?</p>", **fields) -> Item:
    """options: (text, credit) pairs."""
    return Item(
        kind="single_choice",
        stem=stem,
        title="Q",
        options=tuple(Choice(text, credit) for text, credit in options),
        **fields,
    )


def multiple(*options, stem="<p>Which apply? Select all that apply.</p>") -> Item:
    return Item(
        kind="multiple_response",
        stem=stem,
        title="Q",
        options=tuple(Choice(text, credit) for text, credit in options),
    )


def codes(item: Item) -> list[str]:
    return [warning.code for warning in item_warnings(item)]


CLEAN = single(
    ("Pregnancy", 1), ("Asthma", 0), ("Hay fever", 0), ("Eczema", 0),
    stem="<p>Which condition do the sources name as a contraindication?</p>",
)  # fmt: skip


def test_a_clean_item_gives_no_warnings():
    assert item_warnings(CLEAN) == []


def test_every_warning_says_what_and_quotes_the_text():
    item = single(("A much longer right answer than the rest", 1), ("Short", 0))
    (warning,) = item_warnings(item)
    assert warning.code == "longest_key" and warning.label == CHECKS["longest_key"]
    assert "1.3" not in warning.explanation and "×" in warning.explanation
    assert warning.offending == "A much longer right answer than the rest"


@pytest.mark.parametrize(
    ("key", "longest_wrong", "fires"),
    [
        ("x" * 13, "x" * 10, True),  # exactly 1.3×
        ("x" * 12, "x" * 10, False),  # 1.2×
        ("x" * 10, "x" * 10, False),  # the same length
        ("x" * 5, "x" * 10, False),  # the key is shorter
        ("x   " * 4, "x" * 10, False),  # spacing does not count: "x x x x" is 7
    ],
)
def test_longest_key_single_choice(key, longest_wrong, fires):
    item = single((key, 1), (longest_wrong, 0), ("y", 0))
    assert ("longest_key" in codes(item)) is fires


def test_longest_key_ignores_partial_credit_options_and_needs_a_wrong_one():
    long_partial = single(("Right", 1), ("A partly right but very long option", 0.5), ("Wrong", 0))
    assert "longest_key" not in codes(long_partial)
    only_right = single(("A long right answer", 1), ("Partly", 0.5))
    assert "longest_key" not in codes(only_right)


@pytest.mark.parametrize(
    ("keyed", "fires"),
    [
        (["x" * 13, "x" * 20], True),  # every right option ≥ 1.3× the longest wrong one
        (["x" * 20, "x" * 5], False),  # one short right option: length does not sort them
    ],
)
def test_longest_key_multiple_response_needs_every_key_long(keyed, fires):
    item = multiple(*[(text, 0.5) for text in keyed], ("x" * 10, -0.5), ("y", 0))
    assert ("longest_key" in codes(item)) is fires


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("All of the above", "all_of_the_above"),
        ("all the above", "all_of_the_above"),
        ("Both of these", "all_of_the_above"),
        ("None of the above", "none_of_the_above"),
        ("Neither of these", "none_of_the_above"),
        ("none of the other options", "none_of_the_above"),
    ],
)
def test_of_the_above(text, code):
    assert code in codes(single(("Pregnancy", 1), (text, 0), ("Asthma", 0)))


@pytest.mark.parametrize(
    "text", ["Allergy to all metals", "None", "Above the iliac crest", "Both arms"]
)
def test_of_the_above_does_not_fire_on_look_alikes(text):
    found = codes(single(("Pregnancy", 1), (text, 0), ("Asthma", 0)))
    assert "all_of_the_above" not in found and "none_of_the_above" not in found


@pytest.mark.parametrize(
    ("wrong", "fires"),
    [
        ("It always causes bruising", True),
        ("It never hurts", True),
        ("Every patient bruises", True),
        ("Only on Mondays", True),
        ("It is completely safe", True),
        ("It is guaranteed to work", True),
        ("It usually causes soreness", False),
        ("Ongoing pain", False),  # "only" inside a word
        ("None of the above", False),  # its own check, not an absolute
    ],
)
def test_absolutes_in_wrong_options_only(wrong, fires):
    item = single(("It may cause soreness", 1), (wrong, 0), ("It may cause itching", 0))
    assert ("absolute_in_distractors" in codes(item)) is fires


@pytest.mark.parametrize(
    ("stem", "answer", "fires"),
    [
        ("<p>True or false: bruising <b>always</b> follows needling.</p>", False, True),
        ("<p>True or false: it deals only with the low back.</p>", False, True),
        ("<p>True or false: only a qualified clinician may needle.</p>", True, False),
        ("<p>True or false: bruising may follow needling.</p>", False, False),
    ],
)
def test_absolutes_in_a_false_true_false_statement(stem, answer, fires):
    item = Item(kind="true_false", stem=stem, answer=answer)
    assert ("absolute_in_distractors" in codes(item)) is fires


def test_absolutes_also_in_the_key_are_no_cue():
    item = single(("Always ask about pregnancy", 1), ("Never ask", 0), ("Ask sometimes", 0))
    assert "absolute_in_distractors" not in codes(item)


@pytest.mark.parametrize(
    ("stem", "fires"),
    [
        ("<p>Which is not a contraindication?</p>", True),
        ("<p>All of these are contraindications except which?</p>", True),
        ("<p>Which is the least likely side effect?</p>", True),
        ("<p>Which of these doesn't need screening?</p>", True),
        ("<p>Which is <b>not</b> a contraindication?</p>", False),
        ("<p>Which is <strong>NOT</strong> a contraindication?</p>", False),
        ("<p>Which is <i>not</i> a contraindication?</p>", False),
        ("<p>Which is NOT a contraindication?</p>", False),  # capitals
        ("<p>Which is a contraindication?</p>", False),
        ("<p>Name at least two risks.</p>", False),  # "at least" is not negative
        # A negative in the vignette is not the question: only the lead-in counts.
        ("<p>He has no leg pain and is not diabetic.</p><p>Which finding matters?</p>", False),
        ("<p>Which finding matters? He is <b>not</b> sure.</p>", False),
    ],
)
def test_negative_stem(stem, fires):
    assert ("negative_stem" in codes(single(("A", 1), ("B", 0), stem=stem))) is fires


def test_negative_true_false_statement_is_a_negative_stem():
    item = Item(kind="true_false", stem="<p>True or false: bruising is not a risk.</p>")
    assert "negative_stem" in codes(item)
    positive = Item(kind="true_false", stem="<p>True or false: bruising is a risk.</p>")
    assert "negative_stem" not in codes(positive)


@pytest.mark.parametrize(
    ("stem", "options", "fires"),
    [
        # The key repeats "bruise" from the stem; no wrong option does.
        (
            "<p>Who bruises more easily?</p>",
            [("Patients who bruise easily", 1), ("Runners", 0), ("Swimmers", 0)],
            True,
        ),
        # A wrong option repeats it too: no cue.
        (
            "<p>Who bruises more easily?</p>",
            [("Patients who bruise easily", 1), ("Nobody bruises", 0), ("Swimmers", 0)],
            False,
        ),
        # Only common words are shared: no cue.
        (
            "<p>What should you ask about first?</p>",
            [("Ask about pregnancy first", 1), ("Ask about hobbies", 0)],
            False,
        ),
    ],
)
def test_stem_word_cue(stem, options, fires):
    assert ("stem_word_cue" in codes(single(*options, stem=stem))) is fires


def test_matching_pair_that_repeats_its_prompt_is_a_word_cue():
    item = Item(
        kind="matching",
        stem="<p>Match each contraindication to its concern.</p>",
        pairs=(
            ("Allergy to metals", "Allergic reaction to the needles"),
            ("Compromised immune system", "Greater risk of infection"),
        ),
        distractors=("Pneumothorax",),
    )
    (warning,) = [w for w in item_warnings(item) if w.code == "stem_word_cue"]
    assert warning.offending == "Allergy to metals → Allergic reaction to the needles"


@pytest.mark.parametrize(
    ("kind", "critical", "reason", "expected"),
    [
        ("true_false", True, "Bleeding risk.", ["true_false_must_pass"]),
        ("true_false", True, "  ", ["true_false_must_pass", "must_pass_without_reason"]),
        ("short_text", True, "", ["must_pass_without_reason"]),
        ("true_false", False, "", []),  # not must-pass: true/false is fine
        ("short_text", True, "Pneumothorax kills.", []),
    ],
)
def test_must_pass_rules(kind, critical, reason, expected):
    item = Item(
        kind=kind,
        stem="<p>True or false: bruising is a risk.</p>",
        critical=critical,
        critical_reason=reason,
        accepted=(Choice("bruising", 1), Choice("bruises", 1)),
    )
    assert codes(item) == expected


@pytest.mark.parametrize(
    ("accepted", "fires"),
    [
        ([("pneumothorax", 1)], True),
        ([("pneumoth*", 1)], True),  # a pattern covers spellings, not "collapsed lung"
        ([("Pneumothorax", 1), ("pneumothorax ", 1)], True),  # the same phrasing twice
        ([("pneumothorax", 1), ("lung", 0.5)], True),  # partial credit is not accepted
        ([("pneumothorax", 1), ("collapsed lung", 1)], False),
    ],
)
def test_short_text_with_a_single_phrasing(accepted, fires):
    item = Item(
        kind="short_text",
        stem="<p>Name the complication.</p>",
        accepted=tuple(Choice(text, credit) for text, credit in accepted),
    )
    assert ("short_text_single_answer" in codes(item)) is fires


def test_key_is_longest_and_its_chance():
    assert key_is_longest(single(("Longest of all", 1), ("Short", 0), ("Mid one", 0))) == (
        True,
        1 / 3,
    )
    assert key_is_longest(single(("Tie!", 1), ("Tie?", 0))) == (False, 0.5)  # a tie is not
    assert key_is_longest(Item(kind="true_false")) is None


def test_longest_key_share_counts_and_tail_probability():
    longest = single(("The longest option", 1), ("Short", 0), ("Shorter", 0), ("Mid", 0))
    shortest = single(("Key", 1), ("Longer wrong", 0), ("Other wrong", 0), ("Third", 0))
    share = longest_key_share([longest] * 3 + [shortest])
    assert (share.longest, share.total, share.expected) == (3, 4, 1.0)
    # P(at least 3 of 4 at chance 1/4) = 4 · (1/4)³ · (3/4) + (1/4)⁴ = 13/256
    assert share.p_value == pytest.approx(13 / 256)


NONSENSE = st.text("bcdfghjklmnpqrstvwxz", min_size=4, max_size=8)  # no vowels: no English


@settings(max_examples=200, deadline=None)
@given(
    st.lists(NONSENSE, min_size=6, max_size=12, unique=True),
    st.integers(2, 5),
    st.sampled_from(CHOICE_KINDS),
)
def test_items_without_cues_give_no_warnings(vocabulary, options, kind):
    """Options of one length sharing no word with the stem or each other, with no cue words:
    whichever option is keyed, nothing fires."""
    stem_words, option_words = vocabulary[:2], vocabulary[2:]
    texts = [f"{word:x<8}" for word in option_words[:options]]
    credits = [1.0] + [0.0] * (len(texts) - 1) if kind == "single_choice" else None
    if kind == "multiple_response":
        credits = [0.5, 0.5] + [-0.5] * (len(texts) - 2) if len(texts) > 2 else [1.0, 0.0]
    item = Item(
        kind=kind,
        stem=f"<p>{' '.join(stem_words)}?</p>",
        options=tuple(Choice(t, c) for t, c in zip(texts, credits, strict=True)),
    )
    assert item_warnings(item) == []


PNEUMOTHORAX_CASE = "<p>During needling over the lower ribs the patient becomes breathless. Which complication do you suspect first?</p>"  # noqa: E501


@pytest.mark.parametrize(
    ("item", "fires"),
    [
        (  # the reason names the keyed option: the retake reads the answer in it
            single(
                ("Pneumothorax", 1), ("Vasovagal faint", 0), ("Panic attack", 0), ("Asthma", 0),
                stem=PNEUMOTHORAX_CASE, critical=True,
                critical_reason="Pneumothorax is rare but serious and needs urgent care.",
            ),
            True,
        ),
        (  # why it matters, without the answer
            single(
                ("Pneumothorax", 1), ("Vasovagal faint", 0), ("Panic attack", 0), ("Asthma", 0),
                stem=PNEUMOTHORAX_CASE, critical=True,
                critical_reason="Missing it delays urgent care for a rare, serious injury.",
            ),
            False,
        ),
        (  # a word the stem itself shows is no give-away
            single(
                ("Stop and refer", 1), ("Needle lightly", 0), ("Continue", 0), ("Ice", 0),
                stem="<p>A patient reports saddle numbness: refer or needle?</p>", critical=True,
                critical_reason="Saddle numbness can mean cauda equina compression.",
            ),
            False,
        ),
        (  # short text: the accepted answer in the reason
            Item(
                kind="short_text", stem=PNEUMOTHORAX_CASE, critical=True,
                accepted=(Choice("pneumothorax", 1), Choice("collapsed lung", 1)),
                critical_reason="A collapsed lung needs urgent care.",
            ),
            True,
        ),
        (  # numeric: the keyed number in the reason
            Item(
                kind="numeric", stem="<p>For how many hours is intense exercise avoided?</p>",
                critical=True, numbers=("48",), critical_reason="Resting 48 hours lowers the risk.",
            ),
            True,
        ),
        (  # not must-pass: the reason is never shown
            single(("Pneumothorax", 1), ("Faint", 0), ("Panic", 0), ("Asthma", 0),
                   stem=PNEUMOTHORAX_CASE, critical_reason="Pneumothorax is serious."),
            False,
        ),
    ],
)  # fmt: skip
def test_a_must_pass_reason_that_names_the_answer_is_flagged(item, fires):
    assert ("must_pass_reason_gives_key" in codes(item)) is fires
