"""A key that the romanisations of one name share: English, German, French, Polish, Turkish.

The same Russian, Arabic or Persian name is written Shcherbakov, Schtscherbakow,
Chtcherbakov and Ščerbakov; Qutaiba, Kutaiba and Gutaiba; Khodjaeva, Xo'jayeva and
Chodschajewa. Their consonants agree once each system's spelling of a sound is read as that
sound, so the key is the word's consonants in broad classes, vowels and glides dropped:

- S: sh, sch, ch, zh, j, shch, schtsch, chtch, tsch, tch, cz, sz, dzh, dj, š, ž, č, ş, ç
- K: k, q, g, gh, kh, ck, hard c, ch (German Chochlowa), x (Uzbek Xo'jayeva)
- v: v, w, f, ph, ff (Rybnikoff);  s: s, z, ts, tz, soft c;  t: t, th;  d: d, dh
- h, y, j (German Julia) and the vowels are dropped (a first h may also be Russian g:
  Hnatyuk, Gnatyuk); doubled classes count once.

A spelling that reads two ways ("ch", "x", "j") gives a key for each reading, so a word
has a small set of keys. Two words match when their key sets meet and the key has at
least three consonants; shorter names are left to the variant families.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MIN_KEY = 3
_MAX_KEYS = 8

_LETTERS = {
    "š": "sh", "ś": "sh", "ş": "sh", "ș": "sh", "č": "ch", "ć": "ch", "ç": "ch",
    "ž": "zh", "ż": "zh", "ź": "zh", "ğ": "gh", "ı": "i", "ə": "a", "ɗ": "d", "ƙ": "k",
    "ƴ": "y", "ŋ": "ng", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d",
    "ħ": "h", "ẖ": "h", "ṯ": "th", "ḏ": "dh", "ḫ": "kh", "ġ": "gh",
}  # fmt: skip

# Longest spelling first at each position; each maps to the readings it may have.
_UNITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("schtsch", ("S",)),
    ("chtch", ("S",)),
    ("shtch", ("S",)),
    ("szcz", ("S",)),
    ("shch", ("S",)),
    ("dsch", ("S",)),
    ("tsch", ("S",)),
    ("sch", ("S",)),
    ("tch", ("S",)),
    ("dzh", ("S",)),
    ("dj", ("S",)),
    ("dz", ("S", "ds")),
    ("sh", ("S",)),
    ("zh", ("S",)),
    ("cz", ("S",)),
    ("sz", ("S",)),
    ("ch", ("S", "K")),
    ("kh", ("K",)),
    ("gh", ("K",)),
    ("ck", ("K",)),
    ("ph", ("v",)),
    ("th", ("t",)),
    ("dh", ("d",)),
    ("ts", ("s",)),
    ("tz", ("s",)),
)
_SINGLE = {
    "b": "b", "d": "d", "f": "v", "g": "K", "k": "K", "l": "l", "m": "m", "n": "n",
    "p": "p", "q": "K", "r": "r", "s": "s", "t": "t", "v": "v", "w": "v", "z": "s",
}  # fmt: skip
_SOFT = frozenset("eiy")


def _plain(word: str) -> str:
    out = []
    for char in word.lower():
        char = _LETTERS.get(char, char)
        for c in unicodedata.normalize("NFKD", char):
            if "a" <= c <= "z":
                out.append(c)
    return "".join(out)


@lru_cache(maxsize=32768)
def keys(word: str) -> frozenset[str]:
    """The keys of one word (any case, diacritics allowed); empty for very short words."""
    plain = _plain(word)
    found: list[str] = [""]
    i = 0
    while i < len(plain):
        readings: tuple[str, ...] | None = None
        for spelling, options in _UNITS:
            if plain.startswith(spelling, i):
                readings, i = options, i + len(spelling)
                break
        if readings is None:
            c = plain[i]
            i += 1
            if c == "c":
                readings = ("s",) if i < len(plain) and plain[i] in _SOFT else ("K",)
            elif c == "x":
                readings = ("K", "Ks")
            elif c == "j":
                readings = ("S", "")
            elif c == "h" and i == 1:
                readings = ("", "K")  # Ukrainian and Belarusian Г is H: Hnatyuk, Gnatyuk
            else:
                readings = (_SINGLE.get(c, ""),)
        if len(readings) == 1:
            found = [k + readings[0] for k in found]
        else:
            found = [k + r for k in found for r in readings][:_MAX_KEYS]
    return frozenset(collapse(k) for k in found)


def collapse(key: str) -> str:
    """A key with each run of one class written once ("KKlv" gives "Klv")."""
    out: list[str] = []
    for c in key:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def strong_keys(word: str) -> frozenset[str]:
    """The keys long enough to match on (three consonants or more)."""
    return frozenset(k for k in keys(word) if len(k) >= MIN_KEY)
