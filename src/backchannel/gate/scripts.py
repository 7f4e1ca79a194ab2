"""Which script a word is written in, and the words of a text that are not in Latin.

The gate reads notes in Latin, Arabic (with Persian and Urdu letters), Cyrillic, Greek,
Armenian, Georgian and Hebrew. `native_words(text)` yields the words written in any of
those scripts but Latin, each with its script, in one regular-expression pass; a text that
is all ASCII costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

# Script name, then the code point ranges of its letters and marks.
_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Arabic": (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x08A0, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ),
    "Cyrillic": ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
    "Greek": ((0x0370, 0x03FF), (0x1F00, 0x1FFF)),
    "Armenian": ((0x0530, 0x058F), (0xFB13, 0xFB17)),
    "Georgian": ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)),
    "Hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
}
# Punctuation and digits inside the blocks are not letters: Arabic's, the Hebrew maqaf
# (the hyphen of בן־עמי), paseq and sof pasuq, Armenian's marks, full stop and hyphen.
_NOT_LETTERS = "،؛؟٪٫٬٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹۔\u05be\u05c0\u05c3\u05c6՚՛՜՝՞՟։֊"


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    """A character class of the ranges' letters: the ranges less `_NOT_LETTERS`, so that
    the class needs no look-ahead (the regular expressions run over whole notes)."""
    holes = sorted(ord(c) for c in _NOT_LETTERS)
    out = []
    for lo, hi in ranges:
        if hi > 0xFFFF:
            continue
        for hole in holes:
            if lo <= hole <= hi:
                if lo < hole:
                    out.append((lo, hole - 1))
                lo = hole + 1
        if lo <= hi:
            out.append((lo, hi))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a < b else f"\\u{a:04x}" for a, b in out)


_NATIVE = {name: _class(r) for name, r in _RANGES.items()}
_ALL = "".join(_NATIVE.values())
# A word: letters and marks of one non-Latin script, with the Arabic tatweel inside.
NATIVE_WORD = re.compile("|".join(f"(?P<{name}>[{cls}]+)" for name, cls in _NATIVE.items()))
_ANY_NATIVE = re.compile(f"[{_ALL}]")
# Every letter of the scripts above, for one-character tests.
LETTERS = frozenset(
    chr(cp)
    for ranges in _RANGES.values()
    for lo, hi in ranges
    for cp in range(lo, hi + 1)
    if chr(cp) not in _NOT_LETTERS
)
_LETTER = f"[{_ALL}]"
# Any word in a non-Latin script (scripts are told apart afterwards, by its first letter).
ANY_WORD = re.compile(f"{_LETTER}+")
NOT_BEFORE = f"(?<!{_LETTER})"
NOT_AFTER = f"(?!{_LETTER})"


def word_script(word: str) -> str:
    """The script of a word found by ANY_WORD (that of its first letter)."""
    for char in word:
        script = script_of_char(char)
        if script is not None:
            return script
    return "Latin"


def native_words(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, word, script) for every word of `text` in a non-Latin script."""
    if text.isascii() or _ANY_NATIVE.search(text) is None:
        return
    for m in NATIVE_WORD.finditer(text):
        word = m.group()
        if any(c.isalpha() for c in word):
            yield m.start(), m.end(), word, m.lastgroup or "Latin"


@cache
def script_of_char(char: str) -> str | None:
    """The script of one letter, "Latin" for Latin letters, None for anything else."""
    if not char.isalpha():
        return None
    cp = ord(char)
    for name, ranges in _RANGES.items():
        if any(lo <= cp <= hi for lo, hi in ranges):
            return name
    return "Latin" if cp < 0x0370 or 0x1E00 <= cp <= 0x1EFF else None


_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")


def script_of(text: str) -> str:
    """The script most letters of `text` are written in ("Latin" when there are none)."""
    if text.isascii():
        return "Latin"
    counts = {"Latin": sum(map(len, _LATIN_RUN.findall(text)))}
    for word in ANY_WORD.findall(text):
        script = word_script(word)
        counts[script] = counts.get(script, 0) + len(word)
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else "Latin"
