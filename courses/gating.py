"""Module locks: other apps register gates (e.g. "pass the safety quiz first") from ready()."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class ModuleLock:
    reason: str  # shown to the trainee as is
    page: Any = None  # where to go to unlock it (e.g. the quiz), if there is such a page
    missing: tuple = field(default=(), compare=False)  # a step's unmet prerequisites (Requirements)

    def __str__(self):
        return self.reason


class ModuleGate(Protocol):
    def locked_modules(self, *, user, course) -> dict[int, ModuleLock]:
        """Module ids locked for this trainee on this course, each with why and where to go."""


_gates: list[ModuleGate] = []


def register_module_gate(gate: ModuleGate) -> None:
    if not any(type(existing) is type(gate) for existing in _gates):
        _gates.append(gate)


def locked_modules(*, user, course) -> dict[int, ModuleLock]:
    locks: dict[int, ModuleLock] = {}
    for gate in _gates:
        for module_id, lock in gate.locked_modules(user=user, course=course).items():
            locks.setdefault(module_id, lock)
    return locks
