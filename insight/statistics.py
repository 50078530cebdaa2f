"""Item-analysis formulas as pure functions of sums the database computes.

The definitions are Moodle's quiz statistics (docs.moodle.org/dev/Quiz_statistics_calculations):
facility index, item standard deviation, discrimination index (the correlation of the item
with the rest of the test), discriminative efficiency and Cronbach's alpha. Each takes sums
(Σx, Σx², Σxt, …) rather than rows, so 100,000 responses reach Python as one row per item.
Undefined values (no spread, fewer than two attempts) are None, never a division by zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_ATTEMPTS = 30  # below this, statistics are shown but not trusted, and nothing is flagged
LOW_DISCRIMINATION = 0.2
EASY = 0.95
HARD = 0.2


@dataclass(frozen=True)
class ItemSums:
    """One item over n responses: x its score, t the attempt's total, m the item's maximum."""

    n: int
    sum_x: float
    sum_xx: float
    sum_xt: float
    sum_t: float
    sum_tt: float
    sum_max: float
    sorted_cross: float | None = None  # Σ x₍ₖ₎·r₍ₖ₎ with x and the rest r = t − x each sorted

    def __add__(self, other: ItemSums) -> ItemSums:
        """Sums of items never shown together (the variants of one set) add up."""
        return ItemSums(
            self.n + other.n,
            self.sum_x + other.sum_x,
            self.sum_xx + other.sum_xx,
            self.sum_xt + other.sum_xt,
            self.sum_t + other.sum_t,
            self.sum_tt + other.sum_tt,
            self.sum_max + other.sum_max,
            None,
        )


def _tiny(value: float, scale: float) -> bool:
    """Zero up to rounding: sums of squares minus squared sums cancel to ~1e-16 of their size."""
    return value <= 1e-9 * max(1.0, abs(scale))


def facility(s: ItemSums) -> float | None:
    """Mean score as a share of the maximum (Moodle's F, here 0..1 rather than a percentage)."""
    if s.n == 0 or s.sum_max <= 0:
        return None
    return min(1.0, max(0.0, s.sum_x / s.sum_max))


def _centred(s: ItemSums) -> tuple[float, float, float, float]:
    """(Σ(x−x̄)², Σ(r−r̄)², Σ(x−x̄)(r−r̄), Σr) with r = t − x, the rest of the test."""
    sum_r = s.sum_t - s.sum_x
    sum_rr = s.sum_tt - 2 * s.sum_xt + s.sum_xx
    sum_xr = s.sum_xt - s.sum_xx
    vx = s.sum_xx - s.sum_x * s.sum_x / s.n
    vr = sum_rr - sum_r * sum_r / s.n
    cov = sum_xr - s.sum_x * sum_r / s.n
    return vx, vr, cov, sum_r


def item_sd(s: ItemSums) -> float | None:
    """Sample standard deviation of the score, as a share of the item's maximum."""
    if s.n < 2 or s.sum_max <= 0:
        return None
    vx = max(0.0, _centred(s)[0])
    return math.sqrt(vx / (s.n - 1)) / (s.sum_max / s.n)


def discrimination(s: ItemSums) -> float | None:
    """Pearson correlation of the item score with the rest of the test (total minus this item),
    Moodle's discrimination index; None when either has no spread."""
    if s.n < 2:
        return None
    vx, vr, cov, _ = _centred(s)
    if _tiny(vx, s.sum_xx) or _tiny(vr, s.sum_tt):
        return None
    return max(-1.0, min(1.0, cov / math.sqrt(vx * vr)))


def efficiency(s: ItemSums) -> float | None:
    """Covariance with the rest over the largest covariance those same scores could have (both
    sorted), Moodle's discriminative efficiency: how much of what the item could discriminate,
    given its difficulty, it does. At most 1; None without spread."""
    if s.n < 2 or s.sorted_cross is None:
        return None
    vx, vr, cov, sum_r = _centred(s)
    largest = s.sorted_cross - s.sum_x * sum_r / s.n
    if _tiny(vx, s.sum_xx) or _tiny(vr, s.sum_tt) or _tiny(largest, s.sorted_cross):
        return None
    return min(1.0, cov / largest)


def variance(n: int, total: float, squares: float) -> float | None:
    """Sample variance from Σ and Σ² (None for fewer than two values)."""
    if n < 2:
        return None
    return max(0.0, squares - total * total / n) / (n - 1)


def cronbach_alpha(
    *, items: int, item_variances: Sequence[float], total_variance: float | None
) -> float | None:
    """α = k/(k−1)·(1 − Σ var(item)/var(total)), Moodle's coefficient of internal consistency.

    `items` is k, the number of items per attempt; `item_variances` the variance of each item
    weighted by the share of attempts that showed it (1 for every item of a fixed quiz, so this
    is the textbook α; for draws, the expected sum of item variances per attempt). At most 1;
    None for one item or totals without spread."""
    if items < 2 or total_variance is None or _tiny(total_variance, 1.0):
        return None
    alpha = items / (items - 1) * (1 - math.fsum(item_variances) / total_variance)
    # var(total) ≤ k·Σ var(item) bounds real data by 1; sums that break it (draws, a `k` that
    # is not the items' count) are capped rather than reported as more than perfect
    return min(1.0, alpha)


def mean_sd(n: int, total: float, squares: float) -> tuple[float | None, float | None]:
    if n == 0:
        return None, None
    spread = variance(n, total, squares)
    return total / n, (math.sqrt(spread) if spread is not None else None)


@dataclass(frozen=True)
class OptionShare:
    """A choice option's selections among the bottom, middle and top thirds by total score."""

    text: str
    credit: float
    chosen: tuple[int, int, int]
    shown: tuple[int, int, int]

    def share(self, third: int) -> float | None:
        return self.chosen[third] / self.shown[third] if self.shown[third] else None

    @property
    def bottom(self) -> float | None:
        return self.share(0)

    @property
    def top(self) -> float | None:
        return self.share(2)

    @property
    def overall(self) -> float | None:
        shown = sum(self.shown)
        return sum(self.chosen) / shown if shown else None

    @property
    def is_keyed(self) -> bool:
        return self.credit > 0


def _pct(value: float) -> str:
    return f"{value:.0%}"


def item_flags(
    *,
    attempts: int,
    facility_value: float | None,
    discrimination_value: float | None,
    options: Sequence[OptionShare] = (),
    min_attempts: int = MIN_ATTEMPTS,
) -> list[str]:
    """One-line reasons an item needs a look; none below `min_attempts` (too few to trust)."""
    if attempts < min_attempts:
        return []
    flags = []
    if facility_value is not None and facility_value > EASY:
        flags.append(
            f"Facility {_pct(facility_value)}: nearly everyone gets it right, so it tells "
            "trainees apart little."
        )
    if facility_value is not None and facility_value < HARD:
        flags.append(
            f"Facility {_pct(facility_value)}: nearly everyone gets it wrong; check the key "
            "and whether the lessons teach it."
        )
    if discrimination_value is None:
        flags.append(
            "No discrimination: every attempt scored the same on it, or on the rest of the quiz."
        )
    elif discrimination_value < 0:
        flags.append(
            f"Discrimination {discrimination_value:.2f} is negative: trainees who do well "
            "overall get it wrong more often; check the key."
        )
    elif discrimination_value < LOW_DISCRIMINATION:
        flags.append(
            f"Discrimination {discrimination_value:.2f} is below {LOW_DISCRIMINATION:.2f}: it "
            "hardly separates trainees who know the material from those who do not."
        )
    for option in options:
        top, bottom = option.top, option.bottom
        if not option.is_keyed and top is not None and bottom is not None and top > bottom:
            flags.append(
                f"Distractor “{option.text}” drew {_pct(top)} of the top third and "
                f"{_pct(bottom)} of the bottom: it may be defensible, or the key wrong."
            )
    return flags


def median(values: Sequence[float]) -> float | None:
    """The middle value (mean of the two middle ones); the database computes it at scale."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
