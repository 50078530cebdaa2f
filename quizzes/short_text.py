"""Short-text matching: does a trainee's answer match one accepted answer? Pure, no database.

An accepted answer is a text in which `*` stands for any run of characters. Case (unless the
question is case-sensitive) and spacing are always ignored. Three options, set per accepted
answer and frozen into the attempt's key, can widen what it accepts:

- `ignore_articles`: a leading "a", "an" or "the" (on either side) does not count;
- `ignore_punctuation`: punctuation before and after the answer (".", "!", quotes, brackets…)
  does not count; punctuation inside it still does ("pneumo-thorax" is not "pneumothorax");
- `singular_or_plural`: each whole word of the accepted answer also matches its singular and
  plural forms (quizzes/plurals.py). A fragment next to a `*` is not a whole word and is kept.

Nothing else is stripped: "no pneumothorax" keeps its "no". An answer is accepted when it
matches with any combination of the ticked options applied, so ticking an option can only ever
accept more, never less. Keys frozen before the options existed have none of them, and mark as
they always did.

The matcher runs in time linear in the answer for each part of the pattern (a set of reachable
positions, not a backtracking regex), so no pattern and no answer can make marking slow.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from quizzes.plurals import word_forms

MAX_TEXT = 500
ARTICLES = frozenset({"a", "an", "the"})
OPTIONS = ("ignore_articles", "ignore_punctuation", "singular_or_plural")
STAR = None  # an element of a compiled pattern: any run of characters


@dataclass(frozen=True)
class Options:
    ignore_articles: bool = False
    ignore_punctuation: bool = False
    singular_or_plural: bool = False

    @classmethod
    def of(cls, answer: Mapping) -> Options:
        """The options stored with an accepted answer; absent (older keys) means off."""
        return cls(**{name: bool(answer.get(name, False)) for name in OPTIONS})

    def variants(self):
        """Every combination of the ticked article and punctuation options (none first)."""
        articles = (False, True) if self.ignore_articles else (False,)
        punctuation = (False, True) if self.ignore_punctuation else (False,)
        return itertools.product(articles, punctuation)


def normalise_text(text: str, *, case_sensitive: bool = False) -> str:
    text = unicodedata.normalize("NFKC", str(text))[:MAX_TEXT]
    text = " ".join(text.split())
    return text if case_sensitive else text.casefold()


def _is_punctuation(char: str, keep: str) -> bool:
    return char not in keep and unicodedata.category(char).startswith("P")


def strip_punctuation(text: str, *, keep: str = "") -> str:
    """Punctuation before and after the text goes (not `keep`, e.g. a pattern's `*`)."""
    start, end = 0, len(text)
    while start < end and (_is_punctuation(text[start], keep) or text[start].isspace()):
        start += 1
    while end > start and (_is_punctuation(text[end - 1], keep) or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


def strip_article(text: str) -> str:
    """A leading "a", "an" or "the" goes, if a word follows it."""
    first, space, rest = text.partition(" ")
    return rest if space and rest and first.casefold() in ARTICLES else text


def tidy(text: str, *, articles: bool, punctuation: bool, keep: str = "") -> str:
    """Strip what the options say until nothing changes ('"The lung."' → 'lung'), never to
    nothing: an answer that is only punctuation or only "the" stays as typed."""
    while True:
        before = text
        if punctuation:
            text = strip_punctuation(text, keep=keep) or text
        if articles:
            text = strip_article(text)
        if text == before:
            return text


def _token_pattern(token: str) -> str | frozenset[str]:
    """A whole word as the set of its forms, keeping punctuation around it and a hyphenated
    prefix ("x-ray" → "x-rays"); anything else stays literal."""
    start, end = 0, len(token)
    while start < end and _is_punctuation(token[start], "-"):
        start += 1
    while end > start and _is_punctuation(token[end - 1], "-"):
        end -= 1
    head, hyphen, word = token[start:end].rpartition("-")
    forms = word_forms(word) if word else frozenset({word})
    if len(forms) == 1:
        return token
    before, after = token[:start] + head + hyphen, token[end:]
    return frozenset(before + form + after for form in forms)


def _part_elements(part: str, *, star_before: bool, star_after: bool) -> list:
    pieces = re.split(r"( )", part)
    elements = []
    for index, piece in enumerate(pieces):
        touches = (index == 0 and star_before) or (index == len(pieces) - 1 and star_after)
        elements.append(piece if touches or piece in ("", " ") else _token_pattern(piece))
    return elements


@lru_cache(maxsize=2048)
def compile_pattern(
    accepted: str, *, case_sensitive: bool, articles: bool, punctuation: bool, plural: bool
) -> tuple:
    """An accepted answer as a tuple of elements: literal strings, STAR, and (for the plural
    option) frozensets of alternative literals. Adjacent literals are joined."""
    text = normalise_text(accepted, case_sensitive=case_sensitive)
    text = tidy(text, articles=articles, punctuation=punctuation, keep="*")
    parts = text.split("*")
    elements: list = []
    for index, part in enumerate(parts):
        if index:
            elements.append(STAR)
        if plural:
            elements += _part_elements(
                part, star_before=index > 0, star_after=index < len(parts) - 1
            )
        else:
            elements.append(part)
    compiled: list = []
    for element in elements:
        if element == "" or (element is STAR and compiled and compiled[-1] is STAR):
            continue
        if isinstance(element, str) and compiled and isinstance(compiled[-1], str):
            compiled[-1] += element
        else:
            compiled.append(element)
    return tuple(compiled)


def _ends(text: str, starts: set[int], after_star: int | None, literals) -> set[int]:
    ends = set()
    for literal in literals:
        if after_star is not None:  # every occurrence from the star on
            found = text.find(literal, after_star)
            while found != -1:
                ends.add(found + len(literal))
                found = text.find(literal, found + 1)
        else:
            ends.update(p + len(literal) for p in starts if text.startswith(literal, p))
    return ends


def matches(elements: tuple, text: str) -> bool:
    """Does `text` match the compiled pattern as a whole?"""
    starts, after_star = {0}, None
    for element in elements:
        if element is STAR:
            if after_star is None:
                after_star = min(starts)
            continue
        literals = (element,) if isinstance(element, str) else element
        starts, after_star = _ends(text, starts, after_star, literals), None
        if not starts:
            return False
    return after_star is not None or len(text) in starts


def accepts(accepted: Mapping, given: str, *, case_sensitive: bool) -> bool:
    """Does one accepted answer (text + options) take `given`, already normalised?"""
    options = Options.of(accepted)
    for articles, punctuation in options.variants():
        elements = compile_pattern(
            accepted["text"],
            case_sensitive=case_sensitive,
            articles=articles,
            punctuation=punctuation,
            plural=options.singular_or_plural,
        )
        if matches(elements, tidy(given, articles=articles, punctuation=punctuation)):
            return True
    return False
