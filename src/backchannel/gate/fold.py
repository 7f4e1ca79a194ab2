"""Folding text for matching: lower case, no diacritics, every non-letter a space.

`fold_text` returns the folded copy of a text together with the map back to the original
offsets. Most texts fold character for character (é to e, a capital to its small letter,
punctuation to a space), so the map is the identity and costs nothing; only characters that
fold to more or fewer characters (ß to ss, a combining accent to nothing) need a map, kept
as breakpoints and searched by bisection.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# Letters that have no decomposition but a usual Latin spelling.
_SPECIAL = {
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ŋ": "ng",
    "ĸ": "k",
    # Hausa and Fula hooked letters, usually written plain (Ɗanjuma, Danjuma).
    "ɗ": "d",
    "ƙ": "k",
    "ɓ": "b",
    "ƴ": "y",
    "ɠ": "g",
    # Arabic letters written interchangeably (see `lang.ar`); same length, so offsets hold.
    "ة": "ه",
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ہ": "ه",
}
# Marks of ayn and hamza in romanised Arabic count as apostrophes: they separate nothing.
_APOSTROPHES = "'’‘ʼʻʿʾ`´"


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The folded form of one character: letters and digits folded, anything else a space."""
    if char.isascii():
        return char.lower() if char.isalnum() else " "
    if char in _APOSTROPHES:
        return " "
    if char == "\u0640":  # the Arabic tatweel only stretches a word: لـمنتدى is لمنتدى
        return ""
    out = []
    for c in unicodedata.normalize("NFKD", char.casefold()):
        if unicodedata.combining(c):
            continue
        c = _SPECIAL.get(c, c)
        if c.isalnum():
            out.append(c)  # punctuation inside one character goes: ℀ (a/c) is "ac"
    if not out and unicodedata.combining(char):
        return ""
    folded = "".join(out)
    return folded if folded.strip() else " "


_ASCII_TABLE = {i: fold_char(chr(i)) for i in range(128)}


def fold(text: str) -> str:
    """Fold a short string (a roster entry): letters only, single spaces, no ends."""
    return " ".join("".join(fold_char(c) for c in text).split())


def fold_word(text: str) -> str:
    """Fold and join: "Al-Tamimi" gives "altamimi"."""
    return "".join("".join(fold_char(c) for c in text).split())


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of a text and the way back to the original offsets.

    Two maps compose: runs of spaces in the folded text are collapsed to one space
    (`_gap_*`: folded position where the shift grows, and the shift from there on), and
    characters that folded to more or fewer than one character (`_norm_*`, `_orig_*`).
    """

    text: str
    original: str
    _gap_pos: tuple[int, ...] = ()
    _gap_shift: tuple[int, ...] = ()
    _norm_starts: tuple[int, ...] = ()
    _orig_starts: tuple[int, ...] = ()
    _expanded: tuple[bool, ...] = ()
    _gap_norm: tuple[int, ...] = ()  # where each gap ends in the uncollapsed text

    @property
    def identity(self) -> bool:
        return not self._norm_starts and not self._gap_pos

    def _uncollapse(self, n: int) -> int:
        if not self._gap_pos:
            return n
        i = bisect_right(self._gap_pos, n) - 1
        return n if i < 0 else n + self._gap_shift[i]

    def _unfold(self, n: int) -> int:
        if not self._norm_starts:
            return n
        i = bisect_right(self._norm_starts, n) - 1
        if i < 0:
            return n
        if self._expanded[i]:
            return self._orig_starts[i]
        return self._orig_starts[i] + n - self._norm_starts[i]

    def start(self, n: int) -> int:
        """The original offset of folded offset `n` (the start of a span)."""
        return self._unfold(self._uncollapse(n))

    def offset_of(self, original: int) -> int:
        """The first folded offset whose original offset (`start`) is at least `original`."""
        n = original
        if self._norm_starts:
            i = bisect_right(self._orig_starts, original) - 1
            if i >= 0:
                n = self._norm_starts[i] + (
                    0 if self._expanded[i] else original - self._orig_starts[i]
                )
        if self._gap_pos:
            j = bisect_right(self._gap_norm, n) - 1
            if j >= 0:
                n = max(self._gap_pos[j], n - self._gap_shift[j])
        n = max(0, min(n, len(self.text)))
        while n > 0 and self.start(n - 1) >= original:
            n -= 1
        while n < len(self.text) and self.start(n) < original:
            n += 1
        return n

    def end(self, n: int) -> int:
        """The original offset just past folded span end `n` (exclusive)."""
        if n <= 0:
            return 0
        e = self.start(n - 1) + 1
        if self._norm_starts:
            original = self.original
            while e < len(original) and unicodedata.combining(original[e]):
                e += 1
        return e


_RUN = re.compile(r" {2,}")


# A stretch of non-ASCII letters, with the spaces and punctuation inside it (an Arabic or a
# Russian paragraph is one stretch, an accented letter in English another). Split on it,
# a text alternates ASCII and non-ASCII pieces, and the ASCII ones take CPython's fast
# path for `str.translate`: twenty times faster than the general one, which a single "é"
# would send the whole text down.
_NON_ASCII = re.compile(r"([^\x00-\x7f](?:[^\x00-\x7f]+|[ \t,.;:!?()\"'-]+(?=[^\x00-\x7f]))*)")


def fold_text(text: str) -> Folded:
    """The folded text: one space between words, mapped back to the original offsets."""
    table: dict[int, str] = dict(_ASCII_TABLE)
    uneven: set[str] = set()
    if text.isascii():
        norm = text.translate(table)
    else:
        pieces = _NON_ASCII.split(text)
        for char in set("".join(pieces[1::2])):
            folded = fold_char(char)
            table[ord(char)] = folded
            if len(folded) != 1:
                uneven.add(char)
        norm = "".join([piece.translate(table) for piece in pieces])
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    expanded: list[bool] = []
    if uneven:
        norm_starts, orig_starts, expanded = [0], [0], [False]
        n = 0
        last = 0
        for match in re.finditer("[" + re.escape("".join(sorted(uneven))) + "]", text):
            pos = match.start()
            n += pos - last
            folded = table[ord(match.group())]
            if folded:
                norm_starts.append(n)
                orig_starts.append(pos)
                expanded.append(True)
                n += len(folded)
            norm_starts.append(n)
            orig_starts.append(pos + 1)
            expanded.append(False)
            last = pos + 1
    gap_pos: list[int] = []
    gap_shift: list[int] = []
    if "  " in norm:
        shift = 0
        for match in _RUN.finditer(norm):
            extra = match.end() - match.start() - 1
            gap_pos.append(match.start() - shift + 1)
            shift += extra
            gap_shift.append(shift)
        norm = _RUN.sub(" ", norm)
    return Folded(
        norm,
        text,
        tuple(gap_pos),
        tuple(gap_shift),
        tuple(norm_starts),
        tuple(orig_starts),
        tuple(expanded),
        tuple(p + shift for p, shift in zip(gap_pos, gap_shift, strict=True)),
    )
