"""Matching questions where several prompts share one answer (common in Moodle banks): one choice
per distinct text, marked per prompt, and nothing shown beyond the choice list itself."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes import blocks
from quizzes.marking import mark
from quizzes.snapshots import BUILDERS
from tests.quizzes.test_blocks import clean, refusal

ANIMALS = {
    "pairs": [
        {"prompt": "dog", "answer": "mammal"},
        {"prompt": "cat", "answer": "mammal"},
        {"prompt": "frog", "answer": "amphibian"},
    ],
    "distractors": ["fish"],
}


def snapshot(value, seed=1):
    return BUILDERS["matching"](value, random.Random(seed), True)


def answer_by_text(display, texts_for_prompts: dict[str, str]) -> dict:
    """What a trainee submits: for each prompt (by its text), the choice showing `text`."""
    by_text = {choice["text"]: choice["id"] for choice in display["choices"]}
    return {
        prompt["id"]: by_text[texts_for_prompts[prompt["text"]]] for prompt in display["prompts"]
    }


def test_a_shared_answer_is_one_choice_and_matching_every_prompt_gives_full_marks():
    display, key, review = snapshot(ANIMALS)
    assert sorted(c["text"] for c in display["choices"]) == ["amphibian", "fish", "mammal"]
    right = {"dog": "mammal", "cat": "mammal", "frog": "amphibian"}
    assert mark("matching", key, {"matches": answer_by_text(display, right)}).is_correct
    half = {"dog": "mammal", "cat": "amphibian", "frog": "amphibian"}
    result = mark("matching", key, {"matches": answer_by_text(display, half)})
    assert result.fraction == pytest.approx(2 / 3)
    prompts = {p["id"]: p["text"] for p in display["prompts"]}
    assert {prompts[p]: text for p, text in review["pairs"].items()} == right


def test_the_display_does_not_say_which_prompts_share_an_answer():
    display, key, _ = snapshot(ANIMALS)
    assert set(display) == {"prompts", "choices"}
    assert all(set(item) == {"id", "text"} for item in display["prompts"] + display["choices"])
    choice_ids = {c["id"] for c in display["choices"]}
    prompt_ids = {p["id"] for p in display["prompts"]}
    assert not choice_ids & prompt_ids
    assert len(choice_ids) == 3  # one id per distinct text, whichever prompts use it


def test_the_block_accepts_shared_answers_but_not_ambiguous_prompts_or_repeated_choices():
    block = blocks.MatchingBlock()
    clean(block, ANIMALS)
    twice = {
        "pairs": [{"prompt": "dog", "answer": "mammal"}, {"prompt": "dog", "answer": "pet"}],
        "distractors": [],
    }
    assert "The prompt 'dog' appears more than once" in refusal(block, twice)
    same = {"pairs": [{"prompt": "dog", "answer": "mammal"}] * 2, "distractors": []}
    assert "The prompt 'dog' appears more than once" in refusal(block, same)
    shadow = dict(ANIMALS, distractors=["mammal"])
    assert "'mammal' is already an answer" in refusal(block, shadow)
    repeated = dict(ANIMALS, distractors=["fish", "fish "])
    assert "The distractor 'fish' appears more than once" in refusal(block, repeated)


prompt_texts = st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=2, max_size=8,
                        unique=True)  # fmt: skip


@given(prompt_texts, st.data(), st.integers(0, 2**32))
def test_mark_is_the_share_of_prompts_given_the_text_of_their_answer(prompts, data, seed):
    """Whatever answers the prompts share, a trainee who picks, for each prompt, the choice that
    reads like its answer gets full marks; otherwise the share of prompts picked right."""
    answers = ["A", "B", "C"]
    pairs = [{"prompt": p, "answer": data.draw(st.sampled_from(answers))} for p in prompts]
    distractors = [d for d in ("X", "Y") if data.draw(st.booleans())]
    value = {"pairs": pairs, "distractors": distractors}
    display, key, _ = snapshot(value, seed)
    texts = [c["text"] for c in display["choices"]]
    assert len(texts) == len(set(texts)) == len({p["answer"] for p in pairs} | set(distractors))
    right = {pair["prompt"]: pair["answer"] for pair in pairs}
    assert mark("matching", key, {"matches": answer_by_text(display, right)}).is_correct
    guess = {p: data.draw(st.sampled_from(texts)) for p in prompts}
    result = mark("matching", key, {"matches": answer_by_text(display, guess)})
    expected = sum(guess[p] == right[p] for p in prompts) / len(prompts)
    assert result.fraction == pytest.approx(expected)
