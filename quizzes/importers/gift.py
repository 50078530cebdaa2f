"""GIFT, Moodle's text format, into neutral ParsedQuestion records (pure: no database).

Follows Moodle's own reader (question/format/gift/format.php) and its documentation: questions are
separated by blank lines, `//` lines are comments, `$CATEGORY:` switches category, `::title::`,
`[html|moodle|plain|markdown]`, one `{…}` answer block (text after it makes a missing-word
question), `####` general feedback. A backslash before anything but a GIFT special is kept as
typed (`\\(x^2\\)`), as in Moodle. Unlike Moodle we refuse unbalanced braces instead of guessing,
and say where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from quizzes.importers.gift_chunks import Chunk, protect_escapes, split_chunks, unescape
from quizzes.importers.model import (
    ParsedQuestion,
    ParseProblem,
    ParseResult,
    QuestionFileError,
    QuestionProblem,
    Unsupported,
    check_distinct_texts,
    check_size,
    decode_utf8,
    full_credit_shares,
    matching_distractors,
    max_questions,
)
from quizzes.importers.numbers import NUMBER, numeric_answer
from quizzes.importers.text import TEXT_FORMATS, title_from, to_plain, to_rich_text

_FORMAT = re.compile(r"\s*\[(" + "|".join(TEXT_FORMATS) + r")\]")
_TITLE = re.compile(r"\s*::(.*?)::", re.DOTALL)
TF_ANSWERS = {"T": True, "TRUE": True, "F": False, "FALSE": False}
BLANK = "_____"
MAX_ANSWERS = 100  # far above any block's maximum (20); stops huge answer blocks early


def parse_gift(data: bytes) -> ParseResult:
    """Parse a whole GIFT file. Raises QuestionFileError only for a file-level failure."""
    check_size(data)
    text = decode_utf8(data)
    result = ParseResult()
    category = ""
    limit = max_questions()
    for chunk in split_chunks(text):
        if chunk.text.lstrip().startswith("$CATEGORY:"):
            first, _, rest = chunk.text.lstrip().partition("\n")
            category = category_name(first[len("$CATEGORY:") :])
            if not rest.strip():
                continue
            chunk = Chunk(rest, chunk.lines[1:])
        location = f"line {chunk.lines[0]}"
        try:
            item = _parse_question(chunk, location, category)
        except QuestionProblem as problem:
            title = _TITLE.match(chunk.text)
            item = ParseProblem(
                problem.location or location,
                problem.message,
                skipped=isinstance(problem, Unsupported),
                title=" ".join(title.group(1).split())[:200] if title else "",
            )
        if isinstance(item, ParsedQuestion):
            result.questions.append(item)
        else:
            result.problems.append(item)
        if len(result.questions) + len(result.problems) > limit:
            raise QuestionFileError("file", f"The file holds more than {limit:,} questions.")
    return result


def category_name(path: str) -> str:
    """Moodle paths look like `$course$/top/Safety/Needles`; our categories are flat, so we keep
    the last segment ("Needles"). A literal slash is written `//` in Moodle paths."""
    segments = [s.strip() for s in re.split(r"(?<!/)/(?!/)", path.strip()) if s.strip()]
    segments = [s.replace("//", "/") for s in segments if s not in ("$course$", "$system$", "top")]
    return segments[-1][:120] if segments else ""


def _parse_question(chunk: Chunk, location: str, category: str):
    text = protect_escapes(chunk)
    chunk.protected = text
    title = ""
    position = len(text) - len(text.lstrip())
    if text.startswith("::", position):
        end = text.find("::", position + 2)
        if end == -1:
            raise QuestionProblem("The title starts with '::' but has no closing '::'.")
        title = " ".join(unescape(text[position + 2 : end]).split())
        position = end + 2
    text_format = "moodle"
    match = _FORMAT.match(text, position)
    if match:
        text_format, position = match.group(1), match.end()
    body_start = position
    body = text[body_start:]
    opening, closing = body.find("{"), body.find("}")
    if opening == -1 and closing == -1:
        return ParseProblem(
            location,
            "Description items are skipped: the engine has no text-only item type.",
            skipped=True,
            source_type="description",
            title=title or title_from(to_rich_text(unescape(body[:2000]), "plain")),
        )
    if opening == -1 or closing == -1 or closing < opening:
        if opening == -1:
            missing, at = "'{' before this '}'", closing
        elif closing == -1:
            missing, at = "the '}' closing this '{'", opening
        else:
            missing, at = "'{' before this '}'", closing
        raise QuestionProblem(
            f"Unbalanced braces: missing {missing} (escape literal braces as \\{{ and \\}}).",
            f"line {chunk.line_at(body_start + at, text)}",
        )
    nested = body.find("{", opening + 1)
    if nested != -1 and nested < closing:
        raise QuestionProblem(
            "Unbalanced braces: '{' inside an answer block (escape it as \\{).",
            f"line {chunk.line_at(body_start + nested, text)}",
        )
    extra = min((i for i in (body.find("{", closing + 1), body.find("}", closing + 1)) if i != -1),
                default=-1)  # fmt: skip
    if extra != -1:
        raise QuestionProblem(
            "Unbalanced braces: a question has one answer block; escape other braces as \\{ \\}.",
            f"line {chunk.line_at(body_start + extra, text)}",
        )
    after = body[closing + 1 :]
    stem_raw = body[:opening] + (BLANK + after if after.strip() else "")
    answer_text = body[opening + 1 : closing]
    answer_base = body_start + opening + 1
    general_raw = ""
    separator = answer_text.rfind("####")
    if separator != -1:
        general_raw, answer_text = answer_text[separator + 4 :], answer_text[:separator]
    notes: list[str] = []
    stem = to_rich_text(unescape(stem_raw), text_format, notes)
    title = title or title_from(stem)
    if len(title) > 200:
        title = title[:199] + "…"
        notes.append("The title was shortened to 200 characters.")
    context = _Context(chunk, answer_base, text_format, notes)
    stripped = answer_text.strip()
    if not stripped:
        return ParseProblem(
            location,
            "Essay questions are skipped: the engine cannot mark free text.",
            skipped=True,
            source_type="essay",
            title=title,
        )
    if stripped.startswith("#"):
        kind, answer = "numeric", _numeric(answer_text, context)
    elif "~" in answer_text:
        kind, answer = _choice(answer_text, context)
    elif "=" in answer_text and "->" in answer_text:
        kind, answer = "matching", _matching(answer_text, context)
    elif stripped.split("#", 1)[0].strip() in TF_ANSWERS:
        kind, answer = "true_false", _true_false(answer_text, context)
    else:
        kind, answer = "short_text", _short_text(answer_text, context)
    return ParsedQuestion(
        location=location,
        kind=kind,
        title=title,
        stem=stem,
        answer=answer,
        general_feedback=_general_feedback(general_raw, text_format),
        category=category,
        notes=notes,
    )


def _general_feedback(raw: str, text_format: str) -> str:
    """Like Moodle, general feedback may name its own format: `####[html]<p>…</p>`."""
    match = _FORMAT.match(raw)
    if match:
        raw, text_format = raw[match.end() :], match.group(1)
    return to_rich_text(unescape(raw), text_format)


@dataclass
class _Context:
    chunk: Chunk
    base: int  # offset of the answer block's text in the chunk
    text_format: str
    notes: list[str]

    def where(self, offset: int) -> str:
        return f"line {self.chunk.line_at(self.base + offset, self.chunk.protected)}"

    def plain(self, raw: str, *, literal: bool = False) -> str:
        """Plain text from `raw` in the question's format (or its own `[format]`). `literal`:
        Moodle keeps short answers and matching answers as typed, in any format, and compares
        them so; they are not read as HTML (`C5<C6` stays `C5<C6`)."""
        raw = unescape(raw).strip()
        text_format = self.text_format
        match = _FORMAT.match(raw)
        if match:
            raw, text_format = raw[match.end() :], match.group(1)
        if literal:
            text_format = "plain"
        return to_plain(raw, text_format)


def _answers(text: str, markers: str, context: _Context, base: int = 0):
    """Split an answer block at each marker (= or ~): [(marker, text, offset)]. As in Moodle,
    text before the first marker is an answer too, with no marker: `{One}` is a short answer
    "One" at 100 %, `{Grant ~Jefferson =no one}` makes "Grant" a wrong option."""
    positions = [match.start() for match in re.finditer(f"[{markers}]", text)]
    if len(positions) > MAX_ANSWERS:
        raise QuestionProblem(
            f"More than {MAX_ANSWERS} answers in one question: no question type holds that many.",
            context.where(base + positions[MAX_ANSWERS]),
        )
    leading = text[: positions[0]] if positions else text
    answers = []
    if leading.strip():
        answers.append(("", leading, len(leading) - len(leading.lstrip())))
    ends = positions[1:] + [len(text)] if positions else []
    answers += [(text[start], text[start + 1 : end], start) for start, end in
                zip(positions, ends, strict=True)]  # fmt: skip
    if not answers:
        raise QuestionProblem("No answers found.", context.where(0))
    return answers


def _weight(segment: str, default: Decimal, context: _Context, offset: int):
    """`%50%answer` → (Decimal("50"), "answer"); the weight is a percentage."""
    stripped = segment.lstrip()
    if not stripped.startswith("%"):
        return default, segment
    end = stripped.find("%", 1)
    raw = stripped[1:end] if end != -1 else stripped[1:]
    if end == -1 or not NUMBER.fullmatch(raw.strip()):
        raise QuestionProblem(
            f"The weight '%{raw[:20]}{'%' if end != -1 else ''}' is not a percentage like %50%.",
            context.where(offset),
        )
    return Decimal(raw.strip()), stripped[end + 1 :]


def _split_feedback(segment: str) -> tuple[str, str]:
    text, _, feedback = segment.partition("#")
    return text, feedback


def _choice(answer_text: str, context: _Context):
    single = "=" in answer_text
    options, weights, places, positive = [], [], [], Decimal(0)
    for marker, segment, offset in _answers(answer_text, "=~", context):
        if marker == "=":  # as in Moodle: '=' is always 100%, a '%50%' after it is text
            weight, rest = Decimal(100), segment
            if segment.lstrip().startswith("%"):
                context.notes.append(
                    f"'={context.plain(segment)[:40]}' counts as fully right, as in Moodle: '=' "
                    "is always 100%, and what follows it is the option's text."
                )
        else:
            weight, rest = _weight(segment, Decimal(0), context, offset)
        if not Decimal(-100) <= weight <= Decimal(100):
            raise Unsupported(
                f"The weight {weight:g}% cannot be represented: option credits run from "
                "-100% to 100%.",
                context.where(offset),
            )
        text, feedback = _split_feedback(rest)
        if not context.plain(text):
            raise QuestionProblem("An option has no text.", context.where(offset))
        positive += max(weight, Decimal(0))
        weights.append(weight)
        places.append(context.where(offset))
        options.append(
            {
                "text": context.plain(text),
                "credit": float(weight / 100),
                "feedback": context.plain(feedback),
            }
        )
    if not single and abs(positive - 100) > Decimal("0.5"):
        raise QuestionProblem(
            f"The right options' weights add up to {positive:g}%, not 100%.", context.where(0)
        )
    if not single:
        for option, credit in zip(options, full_credit_shares(weights), strict=True):
            option["credit"] = credit
    texts, credits = [o["text"] for o in options], [o["credit"] for o in options]
    check_distinct_texts(texts, places, "options", credits)
    return ("single_choice" if single else "multiple_response"), {"options": options}


def _true_false(answer_text: str, context: _Context):
    answer, wrong, right = (answer_text.split("#", 2) + ["", ""])[:3]
    truth = TF_ANSWERS[answer.strip()]
    right, wrong = context.plain(right), context.plain(wrong)
    return {
        "answer": truth,
        "feedback_true": right if truth else wrong,
        "feedback_false": wrong if truth else right,
    }


def _short_text(answer_text: str, context: _Context):
    answers = []
    for _, segment, offset in _answers(answer_text, "=", context):
        weight, rest = _weight(segment, Decimal(100), context, offset)
        if not Decimal(0) <= weight <= Decimal(100):
            raise Unsupported(
                f"The weight {weight:g}% cannot be represented: accepted answers earn 0% to 100%.",
                context.where(offset),
            )
        text, feedback = _split_feedback(rest)
        text = context.plain(text, literal=True)
        if not text:
            raise QuestionProblem("An accepted answer is empty.", context.where(offset))
        if context.plain(feedback):
            context.notes.append(f"Feedback for '{text}' was not kept.")
        answers.append({"text": text, "credit": float(weight / 100)})
    return {"answers": answers, "case_sensitive": False}


def _matching(answer_text: str, context: _Context):
    pairs, distractors, offsets = [], [], []
    for _, segment, offset in _answers(answer_text, "=", context):
        if "->" not in segment:
            raise QuestionProblem(
                "A matching answer needs 'prompt -> answer'.", context.where(offset)
            )
        raw_prompt, _, answer = segment.partition("->")
        prompt, answer = context.plain(raw_prompt), context.plain(answer, literal=True)
        if not answer:
            raise QuestionProblem(
                "A matching answer has nothing after '->'.", context.where(offset)
            )
        if prompt:
            pairs.append({"prompt": prompt, "answer": answer})
            offsets.append(offset)
        elif unescape(raw_prompt).strip():  # e.g. only an <img>: not a distractor
            raise Unsupported(
                "A matching prompt has no text after conversion (an image alone cannot be "
                "shown); only an empty left side makes a distractor.",
                context.where(offset),
            )
        else:
            distractors.append((answer, context.where(offset)))
    where = lambda index: context.where(offsets[index])  # noqa: E731
    return {
        "pairs": pairs,
        "distractors": matching_distractors(pairs, distractors, where, context.notes),
    }


def _numeric(answer_text: str, context: _Context):
    start = answer_text.index("#") + 1
    inner = answer_text[start:]
    tilde = inner.find("~")
    if tilde != -1:
        if _split_feedback(inner[tilde + 1 :].strip())[1].strip() or inner[tilde + 1 :].strip():
            context.notes.append("The feedback for any other answer (~) was not kept.")
        inner = inner[:tilde]
    if "=" in inner:
        segments = [(s, start + o) for _, s, o in _answers(inner, "=", context, start)]
    else:
        segments = [(inner, start)]
    answers = []
    for segment, offset in segments:
        where = context.where(offset)
        weight, rest = _weight(segment, Decimal(100), context, offset)
        if not Decimal(0) <= weight <= Decimal(100):
            raise Unsupported(
                f"The weight {weight:g}% cannot be represented: numeric answers earn 0% to 100%.",
                where,
            )
        value_text, feedback = _split_feedback(unescape(rest))
        if context.plain(feedback):
            context.notes.append(
                f"Feedback for the numeric answer '{value_text.strip()}' was not kept."
            )
        answers.append(numeric_answer(value_text, float(weight / 100), where))
    return {"answers": answers, "unit": ""}
