"""The practical-skills panel on the trainee's dashboard: each skill of the course and where it
stands (not started, practising n of m, awaiting sign-off, returned, signed off)."""

from __future__ import annotations

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Count, Q

from courses.dashboard import EnrollmentPanel
from practice.models import PracticalSkillPage, PracticeSession, SignOffRequest
from practice.rules import skill_state

TEMPLATE = "practice/includes/dashboard_panel.html"


class SkillPanels:
    """One query for a dashboard whose courses have no skills; three when they have some,
    whatever the number of courses, skills and sessions."""

    def panels(self, enrollments: list) -> dict[int, EnrollmentPanel]:
        by_path = {e.course.path: e for e in enrollments}
        skills = list(
            PracticalSkillPage.objects.live()
            .filter(reduce(or_, (Q(path__startswith=path) for path in by_path)))
            .only("id", "title", "path", "depth", "url_path", "min_repetitions", "is_required")
            .order_by("path")
        )
        if not skills:
            return {}
        ids = [e.id for e in enrollments]
        logged = {
            (row["enrollment_id"], row["skill_id"]): row["n"]
            for row in PracticeSession.objects.filter(enrollment_id__in=ids)
            .values("enrollment_id", "skill_id")
            .annotate(n=Count("id"))
            .order_by()
        }
        latest = {}
        for enrollment_id, skill_id, status in (
            SignOffRequest.objects.filter(enrollment_id__in=ids)
            .order_by("submitted_at")
            .values_list("enrollment_id", "skill_id", "status")
        ):
            latest[(enrollment_id, skill_id)] = status  # the newest wins
        rows = defaultdict(list)
        for skill in skills:
            enrollment = next(e for path, e in by_path.items() if skill.path.startswith(path))
            key = (enrollment.id, skill.id)
            state = skill_state(
                logged=logged.get(key, 0),
                required=skill.min_repetitions,
                latest_request=latest.get(key),
            )
            rows[enrollment.id].append({"skill": skill, "state": state})
        return {
            enrollment_id: EnrollmentPanel(TEMPLATE, {"skills": skill_rows})
            for enrollment_id, skill_rows in rows.items()
        }
