"""Finding a phrase in a text that somebody may have retyped (for domain/fingerprint.py).

Texts are compared as words, folded: case, accents and apostrophes gone, words hyphenated
across lines joined, every other mark a separator. A word matches with one typo (two in
words of eight letters or more); a phrase is placed where most of its words occur in order,
words dropped or added between them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

DRIFT = 3  # words the text may add between two matched words of a phrase
_ANCHORS = 4  # the rarest words of a phrase that place it in the text


def tokens(text: str) -> tuple[str, ...]:
    """The words of `text`, folded: case, accents and apostrophes gone, hyphenated line
    breaks joined, every other mark a separator."""
    joined = re.sub(r"(\w)-[ \t]*\r?\n\s*(\w)", r"\1\2", text)
    folded = unicodedata.normalize("NFKD", joined)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"['\u2019\u2018`]", "", folded)
    return tuple(re.findall(r"[^\W_]+", folded))


@lru_cache(maxsize=200_000)
def close(a: str, b: str) -> bool:
    """The same word, or one typo apart (two for words of eight letters or more)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    allowed = 1 if max(len(a), len(b)) < 8 else 2
    if abs(len(a) - len(b)) > allowed:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    x, y = a[start : len(a) - end], b[start : len(b) - end]
    if max(len(x), len(y)) <= allowed:
        return True
    return _edits(x, y) <= allowed


def _edits(x: str, y: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count once)."""
    rows = [list(range(len(y) + 1))]
    for i in range(1, len(x) + 1):
        row = [i] + [0] * len(y)
        for j in range(1, len(y) + 1):
            cost = 0 if x[i - 1] == y[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and x[i - 1] == y[j - 2] and x[i - 2] == y[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


class Text:
    """A text's words, with the positions where each word of a wording matches."""

    def __init__(self, text: str) -> None:
        self.words = tokens(text)
        self._by_length: dict[int, set[str]] = {}
        self._positions: dict[str, list[int]] = {}
        for pos, word in enumerate(self.words):
            self._positions.setdefault(word, []).append(pos)
            self._by_length.setdefault(len(word), set()).add(word)
        self._hits: dict[str, frozenset[int]] = {}

    def hits(self, word: str) -> frozenset[int]:
        found = self._hits.get(word)
        if found is None:
            spread = 0 if len(word) < 4 else (1 if len(word) < 8 else 2)
            near = [
                other
                for n in range(len(word) - spread, len(word) + spread + 1)
                for other in self._by_length.get(n, ())
                if close(word, other)
            ]
            found = frozenset(p for other in near for p in self._positions[other])
            self._hits[word] = found
        return found

    def place(
        self, phrase: tuple[str, ...], drift: int = DRIFT
    ) -> tuple[Placement | None, Placement | None]:
        """The best place of `phrase` in the text (its words in order, with up to `drift`
        words added between two of them), and the best other place that does not overlap."""
        hits = [self.hits(w) for w in phrase]
        long = [j for j, w in enumerate(phrase) if len(w) >= 4 and hits[j]]
        anchors = sorted(long or range(len(phrase)), key=lambda j: len(hits[j]))[:_ANCHORS]
        found: list[Placement] = []
        for low in sorted({p - j - drift for j in anchors for p in hits[j]}):
            spots = lcs(hits, max(0, low), low + len(phrase) + 2 * drift)
            if spots:
                found.append(Placement(spots))
        if not found:
            return None, None
        best = max(found, key=lambda f: (len(f.words), f.first - f.last, -f.first))
        elsewhere = [f for f in found if f.last < best.first or f.first > best.last]
        return best, max(elsewhere, key=lambda f: len(f.words), default=None)

    def near(self, word: str, low: int, high: int) -> bool:
        return any(low <= p <= high for p in self.hits(word))


def lcs(hits: Sequence[frozenset[int]], low: int, high: int) -> dict[int, int]:
    """The most words of a phrase (whose words match at `hits`) found in order between text
    positions `low` and `high`: phrase index -> text position."""
    span = range(low, high)
    rows = [[0] * (len(span) + 1) for _ in range(len(hits) + 1)]
    for k in range(len(hits) - 1, -1, -1):
        for i in range(len(span) - 1, -1, -1):
            take = rows[k + 1][i + 1] + 1 if span[i] in hits[k] else 0
            rows[k][i] = max(take, rows[k + 1][i], rows[k][i + 1])
    out: dict[int, int] = {}
    k = i = 0
    while k < len(hits) and i < len(span):
        if span[i] in hits[k] and rows[k][i] == rows[k + 1][i + 1] + 1:
            out[k] = span[i]
            k, i = k + 1, i + 1
        elif rows[k + 1][i] >= rows[k][i + 1]:
            k += 1
        else:
            i += 1
    return out


@dataclass(frozen=True, slots=True)
class Placement:
    spots: dict[int, int]  # index of a phrase's word found -> its position in the text

    @property
    def words(self) -> frozenset[int]:
        return frozenset(self.spots)

    @property
    def first(self) -> int:
        return min(self.spots.values())

    @property
    def last(self) -> int:
        return max(self.spots.values())
