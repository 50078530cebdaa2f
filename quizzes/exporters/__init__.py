"""Writing a question bank out as GIFT or Moodle XML (pure: takes questions, returns text)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class ExportNote:
    """Something a format cannot carry: the question was left out, or exported without it."""

    title: str
    message: str
    skipped: bool = False

    def __str__(self) -> str:
        return f"{self.title}: {self.message}"


def percent(credit) -> str:
    """0.5 -> '50', -0.3333333333333333 -> '-33.33333333333333': exact, so credits round-trip."""
    value = (Decimal(repr(float(credit))) * 100).normalize()
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def answer_values(question) -> tuple[str, dict]:
    """The question's one answer block as (type, plain JSON-like value)."""
    child = question.body[0]
    return child.block_type, child.block.get_prep_value(child.value)


def items(values: list) -> list:
    """ListBlock database values are [{"type": "item", "value": …}]; give just the values."""
    return [entry["value"] if isinstance(entry, dict) and "value" in entry else entry
            for entry in values or []]  # fmt: skip


def questions_export(questions, export_format: str) -> tuple[str, list[ExportNote]]:
    from quizzes.exporters.gift import export_gift
    from quizzes.exporters.moodle_xml import export_moodle_xml

    if hasattr(questions, "prefetch_related"):  # a queryset: no query per question
        questions = questions.select_related("category", "image").prefetch_related(
            "tagged_items__tag"
        )
    writer = export_gift if export_format == "gift" else export_moodle_xml
    return writer(list(questions))


def tag_names(question) -> list[str]:
    return sorted(item.tag.name for item in question.tagged_items.all())
