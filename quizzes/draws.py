"""Which questions an attempt shows: the slot rules as a pure function of plain data.

The editor (feasibility at save) and attempt start (the draw) run the same checks, so a quiz the
editor accepted can only fail at start if the bank changed since; then it fails with a message.

Rules, per slot kind:
- question: always that question;
- variant set: one of its questions, preferring one the trainee has not seen in this quiz (then
  the one seen longest ago), uniform among equals;
- category: `count` questions from the category and its sub-categories, always including the
  required ones, with at least one from each sub-category and one with each coverage tag.
No question appears twice, nor two variants of one set: draws skip questions placed by other
slots and the variants of sets that variant slots use, show at most one variant of any other
set, and two draws must not share a pool (one would starve the other).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field


class DrawError(Exception):
    """The slots cannot be satisfied with the bank as it is; the message names the slot."""


@dataclass(frozen=True)
class Slot:
    index: int  # the slot's position as the author sees it (1 = first)
    question: int | None = None
    variant_set: int | None = None
    category: int | None = None
    count: int = 1
    required: tuple[int, ...] = ()
    cover_subcategories: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    id: int
    title: str = ""
    category: int | None = None
    tags: frozenset[str] = frozenset()
    variant_set: int | None = None


@dataclass(frozen=True)
class Bank:
    items: Mapping[int, Item]
    parents: Mapping[int, int | None] = field(default_factory=dict)  # category -> parent
    category_names: Mapping[int, str] = field(default_factory=dict)
    variant_set_names: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    slot: int
    message: str

    def __str__(self) -> str:
        return f"Slot {self.slot}: {self.message}"


@dataclass(frozen=True)
class Drawn:
    question: int
    slot: int
    variant_set: int | None = None


@dataclass
class _Plan:
    """What the checks worked out, reused by the draw."""

    variants: dict[int, list[int]] = field(default_factory=dict)  # slot -> candidates
    pools: dict[int, list[int]] = field(default_factory=dict)  # slot -> optional items
    groups: dict[int, list[frozenset[int]]] = field(default_factory=dict)  # slot -> uncovered
    units: dict[int, dict] = field(default_factory=dict)  # slot -> item -> unit


def category_chain(category: int | None, parents: Mapping[int, int | None]) -> list[int]:
    """The category and its ancestors (a cycle in bad data ends the walk)."""
    chain: list[int] = []
    while category is not None and category not in chain:
        chain.append(category)
        category = parents.get(category)
    return chain


def _quoted(bank: Bank, question: int) -> str:
    item = bank.items.get(question)
    return f"“{item.title}”" if item and item.title else f"question {question}"


def _unit(bank: Bank, question: int):
    """Variants of one set are one unit: a draw shows at most one of them."""
    variant_set = bank.items[question].variant_set
    return ("set", variant_set) if variant_set is not None else ("question", question)


def _cover(uncovered, groups, budget, rng, failed, unit_of, used=frozenset()) -> list[int] | None:
    """Items that hit every uncovered group, at most `budget` of them and one per unit, or None.

    A complete search (most constrained group first, candidates in random order), so it finds
    a cover whenever one exists; failures are remembered by (groups left, budget, units used),
    which is all a failure depends on, so the search stays small for real banks.
    """
    if not uncovered:
        return []
    if budget <= 0 or (uncovered, budget, used) in failed:
        return None
    target = min(uncovered, key=lambda g: (len(groups[g]), g))
    options = sorted(q for q in groups[target] if unit_of[q] not in used)
    if rng is not None:
        rng.shuffle(options)
    for item in options:
        rest = frozenset(g for g in uncovered if item not in groups[g])
        found = _cover(rest, groups, budget - 1, rng, failed, unit_of, used | {unit_of[item]})
        if found is not None:
            return [item, *found]
    failed.add((uncovered, budget, used))
    return None


def smallest_cover(groups: list[frozenset[int]], unit_of: Mapping) -> int | None:
    """How many items the coverage rules need at least (None: no choice of items covers them)."""
    failed: set = set()
    everything = frozenset(range(len(groups)))
    return next(
        (n for n in range(len(groups) + 1) if _cover(everything, groups, n, None, failed, unit_of)),
        None,
    )


def _reserved(slots, bank, problems) -> dict[int, int]:
    """Questions placed by a question slot or required by a draw: question -> slot."""
    placed: dict[int, int] = {}
    units: dict = {}  # a placed question's unit -> that question
    for slot in slots:
        ids = [slot.question] if slot.question is not None else list(slot.required)
        for question in ids:
            if question not in bank.items:
                problems.append(Problem(slot.index, f"question {question} no longer exists."))
            elif question in placed:
                problems.append(
                    Problem(
                        slot.index,
                        f"{_quoted(bank, question)} is already placed by slot {placed[question]}.",
                    )
                )
            elif (twin := units.get(_unit(bank, question))) is not None:
                problems.append(
                    Problem(
                        slot.index,
                        f"{_quoted(bank, question)} and {_quoted(bank, twin)} (slot "
                        f"{placed[twin]}) are variants of one set: place one of them at most.",
                    )
                )
            else:
                placed[question] = slot.index
                units[_unit(bank, question)] = question
    return placed


def _check_variants(slots, bank, placed, problems, plan) -> set[int]:
    """Each variant slot's candidates; returns every question of the sets in use."""
    used: dict[int, int] = {}
    members_in_use: set[int] = set()
    for slot in slots:
        if slot.variant_set is None:
            continue
        name = f"variant set “{bank.variant_set_names.get(slot.variant_set, slot.variant_set)}”"
        if slot.variant_set in used:
            problems.append(
                Problem(slot.index, f"{name} is already used by slot {used[slot.variant_set]}.")
            )
            continue
        used[slot.variant_set] = slot.index
        members = sorted(i.id for i in bank.items.values() if i.variant_set == slot.variant_set)
        members_in_use.update(members)
        clash = [m for m in members if m in placed]
        if not members:
            problems.append(Problem(slot.index, f"{name} has no questions."))
        elif clash:
            problems.append(
                Problem(
                    slot.index,
                    f"{_quoted(bank, clash[0])} is a variant in {name} and also placed by slot "
                    f"{placed[clash[0]]}: show it through one slot only.",
                )
            )
        plan.variants[slot.index] = members
    return members_in_use


def _check_draw(slot, bank, taken, problems, plan, owners) -> None:
    """A draw from a category: its pool, required items, coverage and count."""
    if slot.category not in bank.category_names:
        problems.append(Problem(slot.index, f"category {slot.category} no longer exists."))
        return
    label = bank.category_names[slot.category]
    in_subtree = {
        i.id
        for i in bank.items.values()
        if slot.category in category_chain(i.category, bank.parents)
    }
    required = [q for q in slot.required if q in bank.items]
    for question in required:
        if question not in in_subtree:
            problems.append(Problem(slot.index, f"{_quoted(bank, question)} is not in “{label}”."))
    taken_units = {_unit(bank, q) for q in taken}  # variants of a placed question stay out
    pool = sorted(q for q in in_subtree - taken if _unit(bank, q) not in taken_units)
    unit_of = {q: _unit(bank, q) for q in pool}
    for question, unit in unit_of.items():
        if unit in owners:
            problems.append(
                Problem(
                    slot.index,
                    f"its pool “{label}” overlaps the draw of slot {owners[unit]} "
                    f"({_quoted(bank, question)} or its variants could show twice): draw from "
                    "one of them (use sub-category coverage instead).",
                )
            )
            return
    owners.update(dict.fromkeys(unit_of.values(), slot.index))
    available = len(set(unit_of.values())) + len(required)
    if slot.count < 1:
        problems.append(Problem(slot.index, "draws no questions: set a count of 1 or more."))
    if len(required) > slot.count:
        problems.append(
            Problem(
                slot.index,
                f"always includes {len(required)} questions but draws only {slot.count}.",
            )
        )
    elif slot.count > available:
        problems.append(
            Problem(
                slot.index,
                f"draws {slot.count} from “{label}” but only {available} "
                f"question{'s are' if available != 1 else ' is'} available there.",
            )
        )
    named_groups: list[tuple[str, set[int]]] = []
    if slot.cover_subcategories:
        children = sorted(c for c, p in bank.parents.items() if p == slot.category)
        if not children:
            problems.append(Problem(slot.index, f"“{label}” has no sub-categories to cover."))
        for child in children:
            members = {
                q
                for q in (*pool, *required)
                if child in category_chain(bank.items[q].category, bank.parents)
            }
            named_groups.append(
                (f"sub-category “{bank.category_names.get(child, child)}”", members)
            )
    for tag in slot.tags:
        members = {q for q in (*pool, *required) if tag in bank.items[q].tags}
        named_groups.append((f"tag “{tag}”", members))
    empty = [name for name, members in named_groups if not members]
    for name in empty:
        problems.append(Problem(slot.index, f"no question in “{label}” has {name}."))
    groups = [frozenset(m) for _, m in named_groups if m and not m & set(required)]
    if not empty and groups:
        need = smallest_cover(groups, unit_of)
        budget = slot.count - len(required)
        if need is None:
            problems.append(
                Problem(
                    slot.index,
                    f"{_coverage_phrase(slot)} cannot be met: the only candidates are variants "
                    "of one set, and a draw shows one variant at most.",
                )
            )
        elif need > budget:
            problems.append(
                Problem(
                    slot.index,
                    f"{_coverage_phrase(slot)} needs {need + len(required)} questions, "
                    f"but it draws {slot.count}.",
                )
            )
    plan.pools[slot.index] = pool
    plan.groups[slot.index] = groups
    plan.units[slot.index] = unit_of


def _coverage_phrase(slot: Slot) -> str:
    rules = ["one from each sub-category"] if slot.cover_subcategories else []
    rules += ["one with each tag"] if slot.tags else []
    return " and ".join(rules).capitalize()


def check(slots: list[Slot], bank: Bank) -> tuple[list[Problem], _Plan]:
    """Every reason these slots cannot be drawn from this bank (none: any seed succeeds)."""
    problems: list[Problem] = []
    plan = _Plan()
    for slot in slots:
        kinds = [slot.question, slot.variant_set, slot.category]
        if sum(kind is not None for kind in kinds) != 1:
            problems.append(
                Problem(slot.index, "choose one: a question, a variant set or a category.")
            )
    slots = [
        s for s in slots if sum(k is not None for k in (s.question, s.variant_set, s.category)) == 1
    ]
    placed = _reserved(slots, bank, problems)
    taken = set(placed) | _check_variants(slots, bank, placed, problems, plan)
    owners: dict[int, int] = {}
    for slot in slots:
        if slot.category is not None:
            _check_draw(slot, bank, taken, problems, plan, owners)
    return problems, plan


def problems(slots: list[Slot], bank: Bank) -> list[Problem]:
    return check(slots, bank)[0]


def _pick_variant(candidates: list[int], seen: Mapping[int, int], rng: random.Random) -> int:
    unseen = [c for c in candidates if c not in seen]
    if unseen:
        return rng.choice(unseen)
    oldest = min(seen[c] for c in candidates)
    return rng.choice([c for c in candidates if seen[c] == oldest])


def draw(
    slots: list[Slot],
    bank: Bank,
    *,
    rng: random.Random,
    seen: Mapping[int, int] | None = None,
) -> list[Drawn]:
    """The questions for one attempt, slot by slot; raises DrawError if the rules cannot be met.

    `seen` maps a question to the number of the latest earlier attempt that showed it.
    """
    found, plan = check(slots, bank)
    if found:
        raise DrawError(" ".join(str(p) for p in found))
    seen = seen or {}
    drawn: list[Drawn] = []
    for slot in sorted(slots, key=lambda s: s.index):
        if slot.question is not None:
            drawn.append(Drawn(slot.question, slot.index))
        elif slot.variant_set is not None:
            choice = _pick_variant(plan.variants[slot.index], seen, rng)
            drawn.append(Drawn(choice, slot.index, slot.variant_set))
        else:
            required = list(slot.required)
            budget = slot.count - len(required)
            groups = plan.groups[slot.index]
            unit_of = plan.units[slot.index]
            everything = frozenset(range(len(groups)))
            cover = _cover(everything, groups, budget, rng, set(), unit_of) or []
            members: dict = {}
            for question in plan.pools[slot.index]:
                members.setdefault(unit_of[question], []).append(question)
            covered = {unit_of[q] for q in cover}
            rest = [unit for unit in members if unit not in covered]
            fill = [
                _pick_variant(members[unit], seen, rng)
                for unit in rng.sample(rest, budget - len(cover))
            ]
            chosen = required + cover + fill
            rng.shuffle(chosen)  # the order must not tell which items were required
            drawn.extend(Drawn(q, slot.index) for q in chosen)
    return drawn
