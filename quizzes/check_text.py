"""Text helpers for the item-writing checks (quizzes/checks.py): plain text and emphasis from a
stem's rich text, words, a light stemmer and the common English words that never count as cues.

Pure and total: any str (lone surrogates, NUL, broken HTML) gives an answer, never an exception.
The word list is written out here rather than taken from a package: the candidates (wordfreq's
56 MB wheel, NLTK's data download) weigh far more than the few hundred words needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_CHARS = 64 * 1024  # far beyond any real question; keeps every check linear and bounded
EMPHASIS_TAGS = {"b", "strong", "i", "em", "u", "mark"}
BLOCK_TAGS = {"p", "br", "li", "ol", "ul", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)?")
SENTENCE_END = re.compile(r"(?<=[.?!:;])\s+|\n+")


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and the commonest English words: sharing one of these is never a cue.
COMMON = _listed(
    """
    a about above across after again against all almost along already also although always am
    among an and another any anyone anything are around as at away back be because been before
    being below best better between both but by can cannot could did do does doing done down
    during each either else enough even ever every everyone everything few first for from
    further get gets given gives go going good got had has have having he her here hers herself
    him himself his how however i if in into is it its itself just keep kind know last least
    less let like likely made make makes many may me might more most much must my myself near
    need needs neither never new next no nobody none nor not nothing now of off often on once
    one only onto or other others otherwise our ours out over own part per perhaps put quite
    rather really right said same say says see seem seems several shall she should show shown
    since so some someone something sometimes still such take than that the their theirs them
    themselves then there therefore these they thing things this those though through thus to
    together too toward towards two under unless until up upon us use used uses using usually
    very via was way we well were what whatever when where whether which while who whom whose
    why will with within without would yes yet you your yours yourself
    able add again ago ask asked asks answer answers applies apply based become begin case
    cases certain change choose chosen come comes correct course day days describe described
    different does done each end example fact false find follow following follows full gave
    give giving great group hand help high include includes including information least left
    level line long look lot low main mean means mention named name number offer offered often
    old order place point possible present problem question questions reason say second select
    set side small sort source sources start state statement statements step sure tell term
    terms three time times true type understand want whole word words work year years
    accept according account act action actual actually advice advise affect afternoon age
    agree allow alone area areas arrive attention available avoid aware bad base basis bear
    become bed begin behind believe big bit body book break bring build busy call calls care
    careful carry cause caused causes central chance check checked checking checks child
    claim claims clear clearly close common compare compared complete concern concerns
    consider considered contain continue control cover covered covers create current
    currently cut deal decide decision deep depend depends detail direct directly discuss
    doing early easily easy effect effects else enter especially event everyday exact exactly
    expect experience explain face fairly fall feel felt field final find finds fine five
    follow form forward four free friend front general generally get getting go goes gone
    hard head hear held high higher hold home hope hour hours house idea important increase
    increased increases instead interest involve keep kept large later lead learn leave less
    life light limit list listed lists little live local long longer lose loss lower major
    manage matter matters mind minute minutes miss moment month months move moved much
    near nearly necessary normal normally note notice office open option options ordinary
    particular particularly pass past people period person place plan plans play possible
    power practice prefer prepare present probably produce provide provided quick quickly
    raise raised range reach read ready real reason recent recently recommend recommended
    reduce reduced reduces regular relate relevant remain remember report require required
    requires rest result return rise risk risks room run safe save seen send sense serious
    serve short simple simply single sit site size slow small social soon special specific
    stand stay stop strong suggest suggests suit support suppose taken takes taking talk
    team test thank think thought today told top total towards try turn typical unusual
    usual value view visit wait walk watch week weeks went wide wish woman women wrong
    greater greatest larger largest physical rare rarely frequent frequently general extra
    research evidence study studies mostly mainly simply fully partly slightly strongly widely
    highly likely unlikely system systems
    """
)
NUMBER_WORDS = _listed("zero one two three four five six seven eight nine ten")
# Longest first, so "ically" goes before "ic" and "ies" before "s".
SUFFIXES = ("ically", "ical", "ness", "ies", "ied", "ing", "ed", "es", "ic", "s", "y", "e")


def bounded(text) -> str:
    return str(text or "")[:MAX_CHARS]


@dataclass(frozen=True)
class Span:
    text: str
    emphasised: bool


class _Spans(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.spans: list[Span] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in EMPHASIS_TAGS:
            self.depth += 1
        elif tag in BLOCK_TAGS:
            self.spans.append(Span("\n", False))

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.spans.append(Span("\n", False))

    def handle_endtag(self, tag):
        if tag in EMPHASIS_TAGS:
            self.depth = max(0, self.depth - 1)
        elif tag in BLOCK_TAGS:
            self.spans.append(Span("\n", False))

    def handle_data(self, data):
        self.spans.append(Span(data, self.depth > 0))


def html_spans(html) -> list[Span]:
    """The text of rich-text HTML in pieces, each marked emphasised (bold, italic…) or not."""
    parser = _Spans()
    try:
        parser.feed(bounded(html))
        parser.close()
    except (AssertionError, ValueError):  # html.parser refuses a few malformed declarations
        return [Span(bounded(html), False)]
    return parser.spans


def html_text(html) -> str:
    return "".join(span.text for span in html_spans(html))


def squash(text) -> str:
    """Spacing is not visible to trainees, so it does not count (as in choice_text)."""
    return " ".join(bounded(text).split())


def words(text) -> list[str]:
    return WORD.findall(bounded(text))


def compounds(text) -> list[int]:
    """For each word of `text`, the number of the hyphenated compound it belongs to:
    "a blood-thinning tablet" is 0, 1, 1, 2."""
    numbers, end, number = [], None, -1
    text = bounded(text)
    for match in WORD.finditer(text):
        if not (end is not None and text[end : match.start()] in ("-", "‐")):
            number += 1
        numbers.append(number)
        end = match.end()
    return numbers


def stem(word: str) -> str:
    """A light stemmer: "allergy"/"allergic", "bruise"/"bruising", "lung"/"lungs" meet."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                changed = True
                break
    return word


def is_content(word: str) -> bool:
    """A word that carries meaning of its own: not a function word or a common English word
    (in any of its forms: "works" is "work"), at least four letters, or a number of two digits
    or more."""
    lowered = word.lower()
    if lowered[:1].isdigit():
        return len(lowered) >= 2
    if len(lowered) < 4 or lowered in COMMON or lowered in NUMBER_WORDS:
        return False
    return stem(lowered) not in COMMON_STEMS


COMMON_STEMS = frozenset(stem(word) for word in COMMON)


def content_stems(text) -> dict[str, str]:
    """Stem → first word spelled that way in the text, for the content words of `text`."""
    found: dict[str, str] = {}
    for word in words(text):
        if is_content(word):
            found.setdefault(stem(word), word)
    return found


def sentences(text) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(bounded(text)) if part.strip()]
