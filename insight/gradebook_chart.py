"""The gradebook's progress funnel: how many of the trainees shown got through each module.

One aggregate query over the filtered enrollments (however many), and a server-side SVG drawn
by a pure function, with the same figures as a table for screen readers and for copying."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.html import format_html, format_html_join

from courses.models import LessonCompletion
from quizzes.models import Attempt


@dataclass(frozen=True)
class Stage:
    label: str
    count: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.count / self.total) if self.total else 0


def _key_ids(keys: list[str], kind: str) -> list[int]:
    return [int(key.split(":", 1)[1]) for key in keys if key.startswith(f"{kind}:")]


def funnel_stages(*, structure, enrollments) -> list[Stage]:
    """Enrolled, started, each module done (its required lessons and quizzes, this cycle),
    completed, holding a valid certificate: one query."""
    rows = enrollments.order_by()
    done_filters = {}
    for index, module in enumerate(structure.modules):
        lesson_ids = _key_ids(module.keys, "lesson")
        condition = Q()
        if lesson_ids:
            done = (
                LessonCompletion.objects.filter(enrollment=OuterRef("pk"), lesson_id__in=lesson_ids)
                .order_by()
                .values("enrollment")
                .annotate(n=Count("pk"))
                .values("n")
            )
            rows = rows.annotate(
                **{
                    f"m{index}_lessons": Coalesce(
                        Subquery(done), Value(0), output_field=IntegerField()
                    )
                }
            )
            condition &= Q(**{f"m{index}_lessons__gte": len(lesson_ids)})
        for quiz_id in _key_ids(module.keys, "quiz"):
            passed = Attempt.objects.filter(
                user=OuterRef("user_id"),
                quiz_id=quiz_id,
                passed=True,
                submitted_at__gte=OuterRef("enrolled_at"),
            )
            rows = rows.annotate(**{f"m{index}_q{quiz_id}": Exists(passed)})
            condition &= Q(**{f"m{index}_q{quiz_id}": True})
        done_filters[f"m{index}"] = Q(completed_at__isnull=False) | condition
    figures = rows.aggregate(
        enrolled=Count("pk"),
        started=Count(
            "pk", filter=Q(has_lesson=True) | Q(has_attempt=True) | Q(completed_at__isnull=False)
        ),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        certified=Count("pk", filter=Q(certificate__status="valid")),
        **{name: Count("pk", filter=condition) for name, condition in done_filters.items()},
    )
    total = figures["enrolled"]
    stages = [Stage("Enrolled", total, total), Stage("Started", figures["started"], total)]
    for index, module in enumerate(structure.modules):
        stages.append(Stage(f"Done: {module.page.title}", figures[f"m{index}"], total))
    stages.append(Stage("Completed the course", figures["completed"], total))
    stages.append(Stage("Holds a valid certificate", figures["certified"], total))
    return stages


BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH, FIGURE_WIDTH = 22, 10, 260, 360, 110


def funnel_svg(stages: list[Stage], *, title_id: str = "funnel-title") -> str:
    """Horizontal bars, one per stage, labelled with the count and share; the table next to it
    carries the same figures (the SVG is an image with a title and a summary)."""
    width = LABEL_WIDTH + BAR_WIDTH + FIGURE_WIDTH
    height = len(stages) * (BAR_HEIGHT + GAP) + GAP
    bars = []
    for index, stage in enumerate(stages):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = BAR_WIDTH * stage.count / stage.total if stage.total else 0
        bars.append(
            (
                LABEL_WIDTH - 8,
                f"{y + BAR_HEIGHT * 0.7:.1f}",
                stage.label[:40],
                LABEL_WIDTH,
                y,
                f"{max(length, 1 if stage.count else 0):.1f}",
                BAR_HEIGHT,
                LABEL_WIDTH + BAR_WIDTH + 8,
                f"{y + BAR_HEIGHT * 0.7:.1f}",
                stage.count,
                stage.percent,
            )
        )
    summary = "; ".join(f"{s.label}: {s.count} ({s.percent}%)" for s in stages)
    return format_html(
        '<svg class="insight-funnel" role="img" aria-labelledby="{} {}-desc" viewBox="0 0 {} {}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<desc id="{}-desc">{}</desc>'
        '<rect x="{}" y="0" width="{}" height="{}" class="insight-funnel__track"/>{}</svg>',
        title_id,
        title_id,
        width,
        height,
        title_id,
        summary,
        LABEL_WIDTH,
        BAR_WIDTH,
        height,
        format_html_join(
            "",
            '<text x="{}" y="{}" text-anchor="end" class="insight-funnel__label">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" rx="3" class="insight-funnel__bar"/>'
            '<text x="{}" y="{}" class="insight-funnel__figure">{} ({}%)</text>',
            bars,
        ),
    )
