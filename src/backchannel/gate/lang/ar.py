"""Names in Arabic script (Arabic, Persian, Urdu) matched against a roster typed in Latin.

Arabic writes no short vowels, so a name is matched on its consonant skeleton: each letter
goes to a class that its usual Latin spellings share, long vowels and glides drop out, and
a word that starts with a vowel (alif, ayn) keeps a mark for it (Anwar: Vnr, "Rubaie" and
the word for Arabs differ). The usual spelling equivalences are folded first:

- ة and ه, ى and ي, أ إ آ ٱ and ا, ؤ and و, ئ and ي; vowel marks and the tatweel go;
- Persian and Urdu letters: ک گ ی ۀ ہ ھ پ چ ژ ڤ;
- ق ك غ and Latin q, k, g, gh are one class (Qutaiba, Kutaiba, Gutaiba);
- the article ال (with sun letters written al-Sh or ash-Sh in Latin) and the proclitics
  و ف ب ل ك and لل come off a word before it is matched; the whole word is redacted;
- عبد ال compounds, joined or not, are one name (Abdulwahab, عبد الوهاب, عبدالوهاب);
- the kunya أبو, أبا, أبي (its three cases) and أم before a name.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from backchannel.gate.fold import fold
from backchannel.gate.romkey import collapse
from backchannel.gate.words import word_list

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        "ک": "ك", "گ": "گ", "ی": "ي", "ې": "ي", "ۍ": "ي", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
        "ە": "ه", "ڤ": "ف", "ڨ": "ق", "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن", "ۃ": "ه",
    }
)  # fmt: skip
# Consonant classes; letters absent here (alif, waw, ya, ayn, hamza) are vowels or glides.
_CLASS = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "چ": "S", "ح": "h",
    "ه": "h", "خ": "x", "د": "d", "ض": "d", "ذ": "d", "ظ": "d", "ر": "r", "ز": "z",
    "ژ": "z", "س": "s", "ص": "s", "ش": "S", "غ": "K", "ق": "K", "ك": "K", "گ": "K",
    "ف": "f", "ل": "l", "م": "m", "ن": "n",
}  # fmt: skip
_OPENING = {"ا": "V", "ع": "V", "و": "w", "ي": "y"}
KUNYA = frozenset({"ابو", "ابا", "ابي", "ام"})
PROCLITICS = (
    "وبال",
    "وب",
    "فب",
    "ول",
    "فل",
    "وك",
    "وكال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


@lru_cache(maxsize=65536)
def normalize(word: str) -> str:
    """One Arabic word with its spelling equivalences folded (see the module docstring)."""
    return _MARKS.sub("", word).translate(_LETTERS)


def skeleton(word: str) -> str:
    """The consonant skeleton of a normalized word without article or proclitics."""
    if not word:
        return ""
    out = [_OPENING.get(word[0], "")]
    body = word[:-1] if len(word) > 2 and word.endswith("ه") else word
    for char in body:
        c = _CLASS.get(char)
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=32768)
def stems(word: str) -> tuple[tuple[str, bool], ...]:
    """(stem, had article) readings of a normalized word, the word itself first.

    "والعبيدي" gives itself, "العبيدي" (article) and "عبيدي" with the article; "للزبيدي"
    gives "زبيدي" with the article. A stem is at least two letters long.
    """
    out: list[tuple[str, bool]] = [(word, False)]
    for clitic in ("", *PROCLITICS):
        if not word.startswith(clitic):
            continue
        rest = word[len(clitic) :]
        if clitic.endswith("ال") or clitic.endswith("لل"):
            if len(rest) >= 2:
                out.append((rest, True))
            continue
        if clitic and len(rest) >= 2:
            out.append((rest, False))
        if rest.startswith("ال") and len(rest) >= 4:
            out.append((rest[2:], True))
    return tuple(dict.fromkeys(out))


# Latin spellings to the classes above; longest first at each position.
_LATIN_UNITS = (
    ("dzh", "j"), ("sch", "S"), ("kh", "x"), ("gh", "K"), ("sh", "S"), ("ch", "S"),
    ("th", "t"), ("dh", "d"), ("ph", "f"), ("dj", "j"), ("zh", "z"), ("ck", "K"),
)  # fmt: skip
_LATIN_SINGLE = {
    "b": "b", "p": "b", "t": "t", "d": "d", "j": "j", "h": "h", "r": "r", "z": "z",
    "s": "s", "c": "K", "q": "K", "k": "K", "g": "K", "f": "f", "l": "l", "m": "m",
    "n": "n", "x": "Ks",
}  # fmt: skip
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=8192)
def latin_skeletons(word: str) -> frozenset[str]:
    """The skeletons of a folded Latin name part, as an Arabic writer would spell it.

    A final -h may be a written ha (Sabah, صباح) or the silent ending of ة (Fatimah), so
    both readings are given; Egyptian g may be ج as well as ق.
    """
    word = word.replace(" ", "")
    if not word:
        return frozenset()
    opening = "V" if word[0] in _VOWELS else {"w": "w", "y": "y", "v": "w"}.get(word[0], "")
    keys = [opening]
    i = 0
    start = 1 if opening in ("w", "y") else 0
    i = start
    while i < len(word):
        unit = None
        for spelling, cls in _LATIN_UNITS:
            if word.startswith(spelling, i):
                unit, i = cls, i + len(spelling)
                break
        if unit is None:
            unit = _LATIN_SINGLE.get(word[i], "")
            i += 1
        keys = [k + unit for k in keys]
    out = {collapse(k) for k in keys}
    for k in list(out):
        if k.endswith("h") and len(k) > 2:
            out.add(k[:-1])
    return frozenset(out)


def _words(name: str) -> frozenset[str]:
    return word_list("ar", name, normalize=normalize)


@cache
def common_words() -> frozenset[str]:
    """Ordinary Arabic words that are also names (صباح morning, سلام peace), normalized."""
    return _words("common_words.txt")


@cache
def function_words() -> frozenset[str]:
    """Words of every page that are never a name (كانت, منذ, حول), normalized."""
    return _words("function_words.txt")


@cache
def cue_words() -> frozenset[str]:
    """Verbs of speech and action that stand next to a speaker (قال، أضاف، عرضت)."""
    return _words("cues.txt")


@cache
def honorifics() -> frozenset[str]:
    """Honorifics, ranks and offices before a name (السيد، الدكتور، اللواء), normalized."""
    return _words("honorifics.txt")


# Object pronouns a verb carries (وأجابه, and he answered him; وأيدتها, and she backed her).
_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه", "ني", "نا", "كم")


@lru_cache(maxsize=16384)
def is_cue(word: str) -> bool:
    """True for a verb of speech or action, with or without و/ف before it and an object
    pronoun after it."""
    cues = cue_words()
    bodies = [word, word[1:]] if word[:1] in ("و", "ف") else [word]
    for body in bodies:
        if body in cues:
            return True
        for pronoun in _OBJECT_PRONOUNS:
            if body.endswith(pronoun) and len(body) - len(pronoun) >= 3:
                if body[: -len(pronoun)] in cues:
                    return True
    return False


def is_honorific(word: str) -> bool:
    """True for an honorific, with or without و/ف/ل before it."""
    titles = honorifics()
    return word in titles or (word[:1] in ("و", "ف", "ل") and word[1:] in titles)


def latin_is_nisba(part: str) -> bool:
    """True for a Latin family name that ends like a nisba (al-Rubaie, Kubaisi)."""
    return fold(part).replace(" ", "").endswith(("i", "y", "ie"))
