"""Item-writing checks: warnings about cues that let a test-wise trainee answer without knowing.

Pure functions over plain data (`Item`, built from a Question by quizzes.item_review), so the same
question always gives the same warnings and nothing here touches the database. Every check returns
warnings, never raises, and never blocks saving: a writer may have a reason. The quiz-level checks
(how often the right answer is the longest, questions that answer each other) live in
quizzes/quiz_checks.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizzes.check_text import (
    content_stems,
    html_spans,
    html_text,
    sentences,
    squash,
    words,
)

LONGEST_RATIO = 1.3  # keyed option at least this many times the longest wrong one
CHOICE_KINDS = ("single_choice", "multiple_response")

CHECKS = {
    "longest_key": "Right answer clearly the longest",
    "all_of_the_above": "“All of the above”",
    "none_of_the_above": "“None of the above”",
    "absolute_in_distractors": "Absolute words only in wrong answers",
    "negative_stem": "Negative stem not emphasised",
    "stem_word_cue": "Right answer repeats the stem’s words",
    "true_false_must_pass": "True/false used for a must-pass item",
    "must_pass_without_reason": "Must-pass item without a reason",
    "must_pass_reason_gives_key": "Must-pass reason gives the answer away",
    "short_text_single_answer": "Short-text key with one accepted phrasing",
    "longest_key_share": "Right answer the longest option too often",
    "cross_cue": "Another question gives the answer away",
}


@dataclass(frozen=True)
class Choice:
    text: str
    credit: float


@dataclass(frozen=True)
class Item:
    """What the checks read of a question: its text and key as plain data."""

    kind: str
    stem: str = ""  # rich-text HTML
    id: int | None = None
    title: str = ""
    context: str = ""  # the case scenario's vignette (HTML), shown above the stem
    options: tuple[Choice, ...] = ()  # single choice, multiple response
    accepted: tuple[Choice, ...] = ()  # short text: accepted answers (* is a wildcard)
    model_answer: str = ""
    numbers: tuple[str, ...] = ()  # numeric: the keyed values
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (prompt, answer)
    distractors: tuple[str, ...] = ()  # matching
    sequence: tuple[str, ...] = ()  # ordering, in the right order
    answer: bool | None = None  # true/false: whether the statement is true
    shown: tuple[str, ...] = ()  # other text trainees see (image descriptions)
    critical: bool = False
    critical_reason: str = ""


@dataclass(frozen=True)
class ItemWarning:
    code: str
    explanation: str
    offending: str
    item_id: int | None = None
    item_title: str = ""
    other_id: int | None = None  # cross-cueing: the question that gives the answer away
    other_title: str = ""

    @property
    def label(self) -> str:
        return CHECKS[self.code]


def keyed_and_wrong(item: Item) -> tuple[list[Choice], list[Choice]]:
    """Single choice: the keyed options are those with the best credit; multiple response:
    every option with credit above 0. Wrong options earn nothing (or a penalty); a partial-credit
    option of a single-choice item is neither."""
    if item.kind not in CHOICE_KINDS or not item.options:
        return [], []
    wrong = [option for option in item.options if option.credit <= 0]
    if item.kind == "single_choice":
        best = max(option.credit for option in item.options)
        keyed = [option for option in item.options if option.credit == best and best > 0]
    else:
        keyed = [option for option in item.options if option.credit > 0]
    return keyed, wrong


def text_length(text: str) -> int:
    return len(squash(text))


def check_longest_key(item: Item) -> list[ItemWarning]:
    """Single choice: the keyed option ≥ 1.3 × the longest wrong one. Multiple response: every
    keyed option is (the shortest of them ≥ 1.3 × the longest wrong one), so length alone sorts
    right from wrong."""
    keyed, wrong = keyed_and_wrong(item)
    if not keyed or not wrong:
        return []
    longest_wrong = max(text_length(option.text) for option in wrong)
    lengths = [text_length(option.text) for option in keyed]
    length = max(lengths) if item.kind == "single_choice" else min(lengths)
    ratio = length / max(longest_wrong, 1)
    if ratio < LONGEST_RATIO:
        return []
    shown = max(keyed, key=lambda option: text_length(option.text))
    subject = "The right answer is" if item.kind == "single_choice" else "Every right answer is"
    return [
        _warn(
            item,
            "longest_key",
            f"{subject} {ratio:.2f}× as long as the longest wrong option: test-wise trainees "
            "pick the longest, most qualified option. Trim it, or give the wrong options the "
            "same detail.",
            shown.text,
        )
    ]


ALL_ABOVE = re.compile(
    r"(?<!\w)(?:all|both)\s+(?:of\s+)?(?:the\s+)?(?:above|these|those"
    r"|(?:other\s+)?(?:options|answers|choices)\s+above)(?!\w)",
    re.IGNORECASE,
)
NONE_ABOVE = re.compile(
    r"(?<!\w)(?:none|neither)\s+of\s+(?:the\s+)?(?:above|these|those|them"
    r"|(?:other\s+)?(?:options|answers|choices)(?:\s+above)?)(?!\w)",
    re.IGNORECASE,
)


def check_of_the_above(item: Item) -> list[ItemWarning]:
    warnings = []
    for option in item.options if item.kind in CHOICE_KINDS else ():
        if ALL_ABOVE.search(squash(option.text)):
            warnings.append(_warn(item, "all_of_the_above", ALL_EXPLAINED, option.text))
        if NONE_ABOVE.search(squash(option.text)):
            warnings.append(_warn(item, "none_of_the_above", NONE_EXPLAINED, option.text))
    return warnings


ALL_EXPLAINED = (
    "Spotting two right options is enough to choose “all of the above”, and it reads "
    "differently once options are shuffled. Ask for each option, or use multiple response."
)
NONE_EXPLAINED = (
    "“None of the above” shows only that a trainee can rule options out, not that they know "
    "the answer, and reads oddly once options are shuffled. Offer the right answer instead."
)
ABSOLUTE = re.compile(
    r"(?<!\w)(always|never|every(?:one|thing|body|where)?|only|all|none|nobody|no\s+one|nothing"
    r"|completely|entirely|totally|absolutely|certainly|definitely|invariably|guaranteed?"
    r"|guarantees|impossible|100\s?%)(?!\w)",
    re.IGNORECASE,
)


def absolute_words(text: str) -> list[str]:
    text = NONE_ABOVE.sub(" ", ALL_ABOVE.sub(" ", squash(text)))
    return [" ".join(match.split()).lower() for match in ABSOLUTE.findall(text)]


def check_absolutes(item: Item) -> list[ItemWarning]:
    """Absolute words in wrong options while no keyed option has one (or in a false true/false
    statement): trainees learn that absolute statements are wrong and rule them out unread."""
    if item.kind == "true_false":
        found = sorted(set(absolute_words(html_text(item.stem)))) if item.answer is False else []
        if not found:
            return []
        quoted = ", ".join(f"“{word}”" for word in found)
        return [
            _warn(
                item,
                "absolute_in_distractors",
                f"The statement is false and says {quoted}: trainees learn that absolute "
                "statements are false and answer without knowing why. Make the false statement "
                "false for a reason other than its absolute word.",
                html_text(item.stem),
            )
        ]
    keyed, wrong = keyed_and_wrong(item)
    if not keyed or any(absolute_words(option.text) for option in keyed):
        return []
    warnings = []
    for option in wrong:
        found = sorted(set(absolute_words(option.text)))
        if found:
            quoted = ", ".join(f"“{word}”" for word in found)
            verb = "appears" if len(found) == 1 else "appear"
            warnings.append(
                _warn(
                    item,
                    "absolute_in_distractors",
                    f"{quoted} {verb} in wrong options but in no right one: trainees rule out "
                    "absolute statements without knowing why. Qualify the wrong option, or use "
                    "absolute words in right options too.",
                    option.text,
                )
            )
    return warnings


NEGATIVE = re.compile(
    r"(?<!\w)(not|no|never|except|least|cannot|\w+n['’]t|false|incorrect|untrue|wrong)(?!\w)",
    re.IGNORECASE,
)
NOT_NEGATIVE = re.compile(r"(?<!\w)(?:at\s+least|true\s+or\s+false)(?!\w)", re.IGNORECASE)
LEAD_IN = re.compile(  # an instruction: the sentence starts with what to do
    r"^(?:select|choose|identify|name|tick|pick|indicate|mark|match|put|give|list|order|place)"
    r"(?!\w)",
    re.IGNORECASE,
)


def _lead_in(text: str, kind: str) -> list[tuple[int, int]]:
    """Where the question is asked: the sentences that end in "?" or start with what to do
    (else the last sentence). A true/false statement is all lead-in. Gives (start, end)s."""
    spans, position = [], 0
    for sentence in sentences(text):
        start = text.find(sentence, position)
        if start < 0:  # cannot happen (sentences are pieces of text), but never index by -1
            continue
        position = start + len(sentence)
        spans.append((start, position, sentence))
    if kind == "true_false":
        return [(start, end) for start, end, _ in spans]
    asked = [
        (start, end)
        for start, end, sentence in spans
        if sentence.endswith("?") or LEAD_IN.search(sentence)
    ]
    return asked or [(start, end) for start, end, _ in spans[-1:]]


def check_negative_stem(item: Item) -> list[ItemWarning]:
    """A negative word where the question is asked, neither in bold/italics nor in capitals:
    read quickly, "not" is lost and the trainee answers the opposite question."""
    spans = html_spans(item.stem)
    text = "".join(span.text for span in spans)
    emphasis = [span.emphasised for span in spans for _ in span.text]
    masked = NOT_NEGATIVE.sub(lambda match: " " * len(match.group()), text)
    for start, end in _lead_in(text, item.kind):
        for match in NEGATIVE.finditer(masked, start, end):
            word = match.group()
            stressed = all(emphasis[match.start() : match.end()]) or (
                word.isupper() and len(word) > 1
            )
            if not stressed:
                return [
                    _warn(
                        item,
                        "negative_stem",
                        f"“{word}” turns the question round but is easy to read past: put it in "
                        "bold or capitals, or ask the question positively.",
                        squash(text[start:end]),
                    )
                ]
    return []


def check_stem_word_cue(item: Item) -> list[ItemWarning]:
    """A right option (or a matching answer) repeats a content word of the stem (or of its
    prompt) that no wrong option has: trainees match the wording, not the meaning."""
    warnings = []
    keyed, wrong = keyed_and_wrong(item)
    if keyed and wrong:
        stem_words = content_stems(html_text(item.stem))
        wrong_words = set().union(*(content_stems(option.text) for option in wrong))
        for option in keyed:
            shared = [
                word
                for key, word in content_stems(option.text).items()
                if key in stem_words and key not in wrong_words
            ]
            if shared:
                warnings.append(_stem_cue(item, shared, "the stem", "wrong option", option.text))
    for index, (prompt, answer) in enumerate(item.pairs):
        others = [a for i, (_, a) in enumerate(item.pairs) if i != index and a != answer]
        other_words = set().union(*(content_stems(text) for text in [*others, *item.distractors]))
        prompt_words = content_stems(prompt)
        shared = [
            word
            for key, word in content_stems(answer).items()
            if key in prompt_words and key not in other_words
        ]
        if shared:
            warnings.append(
                _stem_cue(item, shared, "its prompt", "other answer", f"{prompt} → {answer}")
            )
    return warnings


def _stem_cue(item, shared, source, rival, offending) -> ItemWarning:
    quoted = ", ".join(f"“{word}”" for word in shared)
    return _warn(
        item,
        "stem_word_cue",
        f"The right answer repeats {quoted} from {source}, and no {rival} does: trainees can "
        "match the words without knowing the answer. Reword it, or echo the word in a wrong "
        "option too.",
        offending,
    )


def check_must_pass(item: Item) -> list[ItemWarning]:
    warnings = []
    if item.critical and item.kind == "true_false":
        warnings.append(
            _warn(
                item,
                "true_false_must_pass",
                "Half of those who guess answer a true/false item right, so this must-pass item "
                "lets one in two who do not know it through. Ask it as a single choice with "
                "plausible alternatives, or as short text.",
                squash(html_text(item.stem)),
            )
        )
    if item.critical and not item.critical_reason.strip():
        warnings.append(
            _warn(
                item,
                "must_pass_without_reason",
                "A trainee who fails the attempt on this item is shown why it matters: say why "
                "it is safety-critical.",
                item.title,
            )
        )
    return warnings


def _key_texts(item: Item) -> list[str]:
    """What the key is, as text a reason could repeat (not for true/false, ordering, hotspot:
    their key is a judgement, an order or a place)."""
    keyed, _ = keyed_and_wrong(item)
    if keyed:
        return [option.text for option in keyed]
    if item.kind == "short_text":
        return [a.text.replace("*", " ") for a in item.accepted if a.credit >= 1]
    if item.kind == "matching":
        return [answer for _, answer in item.pairs]
    return list(item.numbers)


def check_reason_gives_key(item: Item) -> list[ItemWarning]:
    """The reason is shown to a trainee who missed a must-pass item while the key is still
    held back (retake-safe review): a reason that names the answer hands it to the retake."""
    if not item.critical or not item.critical_reason.strip():
        return []
    _, wrong = keyed_and_wrong(item)
    known = set(content_stems(html_text(item.stem))) | set(content_stems(html_text(item.context)))
    known |= set().union(*(content_stems(option.text) for option in wrong))
    reason = content_stems(item.critical_reason)
    given = [
        word
        for text in _key_texts(item)
        for key, word in content_stems(text).items()
        if key in reason and key not in known
    ]
    if item.kind == "numeric":
        given = [n for n in item.numbers if n and n in words(item.critical_reason)]
    if not given:
        return []
    quoted = ", ".join(f"“{word}”" for word in dict.fromkeys(given))
    return [
        _warn(
            item,
            "must_pass_reason_gives_key",
            f"A trainee who misses this item reads its reason before the answers are shown, and "
            f"the reason says {quoted}, which is the answer. Say why the item matters without "
            "naming what the right answer is.",
            item.critical_reason,
        )
    ]


def check_short_text_phrasings(item: Item) -> list[ItemWarning]:
    if item.kind != "short_text":
        return []
    full = {squash(a.text).casefold(): a.text for a in item.accepted if a.credit >= 1}
    if len(full) != 1:
        return []
    (answer,) = full.values()
    wildcard = " A * pattern covers spellings, not other words." if "*" in answer else ""
    return [
        _warn(
            item,
            "short_text_single_answer",
            "Only one phrasing earns full marks, so a trainee who knows the answer but words it "
            "differently (a synonym, the everyday name) is marked wrong."
            f"{wildcard} Accept the other phrasings too.",
            answer,
        )
    ]


ITEM_CHECKS = (
    check_longest_key,
    check_of_the_above,
    check_absolutes,
    check_negative_stem,
    check_stem_word_cue,
    check_must_pass,
    check_reason_gives_key,
    check_short_text_phrasings,
)


def item_warnings(item: Item) -> list[ItemWarning]:
    """Every item-writing warning for one question, in a fixed order."""
    return [warning for check in ITEM_CHECKS for warning in check(item)]


def _warn(item: Item, code: str, explanation: str, offending: str) -> ItemWarning:
    return ItemWarning(
        code=code,
        explanation=explanation,
        offending=squash(offending),
        item_id=item.id,
        item_title=item.title,
    )
