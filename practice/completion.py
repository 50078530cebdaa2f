"""How practical skills take part in completion, progress and gating (registered from
PracticeConfig.ready): a required, live skill must be signed off in the current cycle."""

from __future__ import annotations

from django.db.models import F

from courses.completion import Requirement, TraineeState
from courses.outline_cache import kept_value


class SignedSkillsProvider:
    kind = "skill"
    plural = "practical skills"
    todo = "get {} signed off"
    outline_fields = {
        "is_skill": F("practicalskillpage__page_ptr_id"),
        "skill_required": F("practicalskillpage__is_required"),
    }

    def step_key(self, row):
        return f"skill:{row.id}" if getattr(row, "is_skill", None) else None

    def requirements(self, *, outlines):
        return {
            course_id: [
                Requirement(key=f"skill:{row.id}", kind="skill", label=row.title, page=row)
                for row in outline.rows
                if getattr(row, "is_skill", None) and row.skill_required
            ]
            for course_id, outline in outlines.items()
        }

    def met_page_ids(self, *, enrollment, page_ids):
        """Skills signed off in this enrollment, as trainee_state counts them."""
        from practice.models import SignOffRequest

        rows = SignOffRequest.objects.filter(
            status=SignOffRequest.Status.SIGNED,
            enrollment_id=enrollment.id,
            skill_id__in=page_ids,
        )
        return rows.order_by().values_list("skill_id", flat=True)

    def trainee_state(self, *, user, enrollments, outlines):
        """One query (none for a course without skills): signed requests of these enrollments
        and, for a viewer, their requests under way (for the outline's note); the quizzes each
        skill needs passed first are page content, kept with the outline."""
        from practice.models import SignOffRequest

        Status = SignOffRequest.Status
        state = TraineeState()
        skill_ids = [
            row.id
            for outline in outlines.values()
            for row in outline.rows
            if getattr(row, "is_skill", None)
        ]
        if not skill_ids:
            return state
        shown = (
            [Status.SIGNED] if user is None else [Status.SIGNED, Status.AWAITING, Status.RETURNED]
        )
        rows = SignOffRequest.objects.filter(
            status__in=shown,
            skill_id__in=skill_ids,
            enrollment_id__in=[e.id for e in enrollments],
        ).values_list("enrollment_id", "skill_id", "status", "submitted_at")
        if user is not None:
            for skill_id, required_id in _prerequisites(skill_ids):
                state.needs.setdefault(skill_id, []).append(f"quiz:{required_id}")
        latest: dict[int, tuple] = {}
        for enrollment_id, skill_id, status, submitted_at in rows:
            if status == Status.SIGNED:
                state.done[enrollment_id].add(f"skill:{skill_id}")
            if skill_id not in latest or submitted_at > latest[skill_id][0]:
                latest[skill_id] = (submitted_at, status)
        for skill_id, (_, status) in latest.items():
            if status in (Status.AWAITING, Status.RETURNED):
                state.notes[skill_id] = Status(status).label
        return state


def _prerequisites(skill_ids) -> list[tuple[int, int]]:
    """(skill, required quiz) pairs. Saved with the skill pages, so kept like their outline."""
    from practice.models import SkillPrerequisite

    def read():
        rows = SkillPrerequisite.objects.filter(skill_id__in=skill_ids)
        rows = rows.order_by("skill", "sort_order")
        return list(rows.values_list("skill_id", "required_quiz_id"))

    return kept_value(("skill-prerequisites", tuple(sorted(skill_ids))), read)
