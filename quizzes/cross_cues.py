"""Cross-cueing: one question shows what another asks for, and one attempt can show both.

Pure, like quizzes/checks.py. The words compared are content words (quizzes.check_text:
not a function word or one of the commonest English words; four letters or more, or a number of
two digits or more), compared by a light stem; `pneumoth*` in an accepted answer is the prefix.

A **key term** of a right answer (a keyed option, an accepted short-text answer or the model
answer, a numeric answer, a matching pair's answer) is a content word of it that is not in the
question's own stem or case scenario (it tells the trainee nothing new there) and not in its
wrong options (so it tells right from wrong; for a matching pair: not in the other answers and
distractors). An answer of at most three content words is a *term answer* (a name, a number,
a short phrase); a longer one is a statement.

Question B **cues** question A when the same attempt can show both and B shows
- a key term of one of A's term answers (B names the answer), or
- two key terms of one of A's statements within four words of each other in one sentence or
  option (B restates the answer), or
- a key term of an answer together with a *subject word* of A: a content word of A's stem (of
  its prompt, for a matching pair) that at most a few other candidate questions show
  (B pairs what A asks about with its answer, as a matching item does).
In the first two cases a key term shown by more than a quarter of the other candidate questions
is the quiz's vocabulary ("needling", "patient"), not a cue.
True/false, ordering and hotspot keys have no key terms (the answer is a judgement, an order or
a place), so they are never cued here, though their text can cue others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from quizzes.check_text import (
    compounds,
    content_stems,
    html_text,
    sentences,
    squash,
    stem,
    words,
)
from quizzes.checks import Item, ItemWarning, keyed_and_wrong

PHRASE_WINDOW = 4  # two key terms at most this many words apart restate the answer
LIST_JOIN = " / "


@dataclass(frozen=True)
class Term:
    key: str  # a stem, or a lowercase prefix when `prefix`
    word: str  # as written in the answer
    prefix: bool = False


@dataclass(frozen=True)
class Answer:
    terms: tuple[Term, ...]
    needs: int  # key terms that must show in one piece for a cue without the subject
    subject: frozenset[str]  # stems that say what this answers


@dataclass(frozen=True)
class Piece:
    """One sentence, option, prompt or answer as trainees see it, with its words indexed."""

    text: str
    tokens: tuple[str, ...]  # the stem of each word, in order
    lowered: tuple[str, ...]  # each word in lower case, in order
    compounds: tuple[int, ...]  # each word's hyphenated compound ("blood-thinning" is one)
    whole_list: bool = False  # a matching item's prompts and answers together

    @staticmethod
    def of(text: str, whole_list: bool = False) -> Piece:
        found = words(text)
        return Piece(
            text,
            tuple(map(stem, found)),
            tuple(word.lower() for word in found),
            tuple(compounds(text)),
            whole_list,
        )

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self.tokens)

    def positions(self, term: Term) -> list[int]:
        if term.prefix:
            return [i for i, word in enumerate(self.lowered) if word.startswith(term.key)]
        return [i for i, key in enumerate(self.tokens) if key == term.key]

    def has(self, term: Term) -> bool:
        return bool(self.positions(term))

    def phrase(self, terms: list[Term]) -> bool:
        """Two of the terms within a few words of each other, and not one hyphenated word:
        a phrase of the answer."""
        places = [(i, term.key) for term in terms for i in self.positions(term)]
        return any(
            key != other_key
            and abs(i - j) <= PHRASE_WINDOW
            and self.compounds[i] != self.compounds[j]
            for i, key in places
            for j, other_key in places
        )


@dataclass(frozen=True)
class Shown:
    pieces: tuple[Piece, ...]
    stems: frozenset[str]

    def has(self, term: Term) -> bool:
        return any(piece.has(term) for piece in self.pieces)

    def piece_with(self, term: Term) -> str:
        return next((piece.text for piece in self.pieces if piece.has(term)), "")

    def best_piece(self, terms: list[Term]) -> str:
        """The sentence or option that shows the most of the terms (the first, on a tie)."""
        scored = [
            (sum(p.has(t) for t in terms), -p.whole_list, -i) for i, p in enumerate(self.pieces)
        ]
        best = max(range(len(self.pieces)), key=lambda i: scored[i], default=None)
        if best is None or not scored[best][0]:
            return ""
        if self.pieces[best].whole_list:  # only the prompts and answers that show them
            entries = [Piece.of(entry) for entry in self.pieces[best].text.split(LIST_JOIN)]
            return LIST_JOIN.join(e.text for e in entries if any(e.has(t) for t in terms))
        return self.pieces[best].text

    def word_for(self, term: Term) -> str:
        """The term as this question spells it."""
        for word in words(self.piece_with(term)):
            lowered = word.lower()
            if lowered.startswith(term.key) if term.prefix else stem(word) == term.key:
                return word
        return term.word


def shown_text(item: Item) -> Shown:
    """Sentences, options, prompts and answers; a matching item's prompts and answers also as
    one piece, since trainees read them side by side to pair them."""
    matching = [text for pair in item.pairs for text in pair] + list(item.distractors)
    texts = [
        *sentences(html_text(item.context)),
        *sentences(html_text(item.stem)),
        *(option.text for option in item.options),
        *matching,
        *item.sequence,
        *item.shown,
    ]
    pieces = [Piece.of(squash(text)) for text in texts if squash(text)]
    if item.pairs:
        pieces.append(Piece.of(LIST_JOIN.join(map(squash, matching)), whole_list=True))
    pieces = tuple(pieces)
    return Shown(pieces, frozenset().union(*(piece.stems for piece in pieces)))


def _terms(text: str, excluded: set[str]) -> tuple[Term, ...]:
    """The key terms of one answer."""
    terms: dict[str, Term] = {}
    for raw in str(text).split():
        prefix = raw.split("*")[0].lower().strip("'\"(")
        if "*" in raw and len(prefix) >= 4 and stem(prefix) not in excluded:
            terms[prefix] = Term(prefix, raw.strip("*"), prefix=True)
    found = content_stems(str(text).replace("*", " "))
    for key, word in found.items():
        covered = any(t.prefix and key.startswith(t.key) for t in terms.values())
        if key not in excluded and not covered:
            terms.setdefault(key, Term(key, word))
    return tuple(terms.values())


def answers(item: Item) -> list[Answer]:
    """The right answers of an item, as key terms (see the module docstring)."""
    scenario = set(content_stems(html_text(item.context)))
    subject = frozenset(set(content_stems(html_text(item.stem))) - scenario)
    asked = scenario | subject
    keyed, wrong = keyed_and_wrong(item)
    excluded = asked | set().union(*(content_stems(option.text) for option in wrong))
    texts = [option.text for option in keyed]
    if item.kind == "short_text":
        texts = [a.text for a in item.accepted if a.credit >= 1] + [item.model_answer]
    elif item.kind == "numeric":
        texts = list(item.numbers)
    hidden = item.kind in ("short_text", "numeric")  # not among the options: named, not picked
    result = []
    for text in texts:
        if terms := _terms(text, excluded):
            needs = 1 if hidden and len(words(text.replace("*", " "))) <= 2 else 2
            result.append(Answer(terms, needs, subject))
    for index, (prompt, answer) in enumerate(item.pairs):
        rivals = [a for i, (_, a) in enumerate(item.pairs) if i != index and a != answer]
        prompt_words = set(content_stems(prompt)) - asked
        rival_words = set().union(*(content_stems(text) for text in [*rivals, *item.distractors]))
        terms = _terms(answer, asked | rival_words | prompt_words)
        if terms and prompt_words:  # a pairing is cued only next to its prompt
            result.append(Answer(terms, 2, frozenset(prompt_words)))
    return result


def check_cross_cues(
    items: list[Item], *, together: Callable[[Item, Item], bool] | None = None
) -> list[ItemWarning]:
    """One warning per (cued, giver) pair of candidate items. `together(a, b)` says whether two
    candidates can share an attempt (default: any two can)."""
    shown = [shown_text(item) for item in items]
    frequency = Counter(key for text in shown for key in text.stems)
    others = max(len(items) - 1, 1)
    vocabulary = max(3, others / 4)  # shown by more others than this: the quiz's vocabulary
    rare = max(2, others // 10)  # a subject word shown by at most this many others
    warnings = []
    for index, item in enumerate(items):
        item_answers = answers(item)

        def shown_by_others(term: Term, index=index) -> int:
            return sum(1 for i, text in enumerate(shown) if i != index and text.has(term))

        def is_rare(key: str, index=index) -> bool:
            return frequency[key] - (key in shown[index].stems) <= rare

        for other_index, other in enumerate(items):
            if other_index == index or (together is not None and not together(item, other)):
                continue
            found, beside = _cues(
                item_answers, shown[other_index], shown_by_others, is_rare, vocabulary
            )
            if found:
                warnings.append(_warning(item, other, found, beside, shown[other_index]))
    return warnings


def _cues(item_answers, shown: Shown, shown_by_others, is_rare, vocabulary):
    """The key terms the giver shows as a cue, and the subject words they are shown beside."""
    found: dict[str, Term] = {}
    beside: dict[str, Term] = {}
    for answer in item_answers:
        visible = [term for term in answer.terms if shown.has(term)]
        if not visible:
            continue
        counts = {term: shown_by_others(term) for term in visible}
        telling = [term for term in visible if counts[term] <= vocabulary]
        usual = [term for term in visible if counts[term] <= 2 * vocabulary]
        subject = [key for key in answer.subject if key in shown.stems and is_rare(key)]
        for piece in shown.pieces:
            said = [term for term in telling if piece.has(term)]
            named = said and (answer.needs == 1 or piece.phrase(said))
            if named and not piece.whole_list:
                found.update((term.key, term) for term in said)
                continue
            paired = [key for key in subject if key in piece.stems]  # beside the subject
            if paired and (terms := [term for term in usual if piece.has(term)]):
                found.update((term.key, term) for term in terms)
                beside.update((key, Term(key, key)) for key in paired)
    return list(found.values()), list(beside.values())


def _warning(item, other, found: list[Term], beside: list[Term], shown: Shown) -> ItemWarning:
    quoted = ", ".join(dict.fromkeys(f"“{shown.word_for(term)}”" for term in found))
    if beside:
        quoted += " beside " + ", ".join(f"“{shown.word_for(term)}”" for term in beside)
    stake = "must-pass item " if item.critical else ""
    return ItemWarning(
        code="cross_cue",
        explanation=(
            f"“{other.title}” shows {quoted}, which answers the {stake}“{item.title}”, and one "
            "attempt can show both: a trainee can read the answer off the other question. "
            "Reword one of them, or keep them out of the same attempt."
        ),
        offending=shown.best_piece(found + beside),
        item_id=item.id,
        item_title=item.title,
        other_id=other.id,
        other_title=other.title,
    )
