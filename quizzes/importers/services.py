"""Parsed questions into Question rows, through the answer blocks' own validation.

Every answer goes through its block's to_python + clean, exactly as the editor's form does, so an
imported question is as valid as an editor-made one. Writes are all-or-nothing per file and
batched: a fixed number of queries per batch, whatever the number of questions in it.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from taggit.models import Tag
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.search.backends import get_search_backend

from quizzes.blocks import QUESTION_TYPE_LABELS, QUESTION_TYPES, HotspotBlock
from quizzes.importers.model import ParsedQuestion, ParseProblem, ParseResult, SortsProblems
from quizzes.models import Question, QuestionBank, QuestionCategory
from quizzes.models.bank import QuestionTag
from quizzes.short_text import OPTIONS as SHORT_TEXT_OPTIONS

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
ANSWER_BLOCKS = dict(QUESTION_TYPES)
# The hotspot's image does not exist until the import writes it: validate everything else.
HOTSPOT_WITHOUT_IMAGE = blocks.StructBlock(
    [(name, block) for name, block in HotspotBlock().child_blocks.items() if name != "image"]
)
MAX_POINTS = Decimal("999.99")


@dataclass
class ImportReport(SortsProblems):
    counts: Counter = field(default_factory=Counter)  # question type -> number (to be) imported
    problems: list[ParseProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "line 4: feedback for '4' was not kept"
    rows: list[dict] = field(default_factory=list)  # preview: one per question in the file
    imported: int = 0
    dry_run: bool = False

    @property
    def complete(self) -> bool:
        """Everything in the file was (or, in a dry run, would be) imported."""
        return not self.problems

    def count_lines(self) -> list[str]:
        return [f"{QUESTION_TYPE_LABELS[kind]}: {n}" for kind, n in sorted(self.counts.items())]


def error_messages(error, path: str = "") -> list[str]:
    """Flatten StructBlock/ListBlock validation errors into 'options[2].credit: …' lines."""
    if hasattr(error, "block_errors") or hasattr(error, "non_block_errors"):
        messages: list[str] = []
        non_block = getattr(error, "non_block_errors", None)
        for child in non_block.as_data() if non_block else []:
            messages.extend(error_messages(child, path))
        for key, child in (getattr(error, "block_errors", None) or {}).items():
            if isinstance(key, int):
                label = f"{path}[{key + 1}]"
            else:
                label = f"{path}.{key}" if path else key
            messages.extend(error_messages(child, label))
        return messages
    texts = error.messages if isinstance(error, ValidationError) else [str(error)]
    return [f"{path}: {text}" if path else text for text in texts]


def question_validate(question: ParsedQuestion) -> tuple[dict | None, list[str]]:
    """The block's database value, or the reasons it would be refused in the editor."""
    errors = []
    if not re.sub(r"<[^>]*>", "", question.stem).strip():
        errors.append("The question has no text.")
    if not Decimal(0) <= question.points <= MAX_POINTS:
        errors.append(f"Points must be between 0 and {MAX_POINTS}; this has {question.points}.")
    if question.kind not in ANSWER_BLOCKS:
        return None, [*errors, f"Unknown question type '{question.kind}'."]
    block = HOTSPOT_WITHOUT_IMAGE if question.kind == "hotspot" else ANSWER_BLOCKS[question.kind]
    if question.kind == "hotspot" and question.image is None:
        errors.append("The hotspot has no background image.")
    try:
        value = block.clean(block.to_python(_as_moodle_marks(question.kind, question.answer)))
    except ValidationError as error:
        return None, [*errors, *error_messages(error)]
    return (None if errors else block.get_prep_value(value)), errors


def _as_moodle_marks(kind: str, answer: dict) -> dict:
    """GIFT and Moodle XML short answers know only case and `*`: an imported answer gets the
    article, punctuation and plural options off, so it marks here as it did in Moodle (the
    editor's default for a new answer is on)."""
    if kind != "short_text":
        return answer
    off = dict.fromkeys(SHORT_TEXT_OPTIONS, False)
    answers = [{**off, **a} if isinstance(a, dict) else a for a in answer.get("answers") or []]
    return {**answer, "answers": answers}


def _location_key(location: str) -> int:
    digits = re.findall(r"\d+", location)
    return int(digits[0]) if digits else 0


def questions_preview(*, result: ParseResult) -> ImportReport:
    """Validate without writing: what an import would do (the admin's preview, --dry-run)."""
    report = ImportReport(dry_run=True)
    _validate_into(report, result)
    return report


def _validate_into(report: ImportReport, result: ParseResult) -> list[tuple[ParsedQuestion, dict]]:
    prepared = []
    for question in result.questions:
        value, errors = question_validate(question)
        report.notes.extend(f"{question.location}: {note}" for note in question.notes)
        row = {
            "location": question.location,
            "type": QUESTION_TYPE_LABELS.get(question.kind, question.kind),
            "title": question.title,
            "points": question.points,
            "problems": errors + question.notes,
            "status": "skipped" if errors else "ok",
        }
        report.rows.append(row)
        if errors:  # read fine, but the engine cannot hold it: skipped, the neighbours import
            report.problems.append(
                ParseProblem(
                    question.location,
                    "; ".join(errors),
                    skipped=True,
                    source_type=question.kind,
                    title=question.title,
                )
            )
        else:
            report.counts[question.kind] += 1
            prepared.append((question, value))
    for problem in result.problems:
        report.problems.append(problem)
        report.rows.append(
            {
                "location": problem.location,
                "type": problem.source_type or "—",
                "title": problem.title,
                "points": None,
                "problems": [problem.message],
                "status": "skipped" if problem.skipped else "rejected",
            }
        )
    report.problems.sort(key=lambda problem: _location_key(problem.location))
    report.rows.sort(key=lambda row: _location_key(row["location"]))
    return prepared


@transaction.atomic
def questions_import(
    *, bank: QuestionBank, result: ParseResult, dry_run: bool = False, batch_size=BATCH_SIZE
) -> ImportReport:
    """Import a parsed file into a bank: nothing at all if any question is rejected (a mistake
    in the file). Skipped items (essays, anything the engine cannot hold, including what its
    blocks refuse) are reported and left out; the rest is imported.
    """
    report = ImportReport(dry_run=dry_run)
    prepared = _validate_into(report, result)
    if report.rejected or dry_run or not prepared:
        return report
    categories = _categories_ensure({question.category for question, _ in prepared} - {""})
    backend = get_search_backend()
    stored: list = []  # image files written to storage: a rollback does not remove them
    try:
        for start in range(0, len(prepared), batch_size):
            batch = prepared[start : start + batch_size]
            rows = [_question_row(bank, categories, q, value, stored) for q, value in batch]
            Question.objects.bulk_create(rows)
            _tags_attach(rows, [question for question, _ in batch])
            backend.add_bulk(Question, rows)
            report.imported += len(rows)
    except BaseException:
        _files_delete(stored)  # the transaction rolls back the rows; remove their files too
        raise
    return report


def _files_delete(files) -> None:
    for field_file in files:
        try:
            field_file.storage.delete(field_file.name)
        except Exception:  # noqa: BLE001 - best effort; the original error matters more
            logger.warning("Could not remove the imported file %s", field_file.name)


def _categories_ensure(names: set[str]) -> dict[str, QuestionCategory]:
    """Two queries: read the categories that exist, create the rest in one go."""
    if not names:
        return {}
    found = {c.name: c for c in QuestionCategory.objects.filter(name__in=names)}
    QuestionCategory.objects.bulk_create([QuestionCategory(name=n) for n in names - set(found)])
    return {c.name: c for c in QuestionCategory.objects.filter(name__in=names)}


def _tags_attach(rows: list[Question], questions: list[ParsedQuestion]) -> None:
    """Two queries per batch that has tags, plus one insert per tag name new to the site."""
    names = {name for question in questions for name in question.tags}
    if not names:
        return
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in sorted(names - set(tags)):
        tags[name] = Tag.objects.create(name=name)  # taggit finds the tag a free slug
    QuestionTag.objects.bulk_create(
        QuestionTag(content_object=row, tag=tags[name])
        for row, question in zip(rows, questions, strict=True)
        for name in question.tags
    )


def image_create(parsed_image, title: str, stored: list | None = None):
    """Store an imported image, or reuse the identical one already in the library (by the same
    SHA-1 hash Wagtail keeps for duplicate detection), so importing a file twice adds no copies."""
    from wagtail.utils.file import hash_filelike

    file_hash = hash_filelike(BytesIO(parsed_image.data))
    existing = get_image_model().objects.filter(file_hash=file_hash).first()
    if existing is not None:
        return existing
    image = get_image_model()(
        title=title[:255] or parsed_image.filename,
        file=ImageFile(BytesIO(parsed_image.data), name=parsed_image.filename),
        file_size=len(parsed_image.data),
        file_hash=file_hash,
    )
    image.save()
    if stored is not None:
        stored.append(image.file)
    return image


def _question_row(bank, categories, question: ParsedQuestion, value: dict, stored) -> Question:
    image = image_create(question.image, question.title, stored) if question.image else None
    if question.kind == "hotspot":
        value = {"image": image.pk, **value}
        image = None  # the background belongs to the answer block, not the stem
    body = [{"type": question.kind, "value": value, "id": str(uuid.uuid4())}]
    return Question(
        bank=bank,
        category=categories.get(question.category),
        title=question.title[:200],
        stem=question.stem,
        image=image,
        image_alt=question.image_alt[:300] if image else "",
        points=question.points,
        general_feedback=question.general_feedback,
        body=json.dumps(body, cls=DjangoJSONEncoder),
        question_type=question.kind,
    )
