"""The gradebook's query string as a value: pure parsing, so nonsense never reaches the database.

Every parameter is optional. A value that makes no sense (an unknown status, a course the
instructor may not see, a cycle of "١٢" or 10**40, text with NUL or lone surrogates) is dropped
with a sentence saying so, and the page shows what it can instead of failing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

STATUSES = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "stuck": "Stuck on a gate",
    "completed": "Completed",
    "certificate": "Certificate revoked or expiring",
}
SORTS = {
    "name": "Name (A–Z)",
    "-name": "Name (Z–A)",
    "enrolled": "Enrolled (oldest first)",
    "-enrolled": "Enrolled (newest first)",
    "activity": "Last activity (oldest first)",
    "-activity": "Last activity (newest first)",
}
DEFAULT_SORT = "name"
MAX_SEARCH = 100
MAX_CYCLE = 32767  # a PositiveSmallIntegerField
MAX_PAGE = 1_000_000


def clean_text(value: str, *, limit: int = MAX_SEARCH) -> str:
    """Text a database accepts: no NUL (PostgreSQL refuses it), no lone surrogates (not UTF-8)."""
    value = value.replace("\x00", "")
    value = value.encode("utf-8", "ignore").decode("utf-8")
    return " ".join(value.split())[:limit]


def small_int(value: str, *, limit: int) -> int | None:
    """A positive whole number written in ASCII digits and at most `limit`, else None."""
    value = value.strip()
    if not value or len(value) > 12 or not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 1 <= number <= limit else None


@dataclass(frozen=True)
class GradebookQuery:
    course_id: int | None
    cycle: int | None = None  # None: each trainee's current (latest) cycle
    status: str = ""
    q: str = ""
    sort: str = DEFAULT_SORT
    page: int = 1
    problems: tuple[str, ...] = field(default=(), compare=False)

    def params(self, **changes) -> dict[str, str]:
        """The query string for links (sorting, pages, exports), without empty values."""
        values = {
            "course": self.course_id,
            "cycle": self.cycle,
            "status": self.status,
            "q": self.q,
            "sort": self.sort if self.sort != DEFAULT_SORT else "",
        }
        values.update(changes)
        return {key: str(value) for key, value in values.items() if value not in (None, "")}


def _get(params: Mapping, name: str) -> str:
    value = params.get(name, "")
    return value if isinstance(value, str) else ""


def gradebook_query(params: Mapping, *, course_ids: Sequence[int]) -> GradebookQuery:
    """Parse the query string against the courses this instructor may see (first one by default)."""
    problems = []
    raw_course = _get(params, "course")
    course_id = small_int(raw_course, limit=2**63 - 1) if raw_course else None
    if raw_course and course_id not in course_ids:
        problems.append("That course is not one you can see; showing your first course instead.")
        course_id = None
    if course_id is None:
        course_id = course_ids[0] if course_ids else None
    raw_cycle = _get(params, "cycle")
    cycle = small_int(raw_cycle, limit=MAX_CYCLE) if raw_cycle else None
    if raw_cycle and cycle is None:
        problems.append("The cycle must be a whole number; showing each trainee's current cycle.")
    status = _get(params, "status")
    if status and status not in STATUSES:
        problems.append("Unknown status filter ignored.")
        status = ""
    sort = _get(params, "sort") or DEFAULT_SORT
    if sort not in SORTS:
        problems.append("Unknown sort order ignored.")
        sort = DEFAULT_SORT
    page = small_int(_get(params, "p"), limit=MAX_PAGE) or 1
    return GradebookQuery(
        course_id=course_id,
        cycle=cycle,
        status=status,
        q=clean_text(_get(params, "q")),
        sort=sort,
        page=page,
        problems=tuple(problems),
    )
