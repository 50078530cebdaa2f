"""English singular and plural forms of one word, for the short-text "singular or plural" option.

`word_forms(word)` is the word itself, the plurals the rules give it, and, if it reads as a
plural, the singulars it may come from (and their plurals). Marking accepts any of these in place
of a whole word of the author's answer. Forms are only ever *generated from the author's word*:
the trainee's answer is never stemmed, so two different words are merged only when one is a form
of the other by these rules (e.g. "lung"/"lungs", "glass"/"glasses").

The rules: regular English endings (-s, -es after s/x/z/ch/sh, -y/-ies, -o/-oes); a few Latin
and Greek families common in anatomy and pathology (-thorax/-thoraces, -sis/-ses, -ix and
-ex/-ices, -a/-ae, -us/-i, -um/-a); and a short table of irregular words (foot/feet, calf/calves,
ganglion/ganglia…). Limits, on the safe side (a form the rules do not know is refused, not
guessed): words under 3 letters are left alone, except those in the table; -f/-ves is only known
for the words in the table ("nerve" is not "nerf"); a generated form may be a non-word ("viri"),
which costs nothing because nobody types it as a different answer.
"""

from __future__ import annotations

from functools import lru_cache

IRREGULAR = {
    "calf": "calves",
    "child": "children",
    "corpus": "corpora",
    "criterion": "criteria",
    "foot": "feet",
    "foramen": "foramina",
    "ganglion": "ganglia",
    "half": "halves",
    "knife": "knives",
    "leaf": "leaves",
    "life": "lives",
    "man": "men",
    "mouse": "mice",
    "ox": "oxen",
    "person": "people",
    "phenomenon": "phenomena",
    "self": "selves",
    "shelf": "shelves",
    "tooth": "teeth",
    "viscus": "viscera",
    "wife": "wives",
    "woman": "women",
}
SINGULAR_OF = {plural: singular for singular, plural in IRREGULAR.items()}
# (singular ending, plural ending, shortest word it applies to)
LATIN = [
    ("thorax", "thoraces", 6),
    ("sis", "ses", 5),
    ("ix", "ices", 4),
    ("ex", "ices", 4),
    ("a", "ae", 4),
    ("us", "i", 5),
    ("um", "a", 5),
]
SIBILANT = ("s", "x", "z", "ch", "sh")
VOWELS = "aeiou"
MIN_LETTERS = 3


def plurals(word: str) -> set[str]:
    """The plurals of `word` read as a singular (lower case in, lower case out)."""
    forms = {IRREGULAR[word]} if word in IRREGULAR else set()
    if len(word) < MIN_LETTERS:
        return forms
    if word.endswith(SIBILANT):
        forms.add(word + "es")
    if word.endswith(("ch", "o")):  # stomachs, egos
        forms.add(word + "s")
    if word.endswith("o"):
        forms.add(word + "es")  # echoes, tomatoes
    if word.endswith("y") and len(word) > 3 and word[-2] not in VOWELS:
        forms.add(word[:-1] + "ies")
    if not word.endswith(SIBILANT) and not (word.endswith("y") and word[-2] not in VOWELS):
        forms.add(word + "s")
    for singular, plural, shortest in LATIN:
        if len(word) >= shortest and word.endswith(singular):
            forms.add(word[: -len(singular)] + plural)
    return forms


def singulars(word: str) -> set[str]:
    """The singulars `word` may be the plural of (empty if it does not read as a plural)."""
    forms = {SINGULAR_OF[word]} if word in SINGULAR_OF else set()
    if len(word) <= MIN_LETTERS:
        return forms
    for singular, plural, shortest in LATIN:
        stem = word[: -len(plural)]
        if word.endswith(plural) and len(stem + singular) >= shortest:
            forms.add(stem + singular)
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        forms.add(word[:-1])
        if word.endswith("ies") and len(word) > 4:
            forms.add(word[:-3] + "y")
        if word.endswith("es") and len(word) - 2 >= MIN_LETTERS and word[:-2].endswith(SIBILANT):
            forms.add(word[:-2])
        if word.endswith("oes") and len(word) > 4:
            forms.add(word[:-2])
    return forms


def _recase(form: str, like: str) -> str:
    if like.isupper():
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@lru_cache(maxsize=4096)
def word_forms(word: str) -> frozenset[str]:
    """The word, its plurals and its singulars (with their plurals), in the word's own case."""
    lower = word.lower()
    if not lower.isalpha():
        return frozenset({word})
    ones = singulars(lower)
    forms = {lower} | plurals(lower) | ones
    for one in ones:
        forms |= plurals(one)
    return frozenset({word} | {_recase(form, word) for form in forms})
