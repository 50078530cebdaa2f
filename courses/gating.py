"""Module locks: other apps register gates (e.g. "pass the safety quiz first") from ready()."""

from __future__ import annotations

from typing import Protocol


class ModuleGate(Protocol):
    def locked_modules(self, *, user, course) -> dict[int, str]:
        """Module ids locked for this trainee on this course, each with the reason to show."""


_gates: list[ModuleGate] = []


def register_module_gate(gate: ModuleGate) -> None:
    if not any(type(existing) is type(gate) for existing in _gates):
        _gates.append(gate)


def locked_modules(*, user, course) -> dict[int, str]:
    locks: dict[int, str] = {}
    for gate in _gates:
        for module_id, reason in gate.locked_modules(user=user, course=course).items():
            locks.setdefault(module_id, reason)
    return locks
