"""Questions out as GIFT (Moodle's text format), the way Moodle's own writer spells it.

GIFT has no ordering or hotspot question, no points, no unit and no case sensitivity: those
questions are left out and those settings dropped, each reported as an ExportNote.
"""

from __future__ import annotations

import html

from django.utils.translation import ngettext

from quizzes.exporters import (
    ExportNote,
    answer_values,
    items,
    percent,
    short_text_options_lost,
    tag_names,
)

_SPECIALS = [("\\", "\\\\"), ("~", "\\~"), ("=", "\\="), ("#", "\\#"), ("{", "\\{")]
_SPECIALS += [("}", "\\}"), (":", "\\:"), ("\r", ""), ("\n", "\\n")]


def escape(text: str) -> str:
    for char, replacement in _SPECIALS:
        text = text.replace(char, replacement)
    return text


def plain(text: str) -> str:
    """Option texts and feedback travel inside an [html] question, so they are HTML-escaped too.
    Short answers and matching answers are not: Moodle reads those as typed, in any format."""
    return escape(html.escape(text or "", quote=False))


def category_path(name: str) -> str:
    return "$course$/top/" + name.replace("/", "//")


def export_gift(questions) -> tuple[str, list[ExportNote]]:
    notes: list[ExportNote] = []
    out: list[str] = []
    current = None
    ordered = sorted(questions, key=lambda q: (q.category.name if q.category else "", q.pk or 0))
    for question in ordered:
        answer = _answer(question, notes)
        if answer is None:
            continue
        category = question.category.name if question.category else None
        if category and category != current:
            out.append(f"$CATEGORY: {category_path(category)}\n")
            current = category
        general = question.general_feedback or ""
        feedback = f"\n\t####[html]{escape(general)}\n" if general.strip() else "\n"
        out.append(
            f"::{escape(question.title)}::[html]{escape(question.stem)}{{\n{answer}{feedback}}}\n"
        )
    exported = len(ordered) - sum(n.skipped for n in notes)
    header = [f"// {exported} {ngettext('question', 'questions', exported)} exported as GIFT."]
    header += [f"// {'left out' if n.skipped else 'note'}: {_one_line(str(n))}" for n in notes]
    return "\n".join(header) + "\n\n" + "\n".join(out), notes


def _one_line(text: str) -> str:
    """A note in a `//` comment line must not break the line."""
    return " ".join(text.split())


def _answer(question, notes: list[ExportNote]) -> str | None:
    kind, value = answer_values(question)
    title = question.title
    if kind in ("ordering", "hotspot"):
        notes.append(ExportNote(title, f"GIFT has no {kind} question; left out.", skipped=True))
        return None
    if question.points != 1:
        notes.append(ExportNote(title, f"GIFT has no points; {question.points} becomes 1."))
    if question.image_id:
        notes.append(ExportNote(title, "GIFT cannot carry the question's image."))
    if question.critical:
        notes.append(ExportNote(title, "GIFT cannot mark a must-pass item; the flag is dropped."))
    if tag_names(question):
        notes.append(ExportNote(title, "GIFT has no tags; they are dropped."))
    if question.scenario_id:
        notes.append(ExportNote(title, "The case scenario is not exported."))
    lines: list[str] = []
    if kind in ("single_choice", "multiple_response"):
        marked = False
        for option in items(value["options"]):
            if kind == "single_choice" and not marked and option["credit"] >= 1:
                prefix, marked = "=", True  # Moodle reads text after '=' as is, even '%50%'
            else:  # always a weight, so a text starting '%50%' cannot become one
                prefix = f"~%{percent(option['credit'])}%"
            feedback = f"#{plain(option['feedback'])}" if option.get("feedback") else ""
            lines.append(f"{prefix}{plain(option['text'])}{feedback}")
    elif kind == "true_false":
        right, wrong = (
            (value["feedback_true"], value["feedback_false"])
            if value["answer"]
            else (value["feedback_false"], value["feedback_true"])
        )
        return f"\t{'TRUE' if value['answer'] else 'FALSE'}#{plain(wrong)}#{plain(right)}"
    elif kind == "numeric":
        if value.get("unit"):
            notes.append(ExportNote(title, f"GIFT has no units; '{value['unit']}' is dropped."))
        lines.append("#")
        for entry in items(value["answers"]):
            if entry.get("minimum") is not None and entry.get("maximum") is not None:
                number = f"{entry['minimum']}..{entry['maximum']}"
            else:
                number = f"{entry['value']}:{entry.get('tolerance') or 0}"
            lines.append(f"=%{percent(entry['credit'])}%{number}")
    elif kind == "short_text":
        if value.get("case_sensitive"):
            notes.append(ExportNote(title, "GIFT short answers ignore case; the setting is lost."))
        if value.get("model_answer"):
            notes.append(ExportNote(title, "GIFT has no model answer; it is not exported."))
        if lost := short_text_options_lost(value, "GIFT"):
            notes.append(ExportNote(title, lost))
        for entry in items(value["answers"]):
            lines.append(f"=%{percent(entry['credit'])}%{escape(entry['text'])}")  # as typed
    elif kind == "matching":
        for pair in items(value["pairs"]):
            lines.append(f"={plain(pair['prompt'])} -> {escape(pair['answer'])}")
        for distractor in items(value.get("distractors")):
            lines.append(f"= -> {escape(distractor)}")
    return "\n".join("\t" + line for line in lines)
