"""The item-analysis formulas (insight/statistics.py) against values worked out by hand, and
their properties under hypothesis.

The fixed data set (used here and, through the database, in test_analysis_queries.py): nine
attempts A1..A9 at four one-point items.

    item   A1 A2 A3 A4 A5 A6 A7 A8 A9
    G       1  1  1  1  1  0  0  0  0    good: the strong trainees get it
    B       1  1  1  0  1  0  1  0  0
    C       1  1  1  1  0  1  0  0  0
    F       0  0  0  1  0  1  1  1  1    flawed: the strong trainees miss it
    total   3  3  3  3  2  2  2  1  1

Item G: x̄ = 5/9; the rest r = t − x = 2 2 2 2 1 2 2 1 1, r̄ = 15/9.
Σ(x−x̄)² = 5·(4/9)² + 4·(5/9)² = 20/9;  Σ(r−r̄)² = 6·(1/3)² + 3·(2/3)² = 2;
Σ(x−x̄)(r−r̄) = 2/3.  Discrimination = (2/3)/√(20/9 · 2) = 1/√10 = 0.3162.
Sorted pairing (x and r each ascending) gives Σ(x−x̄)(r−r̄) at most 5/3, so the
discriminative efficiency is (2/3)/(5/3) = 0.4.  SD = √((20/9)/8) = √(5/18) = 0.5270.
Item F: Σ(x−x̄)(r−r̄) = −13/3, Σ(r−r̄)² = 12: discrimination = (−13/3)/√(20/9 · 12) = −0.8391.
Item B: −1/3 over √(20/9 · 4): −0.1118.
Totals: variance 25/36; each item's variance (20/9)/8 = 5/18, summing to 10/9;
α = 4/3 · (1 − (10/9)/(25/36)) = 4/3 · (1 − 8/5) = −0.8 (the flawed item wrecks it).
"""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from insight import statistics as st

G = [1, 1, 1, 1, 1, 0, 0, 0, 0]
B = [1, 1, 1, 0, 1, 0, 1, 0, 0]
C = [1, 1, 1, 1, 0, 1, 0, 0, 0]
FLAWED = [0, 0, 0, 1, 0, 1, 1, 1, 1]
ITEMS = {"G": G, "B": B, "C": C, "F": FLAWED}
TOTALS = [sum(column) for column in zip(*ITEMS.values(), strict=True)]


def sums_of(x, totals, maximum=1.0) -> st.ItemSums:
    """What the database computes, computed here row by row."""
    rest = [t - xi for xi, t in zip(x, totals, strict=True)]
    return st.ItemSums(
        n=len(x),
        sum_x=math.fsum(x),
        sum_xx=math.fsum(v * v for v in x),
        sum_xt=math.fsum(xi * t for xi, t in zip(x, totals, strict=True)),
        sum_t=math.fsum(totals),
        sum_tt=math.fsum(t * t for t in totals),
        sum_max=maximum * len(x),
        sorted_cross=math.fsum(a * b for a, b in zip(sorted(x), sorted(rest), strict=True)),
    )


def test_the_good_item_against_the_hand_computed_values():
    s = sums_of(G, TOTALS)
    assert TOTALS == [3, 3, 3, 3, 2, 2, 2, 1, 1]
    assert st.facility(s) == pytest.approx(5 / 9)
    assert st.item_sd(s) == pytest.approx(math.sqrt(5 / 18))
    assert st.discrimination(s) == pytest.approx(1 / math.sqrt(10))
    assert st.efficiency(s) == pytest.approx(0.4)


def test_the_flawed_and_the_filler_items_against_the_hand_computed_values():
    assert st.discrimination(sums_of(FLAWED, TOTALS)) == pytest.approx(-0.83914639, abs=1e-7)
    assert st.discrimination(sums_of(B, TOTALS)) == pytest.approx(-1 / 3 / math.sqrt(80 / 9))


def test_cronbach_alpha_against_the_hand_computed_value():
    variances = [st.variance(9, sum(x), sum(v * v for v in x)) for x in ITEMS.values()]
    assert variances == pytest.approx([5 / 18] * 4)
    total_variance = st.variance(9, sum(TOTALS), sum(t * t for t in TOTALS))
    assert total_variance == pytest.approx(25 / 36)
    alpha = st.cronbach_alpha(items=4, item_variances=variances, total_variance=total_variance)
    assert alpha == pytest.approx(-0.8)


def test_the_flawed_item_is_flagged_and_the_good_one_is_not():
    distractor = st.OptionShare("Recent holiday", 0.0, chosen=(0, 1, 2), shown=(3, 3, 3))
    flawed = st.item_flags(
        attempts=9,
        facility_value=5 / 9,
        discrimination_value=st.discrimination(sums_of(FLAWED, TOTALS)),
        options=[distractor],
        min_attempts=9,
    )
    assert any("negative" in flag for flag in flawed)
    assert any("Recent holiday" in flag and "top third" in flag for flag in flawed)
    good_distractor = st.OptionShare("Recent holiday", 0.0, chosen=(1, 1, 0), shown=(3, 3, 3))
    good = st.item_flags(
        attempts=9,
        facility_value=5 / 9,
        discrimination_value=st.discrimination(sums_of(G, TOTALS)),
        options=[good_distractor],
        min_attempts=9,
    )
    assert good == []


def test_nothing_is_flagged_below_the_minimum_number_of_attempts():
    assert st.item_flags(attempts=29, facility_value=1.0, discrimination_value=-1.0) == []
    assert st.item_flags(attempts=30, facility_value=1.0, discrimination_value=-1.0)


def test_facility_bands_and_missing_spread_are_flagged_with_a_reason():
    easy = st.item_flags(attempts=50, facility_value=0.97, discrimination_value=0.3)
    hard = st.item_flags(attempts=50, facility_value=0.1, discrimination_value=0.3)
    flat = st.item_flags(attempts=50, facility_value=1.0, discrimination_value=None)
    assert len(easy) == 1 and "97%" in easy[0]
    assert len(hard) == 1 and "10%" in hard[0]
    assert any("No discrimination" in flag for flag in flat)


def test_no_spread_or_too_few_attempts_is_undefined_not_a_division_by_zero():
    everyone_right = sums_of([1] * 5, [3, 2, 3, 1, 2])
    assert st.facility(everyone_right) == 1.0
    assert st.discrimination(everyone_right) is None
    assert st.efficiency(everyone_right) is None
    one = sums_of([1], [1])
    assert st.item_sd(one) is None and st.discrimination(one) is None
    empty = st.ItemSums(0, 0, 0, 0, 0, 0, 0, None)
    assert st.facility(empty) is None and st.item_sd(empty) is None
    assert st.cronbach_alpha(items=1, item_variances=[0.2], total_variance=1.0) is None
    assert st.cronbach_alpha(items=5, item_variances=[0.2], total_variance=0.0) is None
    assert st.mean_sd(0, 0, 0) == (None, None)
    assert st.median([]) is None and st.median([3, 1, 2]) == 2 and st.median([1, 2]) == 1.5


def scores(maximum: float):
    return hs.floats(min_value=0, max_value=maximum, allow_nan=False).map(lambda v: round(v, 2))


@hs.composite
def responses(draw):
    """Attempts × items of scores in [0, max]; the item of interest is column 0."""
    maximum = draw(hs.sampled_from([0.5, 1.0, 2.0, 5.0]))
    n = draw(hs.integers(min_value=1, max_value=40))
    width = draw(hs.integers(min_value=1, max_value=5))
    rows = [[draw(scores(maximum)) for _ in range(width)] for _ in range(n)]
    return maximum, rows


def _item(rows, maximum):
    return sums_of([row[0] for row in rows], [sum(row) for row in rows], maximum)


@given(responses())
def test_statistics_stay_in_their_ranges(case):
    maximum, rows = case
    s = _item(rows, maximum)
    assert 0 <= st.facility(s) <= 1
    sd = st.item_sd(s)
    assert sd is None or sd >= 0
    d = st.discrimination(s)
    assert d is None or -1 <= d <= 1
    e = st.efficiency(s)
    assert e is None or e <= 1 + 1e-9


@given(responses(), hs.randoms(use_true_random=False))
def test_statistics_do_not_depend_on_the_order_of_the_attempts(case, rng: random.Random):
    maximum, rows = case
    shuffled = list(rows)
    rng.shuffle(shuffled)
    a, b = _item(rows, maximum), _item(shuffled, maximum)
    for formula in (st.facility, st.item_sd, st.discrimination, st.efficiency):
        first, second = formula(a), formula(b)
        assert (first is None) == (second is None) or abs((first or 0) - (second or 0)) < 1e-6
        if first is not None and second is not None:
            assert first == pytest.approx(second, abs=1e-6)


@given(responses(), responses())
def test_sums_of_variants_add_up_to_the_sums_of_their_responses(one, two):
    (max_one, rows_one), (_, rows_two) = one, two
    rows_two = [[min(v, max_one) for v in row] for row in rows_two]
    added = _item(rows_one, max_one) + _item(rows_two, max_one)
    together = _item(rows_one + rows_two, max_one)
    assert added.n == together.n
    assert added.sum_xt == pytest.approx(together.sum_xt)
    assert st.facility(added) == pytest.approx(st.facility(together))


@given(
    hs.integers(min_value=-(10**30), max_value=10**30),
    hs.lists(hs.floats(min_value=0, max_value=1e6), max_size=30),
    hs.floats(min_value=0, max_value=1e9, allow_nan=False) | hs.none(),
)
def test_alpha_is_never_above_one(items, variances, total):
    alpha = st.cronbach_alpha(items=items, item_variances=variances, total_variance=total)
    assert alpha is None or alpha <= 1 + 1e-9


@given(hs.text(), hs.floats(allow_nan=True), hs.tuples(*[hs.integers(0, 10**6)] * 3))
def test_flags_take_any_option_text_and_counts(text, credit, chosen):
    option = st.OptionShare(text, credit if credit == credit else 0.0, chosen, (10**6,) * 3)
    flags = st.item_flags(
        attempts=10**9, facility_value=0.5, discrimination_value=0.5, options=[option]
    )
    assert all(isinstance(flag, str) for flag in flags)
