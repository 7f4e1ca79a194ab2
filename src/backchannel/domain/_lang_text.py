"""A short text (a cell, a sentence) as words of its language, for the checkers' vocabularies.

Vocabularies are written as dictionary words (`vocabulary("renforcer soutien", "fr")`) and
matched against every reading of every word of the text, so that « renforcées »,
« l'occupant », "соответствующими органами" and "والجهات المختصة" are found from
"renforcer", "occupant", "соответствующий орган" and "الجهة المختصة".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from backchannel.domain import _morph

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?|[\u0610-\u061a\u064b-\u065f\u0670]+")
_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+(?:['\u2019][^\W_]+)?")


@cache
def vocabulary(lemmas: str, lang: str) -> frozenset[str]:
    """Every form of every space-separated dictionary word (`_` joins nothing: one word)."""
    return frozenset(f for lemma in lemmas.split() for f in _morph.forms(lemma, lang))


@cache
def phrases(spec: str, lang: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """Comma-separated phrases, each as the forms of each of its words."""
    out = []
    for phrase in spec.split(","):
        words = _WORD.findall(phrase)
        if words:
            out.append(tuple(_morph.forms(w, lang) | {_morph.fold(w, lang)} for w in words))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class TextWords:
    """The words of a text with their readings (folded, clitics off)."""

    raw: tuple[str, ...]
    readings: tuple[tuple[str, ...], ...]
    lang: str

    @classmethod
    def of(cls, text: str, lang: str) -> TextWords:
        raw = tuple(_WORD.findall(_morph.digits(text)))
        return cls(raw, tuple(_morph.readings(w, lang) for w in raw), lang)

    def __len__(self) -> int:
        return len(self.raw)

    def is_in(self, k: int, vocab: Iterable[str] | frozenset[str]) -> bool:
        return any(r in vocab for r in self.readings[k])

    def any_in(self, vocab: frozenset[str]) -> int | None:
        """Index of the first word with a reading in `vocab`."""
        return next((k for k in range(len(self.raw)) if self.is_in(k, vocab)), None)

    def find(self, phrase_list: tuple[tuple[frozenset[str], ...], ...]) -> tuple[int, int] | None:
        """(start, end) word indices of the first phrase found, earliest first."""
        for i in range(len(self.raw)):
            for phrase in phrase_list:
                j = i + len(phrase)
                if j <= len(self.raw) and all(
                    self.is_in(i + n, forms) for n, forms in enumerate(phrase)
                ):
                    return i, j
        return None

    def without(self, span: tuple[int, int]) -> TextWords:
        i, j = span
        return TextWords(
            self.raw[:i] + self.raw[j:], self.readings[:i] + self.readings[j:], self.lang
        )

    def digits(self) -> bool:
        return any(w.isdigit() for w in self.raw)


def as_written(raw: Sequence[str], folded: Sequence[str], start: int, end: int) -> str:
    """The words as the user wrote them that cover [start, end) of " ".join(folded): a
    message quotes « seront examinées », not the folded "seront examinees"."""
    position, first, last = 0, -1, -1
    for k, word in enumerate(folded):
        if position < end and start < position + len(word):
            first = k if first < 0 else first
            last = k
        position += len(word) + 1
    return " ".join(raw[first : last + 1]) if first >= 0 else ""
