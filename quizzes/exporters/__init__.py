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


OPTION_WORDS = {
    "ignore_articles": "leading a/an/the",
    "ignore_punctuation": "surrounding punctuation",
    "singular_or_plural": "singular vs plural",
}


def short_text_options_lost(value: dict, format_name: str) -> str | None:
    """The note for short answers that ignore articles, punctuation or number here: the format
    (and Moodle) cannot say so, and will mark those answers by case and * only."""
    lenient = [
        (entry["text"], [words for name, words in OPTION_WORDS.items() if entry.get(name)])
        for entry in items(value.get("answers"))
    ]
    lenient = [(text, words) for text, words in lenient if words]
    if not lenient:
        return None
    listed = "; ".join(f"'{text}' ignores {', '.join(words)}" for text, words in lenient)
    return (
        f"{format_name} cannot say that an answer ignores articles, punctuation or plurals "
        f"({listed}); there it accepts only the text as written (case and * as here)."
    )


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
