"""The draw rule (quizzes/draws.py) on plain data: properties over generated banks and slots."""

import itertools
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.draws import Bank, DrawError, Item, Slot, check, draw, problems

ROOT, OTHER = 1, 99
TAGS = ["needle-phobia", "pregnancy", "anticoagulants", "infection"]


@st.composite
def banks(draw_, max_items=9):
    """A root category with 1-4 sub-categories (one nested), an unrelated category, tagged items."""
    children = draw_(st.integers(1, 4))
    parents = {ROOT: None, OTHER: None, **{10 + c: ROOT for c in range(children)}}
    parents[50] = 10  # a grandchild: its questions count for sub-category 10
    categories = sorted(parents)
    n = draw_(st.integers(1, max_items))
    items = {}
    for pk in range(100, 100 + n):
        items[pk] = Item(
            id=pk,
            title=f"Q{pk}",
            category=draw_(st.sampled_from(categories)),
            tags=frozenset(draw_(st.sets(st.sampled_from(TAGS), max_size=2))),
            variant_set=draw_(st.sampled_from([None, None, 7, 8])),
        )
    names = {pk: f"C{pk}" for pk in categories}
    return Bank(items=items, parents=parents, category_names=names, variant_set_names={7: "V7"})


@st.composite
def quizzes(draw_):
    bank = draw_(banks())
    ids = sorted(bank.items)
    slots = []
    fixed = draw_(st.lists(st.sampled_from(ids), max_size=2))
    for question in fixed:
        slots.append(Slot(index=len(slots) + 1, question=question))
    if draw_(st.booleans()):
        slots.append(Slot(index=len(slots) + 1, variant_set=draw_(st.sampled_from([7, 8]))))
    slots.append(
        Slot(
            index=len(slots) + 1,
            category=ROOT,
            count=draw_(st.integers(0, len(ids) + 1)),
            required=tuple(draw_(st.lists(st.sampled_from(ids), max_size=3, unique=True))),
            cover_subcategories=draw_(st.booleans()),
            tags=tuple(draw_(st.sets(st.sampled_from(TAGS), max_size=3))),
        )
    )
    return slots, bank


def in_subtree(bank, question, category):
    node, seen = bank.items[question].category, set()
    while node is not None and node not in seen:
        if node == category:
            return True
        seen.add(node)
        node = bank.parents.get(node)
    return False


def one_variant_per_set(bank, chosen):
    sets = [bank.items[q].variant_set for q in chosen if bank.items[q].variant_set is not None]
    return len(sets) == len(set(sets))


def coverage_met(bank, slot, chosen):
    for child in [c for c, p in bank.parents.items() if p == slot.category]:
        if slot.cover_subcategories and not any(in_subtree(bank, q, child) for q in chosen):
            return False
    return all(any(tag in bank.items[q].tags for q in chosen) for tag in slot.tags)


@settings(max_examples=400, deadline=None)
@given(quizzes(), st.integers(0, 2**32))
def test_a_draw_the_checks_accept_always_meets_every_rule(quiz, seed):
    slots, bank = quiz
    if problems(slots, bank):
        with pytest.raises(DrawError, match="Slot"):
            draw(slots, bank, rng=random.Random(seed))
        return
    drawn = draw(slots, bank, rng=random.Random(seed))
    ids = [d.question for d in drawn]
    assert len(ids) == len(set(ids)), "no question twice"
    sets = [bank.items[q].variant_set for q in ids if bank.items[q].variant_set is not None]
    assert len(sets) == len(set(sets)), "never two variants of one set"
    for slot in slots:
        mine = [d.question for d in drawn if d.slot == slot.index]
        if slot.question is not None:
            assert mine == [slot.question]
        elif slot.variant_set is not None:
            assert len(mine) == 1 and bank.items[mine[0]].variant_set == slot.variant_set
            assert all(d.variant_set == slot.variant_set for d in drawn if d.slot == slot.index)
        else:
            assert len(mine) == slot.count, "count exact"
            assert set(slot.required) <= set(mine), "required always present"
            assert all(in_subtree(bank, q, ROOT) for q in mine)
            assert coverage_met(bank, slot, mine), "coverage always met"
    assert drawn == draw(slots, bank, rng=random.Random(seed)), "seed-reproducible"


@settings(max_examples=300, deadline=None)
@given(banks(max_items=8), st.integers(1, 8), st.booleans(), st.sets(st.sampled_from(TAGS)))
def test_coverage_refusal_is_exact_against_brute_force(bank, count, subcategories, tags):
    """The checks refuse a draw exactly when no choice of `count` questions meets its rules."""
    slot = Slot(
        index=1, category=ROOT, count=count, cover_subcategories=subcategories, tags=tuple(tags)
    )
    pool = [q for q in bank.items if in_subtree(bank, q, ROOT)]
    possible = any(
        coverage_met(bank, slot, chosen)
        for chosen in itertools.combinations(pool, count)
        if one_variant_per_set(bank, chosen)
    )
    children = [c for c, p in bank.parents.items() if p == ROOT]
    assert children  # banks() always makes some, so "no sub-categories" never explains it
    assert (not problems([slot], bank)) == possible


def variant_bank(n=3):
    items = {pk: Item(id=pk, title=f"V{pk}", variant_set=7) for pk in range(1, n + 1)}
    return Bank(items=items, variant_set_names={7: "Pneumothorax recognition"})


def chi_square(counts: Counter, keys, total) -> float:
    expected = total / len(keys)
    return sum((counts[k] - expected) ** 2 / expected for k in keys)


def test_variants_are_uniform_over_fixed_seeds():
    bank, slots = variant_bank(3), [Slot(index=1, variant_set=7)]
    counts = Counter(draw(slots, bank, rng=random.Random(seed))[0].question for seed in range(3000))
    statistic = chi_square(counts, [1, 2, 3], 3000)
    print(f"variant counts over 3000 seeds: {dict(sorted(counts.items()))}, chi2={statistic:.2f}")
    assert statistic < 13.8  # p = 0.001 at 2 degrees of freedom; seeds are fixed: no flakes


def test_unseen_variants_are_preferred_and_uniform_among_themselves():
    bank, slots = variant_bank(4), [Slot(index=1, variant_set=7)]
    seen = {1: 1, 2: 2}
    counts = Counter(
        draw(slots, bank, rng=random.Random(seed), seen=seen)[0].question for seed in range(2000)
    )
    assert set(counts) == {3, 4}
    assert chi_square(counts, [3, 4], 2000) < 10.8  # p = 0.001 at 1 degree of freedom


def test_when_every_variant_was_seen_the_one_seen_longest_ago_comes_back():
    bank, slots = variant_bank(3), [Slot(index=1, variant_set=7)]
    seen = {1: 3, 2: 1, 3: 2}
    picks = {
        draw(slots, bank, rng=random.Random(seed), seen=seen)[0].question for seed in range(50)
    }
    assert picks == {2}


def test_a_plain_draw_is_uniform_over_items():
    items = {pk: Item(id=pk, category=ROOT) for pk in range(1, 7)}
    bank = Bank(items=items, parents={ROOT: None}, category_names={ROOT: "Risks"})
    slots = [Slot(index=1, category=ROOT, count=3)]
    counts = Counter(
        d.question for seed in range(2000) for d in draw(slots, bank, rng=random.Random(seed))
    )
    assert chi_square(counts, list(items), 6000) < 20.5  # p = 0.001 at 5 degrees of freedom


def contraindications_bank():
    parents = {ROOT: None, **{10 + c: ROOT for c in range(6)}}
    names = {ROOT: "Contraindications", **{10 + c: f"Sub {c}" for c in range(6)}}
    items = {}
    for pk in range(100, 112):  # two items per sub-category
        items[pk] = Item(id=pk, title=f"Q{pk}", category=10 + (pk - 100) // 2)
    return Bank(items=items, parents=parents, category_names=names)


def test_one_per_contraindication_appears_in_every_draw():
    bank = contraindications_bank()
    slots = [Slot(index=1, category=ROOT, count=6, cover_subcategories=True, required=(100,))]
    for seed in range(200):
        chosen = [d.question for d in draw(slots, bank, rng=random.Random(seed))]
        assert sorted({bank.items[q].category for q in chosen}) == list(range(10, 16))
        assert 100 in chosen


@pytest.mark.parametrize(
    ("slots", "message"),
    [
        ([Slot(index=1, category=ROOT, count=13)], "draws 13 from “Contraindications” but only 12"),
        (
            [Slot(index=1, category=ROOT, count=5, cover_subcategories=True)],
            "One from each sub-category needs 6 questions, but it draws 5",
        ),
        (
            [Slot(index=1, category=ROOT, count=2, required=(100, 101, 102))],
            "always includes 3 questions but draws only 2",
        ),
        ([Slot(index=1, category=ROOT, count=2, tags=("pregnancy",))], "has tag “pregnancy”"),
        ([Slot(index=1, category=10, count=1, cover_subcategories=True)], "has no sub-categories"),
        ([Slot(index=1, question=100), Slot(index=2, question=100)], "already placed by slot 1"),
        (
            [Slot(index=1, question=100), Slot(index=2, category=ROOT, count=3, required=(100,))],
            "“Q100” is already placed by slot 1",
        ),
        ([Slot(index=1, category=10, count=1, required=(104,))], "“Q104” is not in “Sub 0”"),
        ([Slot(index=1, variant_set=7)], "variant set “7” has no questions"),
        ([Slot(index=1, question=555)], "question 555 no longer exists"),
        ([Slot(index=1, category=ROOT, count=0)], "set a count of 1 or more"),
        (
            [Slot(index=1, category=ROOT, count=2), Slot(index=2, category=11, count=1)],
            "overlaps the draw of slot 1",
        ),
        ([Slot(index=1)], "choose one"),
    ],
)
def test_each_refusal_names_its_slot(slots, message):
    found = problems(slots, contraindications_bank())
    assert any(message in str(p) for p in found), found
    assert str(found[0]).startswith("Slot ")
    with pytest.raises(DrawError, match="Slot"):
        draw(slots, contraindications_bank(), rng=random.Random(1))


def test_questions_placed_elsewhere_leave_the_draw_pool():
    bank = contraindications_bank()
    slots = [Slot(index=1, question=100), Slot(index=2, category=ROOT, count=11)]
    assert not check(slots, bank)[0]
    drawn = draw(slots, bank, rng=random.Random(3))
    assert sorted(d.question for d in drawn) == list(range(100, 112))


def variants_across_categories_bank():
    """Set 7 has one variant in each of two sub-categories; the rest are plain questions."""
    bank = contraindications_bank()
    items = dict(bank.items)
    for pk in (100, 102):
        items[pk] = Item(id=pk, title=f"Q{pk}", category=items[pk].category, variant_set=7)
    return Bank(items=items, parents=bank.parents, category_names=bank.category_names)


def test_a_draw_shows_one_variant_of_a_set_at_most():
    bank = variants_across_categories_bank()
    slots = [Slot(index=1, category=ROOT, count=11)]  # 12 questions, but 100 and 102 are one
    assert not problems(slots, bank)
    for seed in range(100):
        chosen = {d.question for d in draw(slots, bank, rng=random.Random(seed))}
        assert len(chosen & {100, 102}) == 1
    assert "only 11" in str(problems([Slot(index=1, category=ROOT, count=12)], bank)[0])


@pytest.mark.parametrize(
    ("slots", "message"),
    [
        (
            [Slot(index=1, question=100), Slot(index=2, question=102)],
            "Slot 2: “Q102” and “Q100” (slot 1) are variants of one set",
        ),
        (
            [Slot(index=1, category=10, count=1), Slot(index=2, category=11, count=1)],
            "Slot 2: its pool “Sub 1” overlaps the draw of slot 1 (“Q102” or its variants",
        ),
    ],
)
def test_variants_of_one_set_are_never_placed_twice(slots, message):
    found = problems(slots, variants_across_categories_bank())
    assert any(message in str(p) for p in found), found


def test_a_placed_variant_keeps_its_twins_out_of_the_draw():
    bank = variants_across_categories_bank()
    slots = [Slot(index=1, question=100), Slot(index=2, category=ROOT, count=10)]
    drawn = {d.question for d in draw(slots, bank, rng=random.Random(5))}
    assert 102 not in drawn and len(drawn) == 11


def test_a_draw_also_prefers_the_unseen_variant_of_a_set_in_its_pool():
    items = {pk: Item(id=pk, category=ROOT, variant_set=7) for pk in (1, 2, 3)}
    items[4] = Item(id=4, category=ROOT)
    bank = Bank(items=items, parents={ROOT: None}, category_names={ROOT: "Risks"})
    slots = [Slot(index=1, category=ROOT, count=2)]
    for seed in range(30):
        drawn = draw(slots, bank, rng=random.Random(seed), seen={1: 1, 2: 2})
        assert sorted(d.question for d in drawn) == [3, 4]


@pytest.mark.django_db
def test_a_category_saved_on_its_own_shows_in_the_next_draw():
    """The category tree is kept (quizzes/draw_data.py); saving a category drops it."""
    from quizzes.draw_data import draw_bank
    from quizzes.models import QuestionCategory

    draw_bank(slots=[])
    QuestionCategory.objects.create(name="Neck and shoulder")
    assert "Neck and shoulder" in draw_bank(slots=[]).category_names.values()
