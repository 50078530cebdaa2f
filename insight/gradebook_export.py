"""The gradebook as spreadsheet rows: streamed in chunks, the columns of the page, flattened."""

from __future__ import annotations

from django.utils import timezone

from insight.gradebook import gradebook_chunks
from insight.gradebook_query import STATUSES


def gradebook_header(structure) -> list[str]:
    header = [
        "Name",
        "Email",
        "Profession",
        "Registration number",
        "Cycle",
        "Enrolled",
        "Last activity",
        "Status",
        "Progress (%)",
    ]
    header += [f"{module.page.title}: done" for module in structure.modules]
    for quiz in structure.quizzes:
        header += [
            f"{quiz.title}: best (%)",
            f"{quiz.title}: latest (%)",
            f"{quiz.title}: attempts",
            f"{quiz.title}: passed",
            f"{quiz.title}: must-pass failures",
        ]
    header += ["Completed", "Certificate code", "Certificate standing", "Certificate expires"]
    return header


def gradebook_export_rows(*, structure, enrollments):
    now = timezone.now()
    for row in gradebook_chunks(structure=structure, enrollments=enrollments):
        user, enrollment, certificate = row.user, row.enrollment, row.certificate
        cells = [
            user.full_name,
            user.email,
            user.get_profession_display(),
            user.registration_number,
            enrollment.cycle,
            enrollment.enrolled_at,
            getattr(enrollment, "last_activity", None),
            STATUSES[row.status],
            row.progress.percent,
        ]
        cells += [f"{cell.done}/{cell.total}" for cell in row.modules]
        for cell in row.quizzes:
            cells += [cell.best, cell.latest, cell.used, cell.passed, cell.must_pass_failures]
        cells += [
            enrollment.completed_at,
            certificate.display_code if certificate else "",
            row.certificate_standing(now),
            certificate.expires_at if certificate else None,
        ]
        yield cells
