"""Text helpers for the neutrality linter: words with offsets, sentences, quotations.

A word is a run of letters or digits, with inner hyphens and apostrophes (`pro-regime`,
`Martyrs`, `Qadira's`). Its key is case-folded, with typographic apostrophes and hyphens made
plain and a possessive `'s` dropped, so `Regime's` and `regime` have the same key.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Letters, with Arabic short vowels inside a word (they are marks, not letters).
# Invisible characters (a soft hyphen, joiners, direction marks) may sit inside a word.
_LETTER = r"(?:(?:[^\W_]|[\u064b-\u065f\u0670])[\u00ad\u200b-\u200f\u2060\u061c]*)"
_WORD = re.compile(rf"{_LETTER}+(?:['\u2019\-\u2010\u2011]{_LETTER}+)*")
_SENTENCE_BREAK = re.compile(
    r"[.!?\u2026]+[\"\u201d\u2019)\]]*(?=\s)"  # end of a sentence
    r"|\n[ \t]*\n"  # a blank line
    r"|\n(?=[ \t]*(?:[-*\u2022\u00b7]\s|\d+[.)]\s|#|\|))"  # a list item, heading, table row
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\u200e\u200f\u061c\ufeff"))
# Words that start a sentence or a noun phrase: a capital there says nothing of a name.
FUNCTION_WORDS = frozenset(
    "the a an this that these those its their his her our your my of in on at by for to "
    "and or but with from as is are was were be i "
    "le la les l un une des du de d ce ces cet cette son sa ses leur leurs et ou mais "
    "el los las lo una unos unas del al este esta estos estas su sus y o pero "
    "и в во на с со по о от для этот эта эти это их его её".split()
)


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    raw: str
    key: str
    sentence: int

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()


def word_key(raw: str) -> str:
    key = (
        raw.translate(_INVISIBLE)
        .casefold()
        .replace("\u2019", "'")
        .replace("\u2010", "-")
        .replace("\u2011", "-")
    )
    return key[:-2] if key.endswith("'s") else key


def sentence_breaks(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_BREAK.finditer(text)]


def words(text: str) -> list[Word]:
    breaks = sentence_breaks(text)
    return [
        Word(
            m.start(),
            m.end(),
            m.group(),
            word_key(m.group()),
            bisect.bisect_right(breaks, m.start()),
        )
        for m in _WORD.finditer(text)
    ]


def sentence_start(all_words: list[Word], index: int, text: str) -> bool:
    """Is the word at `index` the first of its sentence (or the first after a colon)?"""
    if index == 0 or all_words[index - 1].sentence != all_words[index].sentence:
        return True
    between = text[all_words[index - 1].end : all_words[index].start]
    return ":" in between or "\n" in between


def _pairs(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := text.find(opening, position)) != -1:
        end = text.find(closing, start + 1)
        while closing == "\u2019" and end != -1 and text[end + 1 : end + 2].isalpha():
            end = text.find(closing, end + 1)  # an apostrophe, not the closing mark
        if end == -1 or "\n\n" in text[start:end]:
            position = start + 1
            continue
        spans.append((start, end + 1))
        position = end + 1
    return spans


def _straight(text: str, mark: str) -> list[tuple[int, int]]:
    """Straight quotes: an opening mark after a space or bracket, before a letter."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := text.find(mark, position)) != -1:
        before = text[start - 1] if start else " "
        after = text[start + 1 : start + 2]
        if not (before.isspace() or before in "([{-\u2014") or not after.isalnum():
            position = start + 1
            continue
        end = start + 1
        while (end := text.find(mark, end)) != -1:
            following = text[end + 1 : end + 2]
            if not following.isalpha():
                break
            end += 1
        if end == -1 or "\n\n" in text[start:end]:
            position = start + 1
            continue
        spans.append((start, end + 1))
        position = end + 1
    return spans


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Where the text quotes someone: curly, straight, angle and low-nine quotation marks."""
    spans = (
        _pairs(text, "\u201c", "\u201d")
        + _pairs(text, "\u201e", "\u201c")
        + _pairs(text, "\u00ab", "\u00bb")
        + _pairs(text, "\u2018", "\u2019")
        + _straight(text, '"')
        + _straight(text, "'")
    )
    return sorted(spans)


class Quotes:
    """Quotation spans, searchable by position."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _b in self.spans]

    def around(self, start: int, end: int) -> bool:
        """Is [start, end) inside a quotation? (Spans may nest: look a few back.)"""
        index = bisect.bisect_left(self.starts, start)
        return any(a < start and end <= b for a, b in self.spans[max(0, index - 4) : index])
