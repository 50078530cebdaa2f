"""Quiz-level item-writing checks: how often the right answer is the longest option (here), and
questions that answer each other when one attempt can show both (quizzes/cross_cues.py). Pure,
like quizzes/checks.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from quizzes.checks import Item, ItemWarning, keyed_and_wrong, text_length
from quizzes.cross_cues import check_cross_cues

SIGNIFICANCE = 0.05  # flag a longest-key share this unlikely by chance


@dataclass(frozen=True)
class LongestShare:
    longest: int  # choice items whose single longest option is keyed
    total: int  # choice items with both right and wrong options
    expected: float  # how many that would be by chance
    p_value: float  # chance of `longest` or more if length said nothing
    titles: tuple[str, ...]  # the items where it is

    @property
    def share(self) -> float:
        return self.longest / self.total if self.total else 0.0

    @property
    def chance(self) -> float:
        return self.expected / self.total if self.total else 0.0


def key_is_longest(item: Item) -> tuple[bool, float] | None:
    """(the one longest option is keyed, the chance of that when length says nothing), or
    None for an item without both right and wrong options."""
    keyed, wrong = keyed_and_wrong(item)
    if not keyed or not wrong:
        return None
    lengths = [text_length(option.text) for option in item.options]
    top = [o for o, length in zip(item.options, lengths, strict=True) if length == max(lengths)]
    return (len(top) == 1 and top[0] in keyed), len(keyed) / len(item.options)


def _tail(chances: list[float], observed: int) -> float:
    """P(X ≥ observed) for X a sum of independent Bernoulli(chance) (Poisson binomial)."""
    distribution = [1.0]
    for p in chances:
        distribution = [
            (distribution[k] if k < len(distribution) else 0.0) * (1 - p)
            + (distribution[k - 1] * p if k else 0.0)
            for k in range(len(distribution) + 1)
        ]
    return min(1.0, sum(distribution[observed:]))


def longest_key_share(items: Iterable[Item]) -> LongestShare:
    results = [(item, key_is_longest(item)) for item in items]
    results = [(item, result) for item, result in results if result is not None]
    longest = [item.title for item, (is_longest, _) in results if is_longest]
    chances = [chance for _, (_, chance) in results]
    return LongestShare(
        longest=len(longest),
        total=len(results),
        expected=sum(chances),
        p_value=_tail(chances, len(longest)),
        titles=tuple(longest),
    )


def check_longest_key_share(items: Iterable[Item]) -> list[ItemWarning]:
    share = longest_key_share(items)
    if share.longest <= share.expected or share.p_value >= SIGNIFICANCE:
        return []
    return [
        ItemWarning(
            code="longest_key_share",
            explanation=(
                f"The right answer is the longest option in {share.longest} of {share.total} "
                f"choice items ({share.share:.0%}; by chance about {share.chance:.0%}, and this "
                f"many or more would happen by chance with probability {share.p_value:.3f}): "
                "picking the longest option scores well without knowing anything."
            ),
            offending="; ".join(share.titles),
        )
    ]


def quiz_warnings(
    items: list[Item], *, together: Callable[[Item, Item], bool] | None = None
) -> list[ItemWarning]:
    return [*check_longest_key_share(items), *check_cross_cues(items, together=together)]
