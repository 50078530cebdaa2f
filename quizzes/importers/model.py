"""Neutral records that parsers produce and the import service consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

FORMATS = ("gift", "moodlexml")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_QUESTIONS = 10_000
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_IMAGE_PIXELS = 16_000_000


def max_bytes() -> int:
    return int(getattr(settings, "QUESTION_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_questions() -> int:
    return int(getattr(settings, "QUESTION_IMPORT_MAX_QUESTIONS", DEFAULT_MAX_QUESTIONS))


class QuestionFileError(Exception):
    """The whole file is unusable (not UTF-8, too big, not well-formed XML, hostile XML).

    Parsers raise only this; anything else escaping a parser is a bug (the fuzz tests check).
    """

    def __init__(self, location: str, message: str):
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


@dataclass
class ParsedImage:
    filename: str
    data: bytes
    width: int
    height: int


@dataclass
class ParsedQuestion:
    """One question the engine can hold, as raw answer-block values (validated later)."""

    location: str  # "line 12" (GIFT) or "/quiz/question[3]" (XML)
    kind: str  # a block name from quizzes.blocks.QUESTION_TYPES
    title: str
    stem: str  # sanitised rich-text HTML
    answer: dict  # the answer block's raw value
    points: Decimal = Decimal(1)
    general_feedback: str = ""  # sanitised rich-text HTML
    category: str = ""
    image: ParsedImage | None = None  # the question's picture, or a hotspot's background
    image_alt: str = ""
    notes: list[str] = field(default_factory=list)  # what was understood but not kept
    tags: list[str] = field(default_factory=list)


@dataclass
class ParseProblem:
    """A question that was rejected (the file imports nothing) or skipped (reported, left out)."""

    location: str
    message: str
    skipped: bool = False
    source_type: str = ""
    title: str = ""

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class SortsProblems:
    """Rejected problems block an import; skipped ones (e.g. essays) are reported and left out."""

    problems: list

    @property
    def rejected(self) -> list[ParseProblem]:
        return [problem for problem in self.problems if not problem.skipped]

    @property
    def skipped(self) -> list[ParseProblem]:
        return [problem for problem in self.problems if problem.skipped]


@dataclass
class ParseResult(SortsProblems):
    questions: list[ParsedQuestion] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)


class QuestionProblem(Exception):
    """Raised inside a parser for one question; collected as a rejection at its location."""

    def __init__(self, message: str, location: str | None = None):
        super().__init__(message)
        self.message = message
        self.location = location


class Unsupported(QuestionProblem):
    """A readable question the engine cannot hold: skipped with its reason, so it never stops
    the valid questions beside it from importing (a QuestionProblem proper is a mistake in the
    file, which rejects it: all or nothing)."""


def check_size(data: bytes) -> None:
    limit = max_bytes()
    if len(data) > limit:
        raise QuestionFileError(
            "file", f"The file is {len(data):,} bytes; the limit is {limit:,} bytes."
        )


def decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise QuestionFileError(
            f"line {line}",
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02x} at column {column}). "
            "Save it as UTF-8 and try again.",
        ) from None


def matching_distractors(pairs: list[dict], distractors: list[tuple[str, str]], where, notes):
    """Several prompts may share an answer: the engine shows each distinct text as one choice, as
    Moodle does. The same prompt twice could not be told apart, so it is Unsupported (skipped;
    `where(index)` locates pair `index`). A distractor repeating an answer or another distractor
    would be shown once anyway: it is dropped, with a note. Returns the distractors kept."""
    prompts: dict[str, str] = {}
    for index, pair in enumerate(pairs):
        prompt = " ".join(pair["prompt"].split())
        if prompt in prompts:
            raise Unsupported(
                f"The prompt '{prompt[:60]}' appears more than once (also at {prompts[prompt]}): "
                "trainees could not tell the two apart, so a right match could be marked wrong.",
                where(index),
            )
        prompts[prompt] = where(index)
    answers = {" ".join(pair["answer"].split()) for pair in pairs}
    kept: dict[str, str] = {}
    for text, _ in distractors:
        key = " ".join(text.split())
        if key in answers:
            notes.append(
                f"The distractor '{key[:60]}' is also an answer: trainees see it once, as in "
                "Moodle."
            )
        elif key in kept:
            notes.append(
                f"The distractor '{key[:60]}' appears more than once: trainees see it once, as in "
                "Moodle."
            )
        else:
            kept[key] = text
    return list(kept.values())


def full_credit_shares(weights: list[Decimal]) -> list[float]:
    """Multiple-response weights (percentages) as credits whose positive part adds up to exactly
    1. Moodle writes thirds as 33.33333 each; taken as they are they add up to 0.9999999, so a
    perfect answer would not be "correct" and a must-pass item would fail. The caller has checked
    that the positive weights are within tolerance of 100%; they are scaled to share 1 exactly."""
    positive = sum((weight for weight in weights if weight > 0), Decimal(0))
    return [float(weight / positive if weight > 0 else weight / 100) for weight in weights]


def check_distinct_texts(texts: list[str], locations: list[str], what: str, marks=None) -> None:
    """Two items that look the same but are marked differently (ordering items, which are
    marked by position; options with different credits) cannot be told apart by the trainee."""
    seen: dict[str, int] = {}
    for index, text in enumerate(texts):
        first = seen.setdefault(text, index)
        if first != index and (marks is None or marks[first] != marks[index]):
            raise Unsupported(
                f"Two {what} read '{text[:60]}' (also at {locations[first]}) but are marked "
                "differently: trainees could not tell them apart.",
                locations[index],
            )
