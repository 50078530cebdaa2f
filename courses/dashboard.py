"""Extra panels on the trainee's dashboard, contributed by other apps (e.g. certificates).

Courses cannot import the apps built on it, so they register a provider from ready(); each
provider gets all the dashboard's enrollments at once, keeping the page's query count constant.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class EnrollmentPanel:
    template: str
    context: dict


class EnrollmentPanelProvider(Protocol):
    def panels(self, enrollments: list) -> dict[int, EnrollmentPanel]:
        """Panels by enrollment id, for the enrollments that have one."""


_providers: list[EnrollmentPanelProvider] = []


def register_enrollment_panel(provider: EnrollmentPanelProvider) -> None:
    if not any(type(existing) is type(provider) for existing in _providers):
        _providers.append(provider)


def enrollment_panels(enrollments: list) -> dict[int, list[EnrollmentPanel]]:
    result: dict[int, list[EnrollmentPanel]] = defaultdict(list)
    if not enrollments:
        return result
    for provider in _providers:
        for enrollment_id, panel in provider.panels(enrollments).items():
            result[enrollment_id].append(panel)
    return result
